package io.learnstream.streams.intake;

import io.learnstream.ingest.caliper.CaliperNormalizer;
import io.learnstream.ingest.identity.PseudonymKey;
import io.learnstream.ingest.xapi.UnprocessableStatementException;
import io.learnstream.schemas.avro.CaliperEventRecord;
import io.learnstream.schemas.avro.LearningEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getEvent().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
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
