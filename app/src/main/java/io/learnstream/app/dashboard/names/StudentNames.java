package io.learnstream.app.dashboard.names;

import io.learnstream.app.privacy.StudentIdResolver;
import io.learnstream.ingest.identity.PseudonymKey;
import io.learnstream.schemas.avro.RosterEnrollment;
import io.learnstream.schemas.avro.RosterUser;
import io.learnstream.schemas.topic.Topics;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The roster's students by their pseudonymous key, for the pages that show a student to a principal who may see them:
 * student key → "Given Family" in a district. A roster student's key is the district's pseudonym key applied to
 * {@code roster:<userSourcedId>} (as ingest and the privacy commands key them); a student is a roster user with an
 * enrollment of role {@code student}. Names stay here, in memory: they are never written to an analytics topic or table.
 * Told of every roster user and enrollment as they change; a district's index is built on first use after a change.
 */
public final class StudentNames {
    static final String STUDENT_ROLE = "student";

    private final Function<String, Optional<PseudonymKey>> keys;
    /** Users' names (nothing else of them is kept) by {@code <tenant>/<sourcedId>}. */
    private final Map<String, Named> users = new HashMap<>();
    /** The student enrollments of each user, by {@code <tenant>/<userSourcedId>}. */
    private final Map<String, Set<String>> studentEnrollments = new HashMap<>();
    /** Per district: the name of each student key; absent when a change made it stale. */
    private final Map<String, Map<String, String>> byDistrict = new HashMap<>();

    /** @param keys the district's pseudonym key, empty when there is no such district */
    public StudentNames(Function<String, Optional<PseudonymKey>> keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** A roster user changed: {@code previous} or {@code current} null when it appeared or was deleted. */
    public synchronized void userChanged(RosterUser previous, RosterUser current) {
        if (previous != null) {
            users.remove(Topics.tenantScopedKey(previous.getTenantId(), previous.getSourcedId()));
            byDistrict.remove(previous.getTenantId());
        }
        if (current != null) {
            users.put(Topics.tenantScopedKey(current.getTenantId(), current.getSourcedId()),
                    new Named(current.getTenantId(), current.getSourcedId(), current.getGivenName() + " " + current.getFamilyName()));
            byDistrict.remove(current.getTenantId());
        }
    }

    /** A roster enrollment changed: {@code previous} or {@code current} null when it appeared or was deleted. */
    public synchronized void enrollmentChanged(RosterEnrollment previous, RosterEnrollment current) {
        if (previous != null && STUDENT_ROLE.equals(previous.getRole())) {
            String user = Topics.tenantScopedKey(previous.getTenantId(), previous.getUserSourcedId());
            Set<String> enrollments = studentEnrollments.get(user);
            if (enrollments != null && enrollments.remove(previous.getSourcedId()) && enrollments.isEmpty()) studentEnrollments.remove(user);
            byDistrict.remove(previous.getTenantId());
        }
        if (current != null && STUDENT_ROLE.equals(current.getRole())) {
            studentEnrollments.computeIfAbsent(Topics.tenantScopedKey(current.getTenantId(), current.getUserSourcedId()), u -> new HashSet<>())
                    .add(current.getSourcedId());
            byDistrict.remove(current.getTenantId());
        }
    }

    /** The roster name of the district's student, empty when the roster has no student of that key. */
    public synchronized Optional<String> of(String tenantId, String studentKey) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(studentKey, "studentKey");
        Map<String, String> names = byDistrict.get(tenantId);
        if (names == null) {
            Optional<PseudonymKey> key = keys.apply(tenantId);
            if (key.isEmpty()) return Optional.empty();
            names = index(tenantId, key.get());
            byDistrict.put(tenantId, names);
        }
        return Optional.ofNullable(names.get(studentKey));
    }

    /** What a page shows for the student: their roster name, else (a learner outside the roster) their key. */
    public String displayName(String tenantId, String studentKey) {
        return of(tenantId, studentKey).orElse(studentKey);
    }

    private Map<String, String> index(String tenantId, PseudonymKey key) {
        Map<String, String> names = new HashMap<>();
        users.values().stream().filter(u -> u.tenantId().equals(tenantId))
                .filter(u -> studentEnrollments.containsKey(Topics.tenantScopedKey(tenantId, u.sourcedId())))
                .forEach(u -> names.put(key.studentKey(StudentIdResolver.ROSTER_PREFIX + u.sourcedId()), u.name()));
        return names;
    }

    private record Named(String tenantId, String sourcedId, String name) {}
}
