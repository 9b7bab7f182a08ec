package io.learnstream.app.bench;

import io.learnstream.app.simulate.activity.Term;
import io.learnstream.app.simulate.district.District;
import io.learnstream.app.simulate.district.Skill;
import io.learnstream.app.simulate.district.Student;
import io.learnstream.app.simulate.district.Trajectory;
import io.learnstream.schemas.avro.EngagementDaily;
import io.learnstream.schemas.avro.PracticeItem;
import io.learnstream.schemas.avro.RiskReason;
import io.learnstream.schemas.avro.RiskScore;
import io.learnstream.schemas.avro.SkillLevel;
import io.learnstream.schemas.avro.SkillMastery;
import io.learnstream.schemas.avro.StudentCourseDay;
import io.learnstream.schemas.avro.StudentMastery;
import io.learnstream.schemas.avro.StudentSkill;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.sinks.engagement.EngagementDailyRows;
import io.learnstream.sinks.kafka.RowMapper;
import io.learnstream.sinks.mastery.MasteryCurrentRows;
import io.learnstream.sinks.mastery.StudentMasteryRows;
import io.learnstream.sinks.risk.RiskScoreRows;
import io.learnstream.sinks.spi.ColumnStore;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A district's term as the analytics leave it in ClickHouse, for the dashboard benchmark: for every student of the
 * simulated district (their classes, habits and trajectories), the engagement of each class on each day they worked,
 * a risk score of each class every week and after the week's last activity (its history and the current one), and the
 * current mastery of each skill of their subjects with their summary. The rows are made by the sinks' own row mappers
 * ({@link RiskScoreRows}, {@link EngagementDailyRows}, {@link MasteryCurrentRows}, {@link StudentMasteryRows}) from the
 * records the topologies publish, and inserted in batches as {@link io.learnstream.sinks.kafka.TopicSink} inserts
 * them; only Kafka and the topologies are left out (the streams benchmark measures those), so a district of tens of
 * thousands of students is written in a minute rather than replayed for hours on two cores.
 */
final class DashboardTerm {
    /** Rows per insert, about what a sink's batch holds under a replay. */
    private static final int BATCH = 20_000;
    private static final double FLAG_ABOVE = 0.6;
    private static final String[] FACTORS = {"silence", "trend", "missed_share"};

    /** What was written. */
    record Written(int students, int classes, long riskScores, long engagementDays, long skillRows, double seconds) {}

    private final ColumnStore store;
    private final String tenantId;
    private final District district;
    private final Term term;
    private final long seed;
    private final Clock clock;

    DashboardTerm(ColumnStore store, String tenantId, District district, Term term, long seed, Clock clock) {
        this.store = store;
        this.tenantId = tenantId;
        this.district = district;
        this.term = term;
        this.seed = seed;
        this.clock = clock;
    }

    /** The pseudonymous key of a student, as the intake would key them: 16 hex digits, stable for the district and seed. */
    static String studentKey(long seed, Student student) {
        long mixed = new SplittableRandom(seed ^ (31L * student.index() + 7)).nextLong();
        return String.format(Locale.ROOT, "%016x", mixed);
    }

    Written write() {
        long started = System.nanoTime();
        Batch<String, RiskScore> history = new Batch<>(RiskScoreRows.history(clock));
        Batch<String, RiskScore> current = new Batch<>(RiskScoreRows.current(clock));
        Batch<StudentCourseDay, EngagementDaily> engagement = new Batch<>(new EngagementDailyRows(clock));
        Batch<StudentSkill, SkillMastery> mastery = new Batch<>(new MasteryCurrentRows(clock));
        Batch<String, StudentMastery> summaries = new Batch<>(new StudentMasteryRows(clock));
        Map<String, List<Skill>> skillsOfSection = new HashMap<>();
        district.sections().forEach(s -> skillsOfSection.put(s.id(), s.subject().skills()));
        for (Student student : district.students()) {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + student.index());
            String key = studentKey(seed, student);
            for (String classId : student.sectionIds()) {
                RiskScore last = term(student, key, classId, random, history, engagement);
                if (last != null) current.add(Topics.tenantScopedKey(tenantId, classId), last);
            }
            masteryOf(student, key, skillsOfSection, random, mastery, summaries);
        }
        for (Batch<?, ?> batch : List.of(history, current, engagement, mastery, summaries)) batch.flush();
        return new Written(district.students().size(), district.sections().size(), history.written, engagement.written,
                mastery.written, (System.nanoTime() - started) / 1e9);
    }

    /** One student's term in one class: a day's engagement when they worked, a score after each week's work and at its end; the last score. */
    private RiskScore term(Student student, String key, String classId, SplittableRandom random,
            Batch<String, RiskScore> history, Batch<StudentCourseDay, EngagementDaily> engagement) {
        Trajectory trajectory = student.habits().trajectory();
        RiskScore last = null;
        int lastActive = -1;
        int recentDays = 0;
        int earlierDays = 0;
        for (int day = 0; day < term.days(); day++) {
            LocalDate date = term.date(day);
            int week = term.week(day);
            boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
            double chance = (weekend ? student.habits().weekendActivity() : student.habits().weekdayActivity()) * trajectory.engagement(week);
            if (random.nextDouble() < chance / 2) { // a day's work is spread over the student's classes: about half of them
                int sessions = 1 + (random.nextDouble() < student.habits().extraSessionChance() ? 1 : 0);
                double minutes = sessions * student.habits().sessionMinutes() * (0.5 + random.nextDouble());
                engagement.add(new StudentCourseDay(tenantId, key, classId, date),
                        new EngagementDaily(tenantId, key, classId, date, (long) (minutes * 1.5) + 1, sessions, minutes));
                lastActive = day;
                recentDays++;
            }
            if (date.getDayOfWeek() == DayOfWeek.SUNDAY || day == term.days() - 1) {
                int silence = lastActive < 0 ? day + 1 : day - lastActive;
                double trend = Math.log1p(recentDays) - Math.log1p(earlierDays);
                double missed = Math.min(1, random.nextDouble() * (1.2 - trajectory.engagement(week)));
                last = score(key, classId, endOf(date), day, silence, trend, missed, "week");
                history.add(Topics.tenantScopedKey(tenantId, classId), last);
                earlierDays = recentDays;
                recentDays = 0;
            } else if (day == lastActive && date.getDayOfWeek() == DayOfWeek.FRIDAY) {
                last = score(key, classId, endOf(date).minus(Duration.ofHours(6)), day, 0, 0, 0, "event");
                history.add(Topics.tenantScopedKey(tenantId, classId), last);
            }
        }
        return last;
    }

    private RiskScore score(String key, String classId, Instant asOf, int day, int silence, double trend, double missed, String trigger) {
        double[] values = {Math.log1p(silence), trend, missed};
        double[] weights = {1.1, -0.6, 2.0};
        double logOdds = -3.2;
        List<RiskReason> reasons = new ArrayList<>();
        for (int f = 0; f < FACTORS.length; f++) {
            double contribution = values[f] * weights[f];
            logOdds += contribution;
            if (contribution > 0.3) reasons.add(new RiskReason(FACTORS[f], text(FACTORS[f], silence, trend, missed), values[f], contribution));
        }
        reasons.sort(Comparator.comparingDouble(RiskReason::getContribution).reversed());
        double probability = 1 / (1 + Math.exp(-logOdds));
        return RiskScore.newBuilder().setTenantId(tenantId).setClassId(classId).setStudentKey(key).setAsOf(asOf).setDayOfClass(day)
                .setProbability(probability).setFlagged(probability > FLAG_ABOVE).setWithdrawn(false).setReasons(reasons)
                .setFeatures(Map.of("silence", values[0], "trend", values[1], "missed_share", values[2])).setTrigger(trigger)
                .setModelVersion(1).build();
    }

    private static String text(String factor, int silence, double trend, double missed) {
        return switch (factor) {
            case "silence" -> "no activity for " + silence + " days";
            case "trend" -> String.format(Locale.ROOT, "activity down %.0f%% on the week before", 100 * (1 - Math.exp(trend)));
            default -> String.format(Locale.ROOT, "%.0f%% of assignments missed", 100 * missed);
        };
    }

    /** The current mastery of each skill of the student's subjects, and their summary: strengths, weaknesses, practice. */
    private void masteryOf(Student student, String key, Map<String, List<Skill>> skillsOfSection, SplittableRandom random,
            Batch<StudentSkill, SkillMastery> mastery, Batch<String, StudentMastery> summaries) {
        List<SkillLevel> strengths = new ArrayList<>();
        List<SkillLevel> weaknesses = new ArrayList<>();
        List<PracticeItem> practice = new ArrayList<>();
        Instant answered = term.endInstant().minus(Duration.ofDays(1 + random.nextInt(10)));
        for (String classId : student.sectionIds()) {
            for (Skill skill : skillsOfSection.getOrDefault(classId, List.of())) {
                int attempts = 3 + random.nextInt(20);
                double logit = student.ability().general() + student.ability().skillOffsets().getOrDefault(skill.id(), 0.0)
                        + student.ability().learningRate() * Math.log1p(attempts) + random.nextGaussian() * 0.3;
                double p = 1 / (1 + Math.exp(-logit));
                int correct = (int) Math.round(attempts * p);
                boolean mastered = p >= 0.8;
                List<PracticeItem> items = mastered ? List.of()
                        : List.of(new PracticeItem(skill.id(), skill.id() + "/item-" + (1 + random.nextInt(40)), 0.7));
                mastery.add(new StudentSkill(tenantId, key, skill.id()), new SkillMastery(tenantId, key, skill.id(), classId,
                        "e-" + key + "-" + skill.code(), p, attempts, correct, answered, mastered, items));
                (mastered ? strengths : weaknesses).add(new SkillLevel(skill.id(), p, attempts, correct));
                practice.addAll(items);
            }
        }
        strengths.sort(Comparator.comparingDouble(SkillLevel::getPMastery).reversed());
        weaknesses.sort(Comparator.comparingDouble(SkillLevel::getPMastery));
        summaries.add(Topics.tenantScopedKey(tenantId, key), new StudentMastery(tenantId, key, strengths, weaknesses,
                practice.subList(0, Math.min(5, practice.size())), answered));
    }

    private Instant endOf(LocalDate date) {
        return date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1);
    }

    /** Rows of one table, inserted {@link #BATCH} at a time; each record's offset is its position, as on one partition. */
    private final class Batch<K, V> {
        private final RowMapper<K, V> rows;
        private final List<List<Object>> pending = new ArrayList<>(BATCH);
        private long written;

        Batch(RowMapper<K, V> rows) {
            this.rows = rows;
        }

        void add(K key, V value) {
            pending.add(rows.row(key, value, written + pending.size()));
            if (pending.size() == BATCH) flush();
        }

        void flush() {
            store.insert(rows.table(), rows.columns(), pending);
            written += pending.size();
            pending.clear();
        }
    }
}
