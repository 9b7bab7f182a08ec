package io.learnstream.streams.intake;

import io.learnstream.ingest.attachments.Sha2;
import io.learnstream.ingest.caliper.CaliperNormalizer;
import io.learnstream.ingest.xapi.StatementNormalizer;
import io.learnstream.ingest.xapi.UnprocessableStatementException;
import io.learnstream.schemas.avro.CaliperEventRecord;
import io.learnstream.schemas.avro.LearningEvent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Caliper events as intake input; every event is learning activity. The learner ({@code caliper:<id>}) is linked
 * by its id; the class is the course the normalizer found (the event's {@code group}, else up {@code isPartOf}) when
 * it names a class of the district's roster.
 */
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
    public Optional<LearningEvent> normalize(CaliperEventRecord value, DistrictRoster roster) throws UnprocessableStatementException {
        LearningEvent event = normalizer.normalize(value, roster.key(), roster);
        if (!StatementNormalizer.UNKNOWN_COURSE.equals(event.getCourseId())) {
            roster.classOf(event.getCourseId()).ifPresent(found -> {
                event.setClassId(found);
                event.setCourseId(found);
            });
        }
        return Optional.of(event);
    }
}
