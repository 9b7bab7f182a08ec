package io.learnstream.app.eval.risk;

import io.learnstream.app.replay.oulad.OuladCalendar;
import io.learnstream.app.replay.oulad.OuladPresentation;
import io.learnstream.app.replay.oulad.OuladStudent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Who is scored at each week of the evaluation, and the pipeline's records joined to them. A student counts at week
 * {@code k} when, by OULAD's {@code studentRegistration}, they were registered and not withdrawn as of the record's
 * moment, the midnight starting day {@code 7k}: registered on a day before {@code 7k} (registrations are at 08:00 of
 * their day), and not withdrawn or withdrawn on day {@code 7k} or later. A student without a registration date is
 * never counted, nor anyone at a week past the presentation's last day. The label is the final result: Fail or
 * Withdrawn is at risk.
 */
public final class RiskCohort {
    /** The weeks scored. */
    public static final List<Integer> WEEKS = List.of(2, 4, 8, 12);
    /** The demographic attributes of the group metrics, as {@code studentInfo} names them. */
    public static final List<String> ATTRIBUTES = List.of("gender", "age_band", "imd_band", "disability");
    /** The group of a student whose IMD band OULAD leaves empty. */
    public static final String UNKNOWN = "unknown";

    /**
     * A weekly record of the risk history ({@code trigger = 'week'}).
     *
     * @param dayOfClass {@code 7k} for the record of week {@code k}
     */
    public record WeekRecord(String classId, String studentKey, int dayOfClass, double probability, boolean flagged, long modelVersion) {}

    /**
     * The records joined to the students.
     *
     * @param scored the counted students that have their week's record
     * @param counted by presentation and week, how many students count
     * @param missing counted students without a record of their week
     * @param uncounted by week, records of students who do not count that week (not registered by then or withdrawn by
     *     OULAD, or the week is past the presentation's last day)
     * @param withdrawals every student of the presentations who withdrew on or after the first day, after registering
     */
    public record Joined(List<ScoredStudent> scored, Map<String, Map<Integer, Integer>> counted, int missing, Map<Integer, Integer> uncounted,
            List<RiskMetrics.Withdrawal> withdrawals) {
        public int uncountedRecords() {
            return uncounted.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private RiskCohort() {}

    /** Whether the student counts at the record of day {@code day} (a midnight): registered before it and not withdrawn before it. */
    public static boolean counts(OuladStudent s, int day) {
        if (s.registrationDay().isEmpty() || s.registrationDay().getAsInt() >= day) return false;
        return s.unregistrationDay().isEmpty() || s.unregistrationDay().getAsInt() >= day;
    }

    /** The student's group in each of {@link #ATTRIBUTES}. */
    public static Map<String, String> groups(OuladStudent s) {
        Map<String, String> groups = new LinkedHashMap<>();
        groups.put("gender", s.gender());
        groups.put("age_band", s.ageBand());
        groups.put("imd_band", s.imdBand().orElse(UNKNOWN));
        groups.put("disability", s.disability() ? "Y" : "N");
        return groups;
    }

    /**
     * @param keyOf the student key the pipeline gives a student
     * @param firstFlags epoch millis of each student's first flagged record, by {@code <classId>/<studentKey>}
     */
    public static Joined join(List<OuladPresentation> presentations, Function<OuladStudent, String> keyOf, List<Integer> weeks,
            List<WeekRecord> records, Map<String, Long> firstFlags) {
        Map<String, WeekRecord> byStudentDay = new HashMap<>();
        for (WeekRecord r : records) byStudentDay.put(r.classId() + "/" + r.studentKey() + "/" + r.dayOfClass(), r);
        Map<String, WeekRecord> unused = new HashMap<>(byStudentDay);
        List<ScoredStudent> scored = new ArrayList<>();
        Map<String, Map<Integer, Integer>> counted = new LinkedHashMap<>();
        List<RiskMetrics.Withdrawal> withdrawals = new ArrayList<>();
        int missing = 0;
        for (OuladPresentation p : presentations) {
            Map<Integer, Integer> perWeek = counted.computeIfAbsent(p.id(), c -> new TreeMap<>());
            for (OuladStudent s : p.students().values()) {
                String key = keyOf.apply(s);
                for (int week : weeks) {
                    int day = 7 * week;
                    WeekRecord r = byStudentDay.get(p.id() + "/" + key + "/" + day);
                    if (day > p.lengthDays() || !counts(s, day)) continue;
                    perWeek.merge(week, 1, Integer::sum);
                    if (r == null) {
                        missing++;
                        continue;
                    }
                    unused.remove(p.id() + "/" + key + "/" + day);
                    scored.add(new ScoredStudent(p.id(), s.id(), week, r.probability(), r.flagged(), s.finalResult().atRisk(), groups(s)));
                }
                if (s.unregistrationDay().isPresent() && s.registrationDay().isPresent() && s.unregistrationDay().getAsInt() >= 0
                        && s.registrationDay().getAsInt() <= s.unregistrationDay().getAsInt()) {
                    long withdrew = OuladCalendar.enrollmentTime(p.start(), s.unregistrationDay().getAsInt()).toEpochMilli();
                    Long first = firstFlags.get(p.id() + "/" + key);
                    withdrawals.add(new RiskMetrics.Withdrawal(p.id(), s.id(), withdrew, first != null && first < withdrew ? first : null));
                }
            }
        }
        Map<Integer, Integer> uncounted = new TreeMap<>();
        for (WeekRecord r : unused.values()) if (r.dayOfClass() % 7 == 0 && weeks.contains(r.dayOfClass() / 7)) uncounted.merge(r.dayOfClass() / 7, 1, Integer::sum);
        return new Joined(scored, counted, missing, uncounted, withdrawals);
    }
}
