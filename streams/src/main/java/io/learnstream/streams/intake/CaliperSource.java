package io.learnstream.streams.intake;

import io.learnstream.ingest.attachments.Sha2;
import io.learnstream.ingest.caliper.CaliperNormalizer;
import io.learnstream.ingest.identity.PseudonymKey;
import io.learnstream.ingest.xapi.UnprocessableStatementException;
import io.learnstream.schemas.avro.CaliperEventRecord;
import io.learnstream.schemas.avro.LearningEvent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Caliper events as intake input; every event is learning activity. */
final class CaliperSource implements IntakeSource<CaliperEventRecord> {
    private final CaliperNormalizer normalizer = new CaliperNormalizer();

    @Override
    public String name() {
        return "streams.intake.caliper";
    }

    @Override
    public String tenantId(CaliperEventRecord value) {
        return value.getTenantId();
    }

    @Override
    public String id(CaliperEventRecord value) {
        return value.getEventId();
    }

    /** SHA-256 of the event as received: a sensor resending an event sends the same JSON. */
    @Override
    public String contentHash(CaliperEventRecord value) {
        return Sha2.digest("SHA-256", value.getEvent().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String payload(CaliperEventRecord value) {
        return value.getEvent();
    }

    @Override
    public Optional<LearningEvent> normalize(CaliperEventRecord value, PseudonymKey key) throws UnprocessableStatementException {
        return Optional.of(normalizer.normalize(value, key));
    }
}
