package io.learnstream.ingest.http;

import io.learnstream.ingest.IngestConfig;
import io.learnstream.ingest.IngestMetrics;
import io.learnstream.ingest.KnownStatements;
import io.learnstream.ingest.StatementIntake;
import io.learnstream.ingest.auth.AuthenticationException;
import io.learnstream.ingest.auth.Principal;
import io.learnstream.ingest.auth.Scope;
import io.learnstream.schemas.avro.XapiStatementRecord;
import io.learnstream.schemas.registry.InMemorySchemaRegistryClient;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.TopicPublisher;
import io.learnstream.schemas.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * What the HTTP specs start the front door on: a mock producer they can inspect (or make fail), the topics, and an
 * intake with a clock fixed at {@link #NOW}. {@link #server()} is the server builder with these, on any free port;
 * each spec adds its authentication (and reads, attachments) and starts it.
 */
final class FrontDoorFixture {
    static final Instant NOW = Instant.parse("2026-09-07T10:00:00Z");
    /** A clock stopped at {@link #NOW}. */
    static final Clock NOW_CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    /** The Authorization of a tool of district {@code demo} that may write and read statements. */
    static final String WRITER = "Basic writer";
    /** The Authorization of a dashboard of district {@code demo} that may only read statements. */
    static final String READER = "Basic reader";

    final MockProducer<byte[], byte[]> producer;
    final Topics topics = Topics.create(AvroSerdes.create(new InMemorySchemaRegistryClient()));
    final IngestMetrics metrics = new IngestMetrics(new SimpleMeterRegistry());
    final TopicPublisher publisher;
    final Clock clock = NOW_CLOCK;

    /** On a producer that acknowledges every write at once. */
    FrontDoorFixture() {
        this(new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer()));
    }

    FrontDoorFixture(MockProducer<byte[], byte[]> producer) {
        this.producer = producer;
        this.publisher = new TopicPublisher(producer);
    }

    IngestServer.Builder server() {
        return server(IngestConfig.defaults());
    }

    /** The server builder with these on {@code config}'s settings, on any free port. */
    IngestServer.Builder server(IngestConfig config) {
        return IngestServer.builder(config.withPort(0), metrics)
                .statements(new StatementIntake(topics, publisher, KnownStatements.NONE, clock, metrics, "http://127.0.0.1:8080/credentials"));
    }

    /** The test credentials: {@link #WRITER} and {@link #READER}; anything else is unknown. */
    static Principal authenticate(String header) throws AuthenticationException {
        if (WRITER.equals(header)) return new Principal("demo", "quiz-app", "ls_writer", Set.of(Scope.STATEMENTS_WRITE, Scope.STATEMENTS_READ));
        if (READER.equals(header)) return new Principal("demo", "dashboard", "ls_reader", Set.of(Scope.STATEMENTS_READ));
        throw new AuthenticationException(header == null ? AuthenticationException.Reason.MISSING_HEADER
                : AuthenticationException.Reason.UNKNOWN_KEY, "test credentials only", null);
    }

    /** A stored statement record as it went to the producer. */
    XapiStatementRecord stored(ProducerRecord<byte[], byte[]> record) {
        return topics.xapiStatements().valueSerde().deserializer().deserialize(record.topic(), record.value());
    }
}
