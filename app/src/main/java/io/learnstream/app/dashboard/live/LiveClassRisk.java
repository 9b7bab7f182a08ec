package io.learnstream.app.dashboard.live;

import io.learnstream.app.dashboard.data.ClassRisk;
import io.learnstream.app.dashboard.data.ScoredStudent;
import io.learnstream.schemas.avro.RiskScore;
import io.learnstream.schemas.topic.Topics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * A class's risk indicator as a live update shows it: the students' current scores as ClickHouse has them, with
 * those the risk feed delivered that the sink has not written yet (the feed is usually ahead of the sink). A feed
 * score is held until the table shows it or a later one, so what is held stays the scores in flight.
 */
public final class LiveClassRisk {
    private final BiFunction<String, String, List<ScoredStudent>> stored;
    /** Per {@code <tenant>/<class>}, per student, the newest score the feed delivered and the table did not show yet. */
    private final Map<String, Map<String, ScoredStudent>> inFlight = new ConcurrentHashMap<>();

    /** @param stored the students' current scores of a district's class as the table has them (tenant, class) */
    public LiveClassRisk(BiFunction<String, String, List<ScoredStudent>> stored) {
        this.stored = Objects.requireNonNull(stored, "stored");
    }

    /** Takes a score the feed delivered; the class's indicator with it. */
    public ClassRisk scored(RiskScore score) {
        ScoredStudent student = ScoredStudent.of(score);
        inFlight.computeIfAbsent(Topics.tenantScopedKey(score.getTenantId(), score.getClassId()), k -> new ConcurrentHashMap<>())
                .merge(student.studentKey(), student, (held, now) -> now.supersedes(held) ? now : held);
        return current(score.getTenantId(), score.getClassId());
    }

    /** The class's indicator now: the table's current scores, each replaced by a newer one the feed delivered. */
    public ClassRisk current(String tenantId, String classId) {
        Map<String, ScoredStudent> students = new HashMap<>();
        stored.apply(tenantId, classId).forEach(s -> students.put(s.studentKey(), s));
        Map<String, ScoredStudent> held = inFlight.getOrDefault(Topics.tenantScopedKey(tenantId, classId), Map.of());
        held.forEach((key, feed) -> {
            ScoredStudent table = students.get(key);
            if (table == null || (feed.supersedes(table) && !feed.equals(table))) {
                students.put(key, feed);
            } else {
                held.remove(key, feed); // the table has it, or a later one: no longer in flight
            }
        });
        return ClassRisk.of(classId, students.values());
    }

    /** Scores held because the table did not show them yet (for tests and metrics). */
    int inFlight() {
        return inFlight.values().stream().mapToInt(Map::size).sum();
    }
}
