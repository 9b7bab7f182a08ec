package io.learnstream.app.risk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.app.replay.oulad.OuladEvent;
import io.learnstream.app.replay.oulad.OuladPresentation;
import io.learnstream.app.replay.oulad.OuladStatements;
import io.learnstream.app.replay.oulad.OuladStudent;
import io.learnstream.app.replay.oulad.OuladTimeline;
import io.learnstream.ingest.xapi.Statement;
import io.learnstream.ingest.xapi.StatementNormalizer;
import io.learnstream.ingest.xapi.UnprocessableStatementException;
import io.learnstream.ingest.xapi.XapiTimestamps;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.streams.risk.RiskEvents;
import io.learnstream.streams.risk.model.ClassTimeline;
import io.learnstream.streams.risk.model.Days;
import io.learnstream.streams.risk.model.RiskFitter;
import io.learnstream.streams.risk.model.StudentActivity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * The risk model's training snapshots of OULAD presentations, taken from exactly what the pipeline serves the model:
 * each presentation's xAPI statements in the order the replay sends them ({@link OuladStatements}), normalized to
 * learning events as the intake does ({@link StatementNormalizer}), mapped to risk events with the class's line
 * items as the roster makes them ({@link RiskEvents#of}, {@link OuladRiskClasses}), and lived through in event time
 * ({@link ClassTimeline}). At every weekly tick (the midnight starting day {@code 7k} of the class, {@code k >= 1})
 * each student registered by then and not withdrawn is one snapshot, labelled with how the presentation ended for
 * them ({@link io.learnstream.app.replay.oulad.FinalResult#atRisk()}: Fail or Withdrawn).
 */
public final class RiskSnapshots {
    /** Ticks between two snapshots of a student: weekly. */
    public static final int WEEK_DAYS = 7;
    /** Statements between two progress reports. */
    static final long PROGRESS_EVERY = 50_000;
    private static final String TENANT = "risk-fit";

    /**
     * What one presentation gave.
     *
     * @param withActivityData whether the class sent activity beyond submissions (the model family it fits)
     */
    public record Presentation(String classId, long statements, int students, boolean withActivityData, List<RiskFitter.Snapshot> snapshots) {
        public Presentation {
            snapshots = List.copyOf(snapshots);
        }
    }

    private final StatementNormalizer normalizer = new StatementNormalizer();
    private final OuladStatements statements = new OuladStatements(new ObjectMapper());

    /**
     * The snapshots of one presentation.
     *
     * @param progress told the number of statements lived through so far, now and then and at the end
     */
    public Presentation of(OuladPresentation presentation, OuladRiskClasses.RiskClass klass, LongConsumer progress) {
        ClassTimeline timeline = new ClassTimeline(klass.start(), klass.contextLineItems());
        Map<String, OuladStudent> byKey = new HashMap<>();
        List<RiskFitter.Snapshot> snapshots = new ArrayList<>();
        ClassTimeline.TickListener weekly = (asOf, dayOfClass, scored) -> {
            if (dayOfClass < WEEK_DAYS || dayOfClass % WEEK_DAYS != 0) return;
            for (ClassTimeline.Scored s : scored) {
                StudentActivity activity = timeline.students().get(s.student());
                if (s.withdrawn() || activity.registered() == null || activity.registered() > asOf) continue;
                snapshots.add(new RiskFitter.Snapshot(s.features(), s.withActivityData(), byKey.get(s.student()).finalResult().atRisk()));
            }
        };
        long count = 0;
        for (OuladEvent event : OuladTimeline.of(presentation)) {
            LearningEvent learning = normalize(statements.statement(event));
            byKey.putIfAbsent(learning.getStudentKey(), presentation.students().get(event.studentId()));
            timeline.apply(learning.getStudentKey(), RiskEvents.of(learning, klass.lineItems()), weekly);
            if (++count % PROGRESS_EVERY == 0) progress.accept(count);
        }
        timeline.advanceTo(klass.start() + (presentation.lengthDays() + 1L) * Days.MILLIS, weekly);
        progress.accept(count);
        return new Presentation(presentation.id(), count, byKey.size(), timeline.context().withActivityData(), snapshots);
    }

    /** The learning event the intake makes of a statement (the learner's identifier as the student key: it stays here). */
    private LearningEvent normalize(ObjectNode json) {
        var timestamp = XapiTimestamps.parse(json.get("timestamp").asText());
        Statement statement = new Statement(UUID.fromString(json.get("id").asText()), json, timestamp, timestamp, null);
        try {
            return normalizer.normalize(statement, TENANT, identifier -> identifier, null);
        } catch (UnprocessableStatementException e) {
            throw new IllegalStateException("statement " + statement.id() + " of the replay is not processable: " + e.getMessage(), e);
        }
    }
}
