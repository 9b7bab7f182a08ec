package io.learnstream.ingest.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.learnstream.embedded.EmbeddedKafka;
import io.learnstream.ingest.xapi.XapiVersion;
import io.learnstream.schemas.avro.XapiDocumentRecord;
import io.learnstream.schemas.registry.InMemorySchemaRegistryClient;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.Topic;
import io.learnstream.schemas.topic.TopicTableConfig;
import io.learnstream.schemas.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The document store on the real broker: a compacted topic per kind, read into each instance's view. A write is read
 * back at once, other instances see it, and documents (and deletions) survive a restart of the LRS and of the broker.
 */
class DocumentsIT {
    private static final AtomicInteger TOPICS = new AtomicInteger();
    private static final String ANN = "mbox:mailto:ann@example.org";
    private static final String COURSE = "https://lms.example.org/courses/algebra-1";
    private static final AvroSerdes SERDES = AvroSerdes.create(new InMemorySchemaRegistryClient());

    @TempDir
    Path kafkaData;

    private EmbeddedKafka kafka;
    private final Map<DocumentKind, Topic<String, XapiDocumentRecord>> topics = freshTopics();
    private final java.util.List<TopicDocumentTable> open = new java.util.ArrayList<>();

    @AfterEach
    void stop() {
        open.forEach(TopicDocumentTable::close);
        if (kafka != null) kafka.close();
    }

    private static Map<DocumentKind, Topic<String, XapiDocumentRecord>> freshTopics() {
        int n = TOPICS.incrementAndGet();
        Map<DocumentKind, Topic<String, XapiDocumentRecord>> topics = new EnumMap<>(DocumentKind.class);
        topics.put(DocumentKind.STATE, new Topic<>(Topics.XAPI_STATES + "-" + n, Serdes.String(), SERDES.value(XapiDocumentRecord.class)));
        topics.put(DocumentKind.ACTIVITY_PROFILE, new Topic<>(Topics.XAPI_ACTIVITY_PROFILES + "-" + n, Serdes.String(),
                SERDES.value(XapiDocumentRecord.class)));
        topics.put(DocumentKind.AGENT_PROFILE, new Topic<>(Topics.XAPI_AGENT_PROFILES + "-" + n, Serdes.String(),
                SERDES.value(XapiDocumentRecord.class)));
        return topics;
    }

    /** One LRS instance's store: a view of each topic. */
    private DocumentStore instance() {
        Map<DocumentKind, DocumentTable> tables = new EnumMap<>(DocumentKind.class);
        TopicTableConfig config = TopicTableConfig.of(kafka.bootstrapServers()).withStartTimeout(Duration.ofSeconds(30));
        topics.forEach((kind, topic) -> {
            TopicDocumentTable table = TopicDocumentTable.open(topic, config);
            open.add(table);
            tables.put(kind, table);
        });
        return new DocumentStore(tables, Clock.systemUTC(), new DocumentMetrics(new SimpleMeterRegistry()), Topics.MAX_DOCUMENT_BYTES);
    }

    private void closeInstances() {
        open.forEach(TopicDocumentTable::close);
        open.clear();
    }

    private static DocumentAddress state(String tenant, String stateId) {
        return new DocumentAddress(tenant, DocumentKind.STATE, COURSE, ANN, "{\"mbox\":\"mailto:ann@example.org\"}", null, stateId);
    }

    private static DocumentAddress agentProfile(String profileId) {
        return new DocumentAddress("riverside", DocumentKind.AGENT_PROFILE, null, ANN, "{\"mbox\":\"mailto:ann@example.org\"}", null, profileId);
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String content(Optional<StoredDocument> document) {
        return new String(document.orElseThrow().content(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadAWriteBackAtOnceAndShowItToEveryOtherInstance() {
        kafka = EmbeddedKafka.start(kafkaData);
        DocumentStore lrs1 = instance();
        DocumentStore lrs2 = instance();

        lrs1.put(state("riverside", "bookmark"), "text/plain", text("slide-7"), Preconditions.NONE, XapiVersion.V1_0_3);

        assertThat(content(lrs1.get(state("riverside", "bookmark")))).isEqualTo("slide-7");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(lrs2.get(state("riverside", "bookmark"))).map(StoredDocument::etag)
                        .isEqualTo(lrs1.get(state("riverside", "bookmark")).map(StoredDocument::etag)));
        assertThat(lrs2.get(state("hillcrest", "bookmark"))).isEmpty();
    }

    @Test
    void shouldKeepDocumentsAndDeletionsAcrossARestartOfTheLrsAndOfTheBroker() {
        kafka = EmbeddedKafka.start(kafkaData);
        DocumentStore before = instance();
        before.put(state("riverside", "bookmark"), "text/plain", text("slide-7"), Preconditions.NONE, XapiVersion.V1_0_3);
        before.put(state("riverside", "suspend"), "text/plain", text("gone soon"), Preconditions.NONE, XapiVersion.V1_0_3);
        before.delete(state("riverside", "suspend"), Preconditions.NONE);
        before.post(agentProfile("cmi5LearnerPreferences"), "application/json", text("{\"languagePreference\":\"en-US\"}"), Preconditions.NONE);
        String etag = before.get(state("riverside", "bookmark")).orElseThrow().etag();
        closeInstances();
        kafka.close();

        kafka = EmbeddedKafka.start(kafkaData);
        DocumentStore after = instance();

        assertThat(content(after.get(state("riverside", "bookmark")))).isEqualTo("slide-7");
        assertThat(after.get(state("riverside", "bookmark")).orElseThrow().etag()).isEqualTo(etag);
        assertThat(after.get(state("riverside", "suspend"))).isEmpty();
        assertThat(after.list(state("riverside", null), Optional.empty())).extracting(StoredDocument::id).containsExactly("bookmark");
        assertThat(content(after.get(agentProfile("cmi5LearnerPreferences")))).isEqualTo("{\"languagePreference\":\"en-US\"}");
    }
}
