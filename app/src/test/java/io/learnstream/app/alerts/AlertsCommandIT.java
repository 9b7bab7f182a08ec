package io.learnstream.app.alerts;

import static io.learnstream.app.alerts.AlertRecords.closed;
import static io.learnstream.app.alerts.AlertRecords.open;
import static io.learnstream.app.alerts.AlertRecords.teacher;
import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.app.Main;
import io.learnstream.app.pipeline.TopicSetup;
import io.learnstream.embedded.EmbeddedKafka;
import io.learnstream.ingest.publish.ProducerSettings;
import io.learnstream.registry.RegistryConfig;
import io.learnstream.registry.SchemaRegistryServer;
import io.learnstream.schemas.avro.Alert;
import io.learnstream.schemas.avro.AlertFeedback;
import io.learnstream.schemas.registry.RestSchemaRegistryClient;
import io.learnstream.schemas.registry.SchemaRegistryClientConfig;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.TopicPublisher;
import io.learnstream.schemas.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code learnstream alerts list|ack|dismiss} end to end on the embedded broker: alerts written to the compacted alerts
 * topic as the risk topology writes them, listed and answered by the command line as main runs it, the answers read
 * back from the alert-feedback topic. Most specs work on a running broker and registry given by address (as on a
 * running demo or a server deployment), one on the embedded broker of a data directory the command starts itself.
 */
@Timeout(300)
class AlertsCommandIT {
    private static final Instant CLOSED = Instant.parse("2026-09-15T10:00:00Z");
    private static final Alert MATH_OPEN = open("riverside", "math-7a", "st-1", 5, 0.82, teacher("t-rivera", true), teacher("t-okafor", false));
    private static final Alert MATH_ACKNOWLEDGED = open("riverside", "math-7a", "st-2", 1, 0.7, teacher("t-rivera", true), teacher("t-okafor", false));
    private static final Alert MATH_CLEARED = open("riverside", "math-7a", "st-3", 2, 0.66, teacher("t-rivera", true), teacher("t-okafor", false));
    private static final Alert ART_OPEN = open("riverside", "art-2", "st-1", 3, 0.71, teacher("t-chen", true), teacher("t-rivera", false));
    private static final Alert SCIENCE_OPEN = open("riverside", "science-8", "st-4", 4, 0.9, teacher("t-chen", true));
    private static final Alert HILLCREST_OPEN = open("hillcrest", "math-7a", "st-9", 6, 0.95, teacher("t-rivera", true));

    @TempDir
    static Path brokerDir;
    @TempDir
    Path dataDir;
    static EmbeddedKafka kafka;
    static SchemaRegistryServer registry;
    static String[] where;

    private record Result(int exitCode, String out, String err) {}

    @BeforeAll
    static void startBrokerWithTheDistrictsAlerts() {
        kafka = EmbeddedKafka.start(brokerDir.resolve("kafka"));
        registry = SchemaRegistryServer.start(RegistryConfig.onKafka(kafka.bootstrapServers()), new SimpleMeterRegistry());
        where = new String[] {"--bootstrap-servers", kafka.bootstrapServers(), "--registry-url", registry.url().toString()};
        for (String district : List.of("riverside", "hillcrest")) {
            Result add = run("credentials", "add", "--district", district, "--tool", "sis", where[0], where[1], where[2], where[3]);
            assertThat(add.exitCode()).as(add.err()).isZero();
        }
        // each status change is a new value of the alert's key: the latest is its status
        writeAlerts(kafka.bootstrapServers(), registry.url(), MATH_OPEN, MATH_ACKNOWLEDGED, MATH_CLEARED, ART_OPEN, SCIENCE_OPEN,
                HILLCREST_OPEN, closed(MATH_ACKNOWLEDGED, "acknowledged", CLOSED, "t-okafor"), closed(MATH_CLEARED, "cleared", CLOSED, null));
    }

    @AfterAll
    static void stopBroker() {
        if (registry != null) registry.close();
        if (kafka != null) kafka.close();
    }

    @Test
    void shouldListTheOpenAlertsOfAClassNewestFirst() {
        // when
        Result listed = alerts("list", "--district", "riverside", "--class", "math-7a");

        // then only the open alert of math-7a, with its teachers and sentence
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains(MATH_OPEN.getAlertId()).contains("t-rivera (primary), t-okafor")
                .contains("82% risk: no activity for 9 days").contains("(1 row)")
                .doesNotContain(MATH_ACKNOWLEDGED.getAlertId()).doesNotContain(MATH_CLEARED.getAlertId())
                .doesNotContain(ART_OPEN.getAlertId()).doesNotContain(HILLCREST_OPEN.getAlertId());
    }

    @Test
    void shouldListATeachersOpenAlertsAsPrimaryTeacherAndCoTeacher() {
        // when
        Result listed = alerts("list", "--district", "riverside", "--teacher", "t-rivera");

        // then math-7a's (raised at hour 5) before art-2's (hour 3, t-rivera a co-teacher); not science-8 (t-chen only)
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(lines(listed.out(), MATH_OPEN, ART_OPEN, SCIENCE_OPEN, HILLCREST_OPEN)).containsExactly(MATH_OPEN.getAlertId(),
                ART_OPEN.getAlertId());
    }

    @Test
    void shouldListEveryStatusWithStatusAll() {
        // when
        Result listed = alerts("list", "--class", "math-7a", "--status", "all");

        // then every district's alerts of a class of that id, each with its latest status
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(lines(listed.out(), MATH_OPEN, MATH_ACKNOWLEDGED, MATH_CLEARED, HILLCREST_OPEN)).containsExactly(
                HILLCREST_OPEN.getAlertId(), MATH_OPEN.getAlertId(), MATH_CLEARED.getAlertId(), MATH_ACKNOWLEDGED.getAlertId());
        assertThat(listed.out()).containsPattern("\\| acknowledged +\\|").containsPattern("\\| cleared +\\|");
    }

    @Test
    void shouldRefuseToListAnUnknownDistrict() {
        // when
        Result listed = alerts("list", "--district", "brookside");

        // then
        assertThat(listed.exitCode()).isEqualTo(2);
        assertThat(listed.err()).isEqualTo("learnstream: district 'brookside' is unknown (create it with learnstream credentials add)\n");
    }

    @Test
    void shouldWriteAnAcknowledgementAndADismissalKeyedByDistrictAndClass() {
        // when
        Result acked = alerts("ack", MATH_OPEN.getAlertId(), "--by", "t-rivera");
        Result dismissed = alerts("dismiss", SCIENCE_OPEN.getAlertId(), "--by", "t-chen");

        // then
        assertThat(acked.exitCode()).as(acked.err()).isZero();
        assertThat(acked.out()).startsWith("acknowledged alert '" + MATH_OPEN.getAlertId() + "' (student st-1 of class math-7a,"
                + " district riverside) as t-rivera");
        assertThat(dismissed.exitCode()).as(dismissed.err()).isZero();
        List<ConsumerRecord<String, AlertFeedback>> answers = feedback(kafka.bootstrapServers(), registry.url());
        assertThat(answers).filteredOn(record -> record.value().getAlertId().equals(MATH_OPEN.getAlertId())).singleElement()
                .satisfies(record -> {
                    assertThat(record.key()).isEqualTo("riverside/math-7a");
                    assertThat(record.value().getTenantId()).isEqualTo("riverside");
                    assertThat(record.value().getClassId()).isEqualTo("math-7a");
                    assertThat(record.value().getAction()).isEqualTo("acknowledge");
                    assertThat(record.value().getBy()).isEqualTo("t-rivera");
                    assertThat(record.value().getTime()).isBetween(Instant.now().minus(Duration.ofMinutes(5)), Instant.now());
                });
        assertThat(answers).filteredOn(record -> record.value().getAlertId().equals(SCIENCE_OPEN.getAlertId())).singleElement()
                .satisfies(record -> {
                    assertThat(record.key()).isEqualTo("riverside/science-8");
                    assertThat(record.value().getAction()).isEqualTo("dismiss");
                    assertThat(record.value().getBy()).isEqualTo("t-chen");
                });
    }

    @Test
    void shouldRefuseAnUnknownOrClosedAlertNamingItAndWriteNothing() {
        // given
        int before = feedback(kafka.bootstrapServers(), registry.url()).size();

        // when
        Result unknown = alerts("ack", "riverside/math-7a/st-1/silence/1", "--by", "t-rivera");
        Result acknowledged = alerts("ack", MATH_ACKNOWLEDGED.getAlertId(), "--by", "t-rivera");
        Result cleared = alerts("dismiss", MATH_CLEARED.getAlertId(), "--by", "t-rivera");

        // then
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("learnstream: there is no alert 'riverside/math-7a/st-1/silence/1' (learnstream alerts"
                + " list --status all shows every alert's id)\n");
        assertThat(acknowledged.exitCode()).isEqualTo(2);
        assertThat(acknowledged.err()).isEqualTo("learnstream: alert '" + MATH_ACKNOWLEDGED.getAlertId() + "' cannot be acknowledged:"
                + " it is acknowledged by t-okafor at 2026-09-15T10:00:00Z, and only an open alert can be answered\n");
        assertThat(cleared.exitCode()).isEqualTo(2);
        assertThat(cleared.err()).isEqualTo("learnstream: alert '" + MATH_CLEARED.getAlertId() + "' cannot be dismissed: it is cleared"
                + " at 2026-09-15T10:00:00Z, and only an open alert can be answered\n");
        assertThat(feedback(kafka.bootstrapServers(), registry.url())).hasSize(before);
    }

    @Test
    void shouldListAndAcknowledgeOnTheEmbeddedBrokerOfADataDirectory() {
        // given alerts on the broker of a data directory, which is then stopped (no demo running)
        Alert alert = open("riverside", "math-7a", "st-1", 5, 0.82, teacher("t-rivera", true));
        try (EmbeddedKafka own = EmbeddedKafka.start(dataDir.resolve("kafka"));
                SchemaRegistryServer ownRegistry = SchemaRegistryServer.start(RegistryConfig.onKafka(own.bootstrapServers()),
                        new SimpleMeterRegistry())) {
            writeAlerts(own.bootstrapServers(), ownRegistry.url(), alert);
        }

        // when
        Result listed = run("alerts", "list", "--data-dir", dataDir.toString());
        Result acked = run("alerts", "ack", alert.getAlertId(), "--by", "t-rivera", "--data-dir", dataDir.toString());

        // then
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).contains(alert.getAlertId()).contains("(1 row)");
        assertThat(acked.exitCode()).as(acked.err()).isZero();
        try (EmbeddedKafka own = EmbeddedKafka.start(dataDir.resolve("kafka"));
                SchemaRegistryServer ownRegistry = SchemaRegistryServer.start(RegistryConfig.onKafka(own.bootstrapServers()),
                        new SimpleMeterRegistry())) {
            assertThat(feedback(own.bootstrapServers(), ownRegistry.url())).singleElement()
                    .satisfies(record -> assertThat(record.value().getAlertId()).isEqualTo(alert.getAlertId()));
        }
    }

    @Test
    void shouldSayToPassTheBrokersAddressWhenADemoHoldsTheDataDirectory() {
        // given a broker (a running demo's) holding the data directory
        try (EmbeddedKafka running = EmbeddedKafka.start(dataDir.resolve("kafka"))) {
            // when
            Result listed = run("alerts", "list", "--data-dir", dataDir.toString());

            // then
            assertThat(listed.exitCode()).isEqualTo(2);
            assertThat(listed.err()).startsWith("learnstream: the data directory").contains("is in use by a running learnstream")
                    .contains("--bootstrap-servers <the Kafka broker address the demo printed>").doesNotContain("\tat ");
        }
    }

    /** The ids of {@code alerts} in the order their lines appear in {@code printed} (those not printed left out). */
    private static List<String> lines(String printed, Alert... alerts) {
        return Stream.of(alerts).filter(alert -> printed.contains(alert.getAlertId()))
                .sorted(java.util.Comparator.comparingInt(alert -> printed.indexOf(alert.getAlertId())))
                .map(Alert::getAlertId).toList();
    }

    /** Writes the alerts to the alerts topic (created with the pipeline's settings first), keyed by alert id, in order. */
    private static void writeAlerts(String bootstrap, URI registryUrl, Alert... alerts) {
        Topics topics = topics(registryUrl);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            TopicSetup.ensure(admin, topics, 3);
        }
        try (TopicPublisher publisher = new TopicPublisher(new KafkaProducer<>(ProducerSettings.forIngest(bootstrap, "alerts-it")))) {
            for (Alert alert : alerts) {
                publisher.send(topics.alerts(), alert.getAlertId(), alert, alert.getRaisedTime().toEpochMilli()).join();
            }
        }
    }

    /** Every record of the alert-feedback topic, read from its beginning to its end. */
    private static List<ConsumerRecord<String, AlertFeedback>> feedback(String bootstrap, URI registryUrl) {
        var topic = topics(registryUrl).alertFeedback();
        List<ConsumerRecord<String, AlertFeedback>> records = new ArrayList<>();
        try (KafkaConsumer<String, AlertFeedback> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic.name(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    private static Topics topics(URI registryUrl) {
        return Topics.create(AvroSerdes.create(new RestSchemaRegistryClient(SchemaRegistryClientConfig.of(registryUrl))));
    }

    /** {@code alerts <args>} on the running broker and registry. */
    private static Result alerts(String... args) {
        List<String> all = new ArrayList<>(List.of("alerts"));
        all.addAll(List.of(args));
        all.addAll(List.of(where));
        return run(all.toArray(String[]::new));
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exitCode = command.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
