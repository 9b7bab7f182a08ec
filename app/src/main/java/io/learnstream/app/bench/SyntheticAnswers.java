package io.learnstream.app.bench;

import io.learnstream.schemas.avro.ClassLineItem;
import io.learnstream.schemas.avro.ClassLineItems;
import io.learnstream.schemas.avro.ClassTeacher;
import io.learnstream.schemas.avro.ClassTeachers;
import io.learnstream.schemas.avro.LearningEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.kafka.common.utils.Utils;

/**
 * A term of a quiz tool as the intake writes it: scored answers on the learning-events topic, each of a roster class,
 * and the roster indexes the analytics read beside them (class-line-items, class-teachers).
 * <ul>
 *   <li>Students answer items of a catalogue of skills, one item in ten exercising two, about two answers in three
 *       right. They are spread over classes of about {@link #CLASS_SIZE}, each class's students of one partition
 *       of the learning events, and each class's key of the same partition ({@link #classIds}).</li>
 *   <li>A student's answers are spread evenly over the {@link #TERM} of six weeks: answer {@code k} of every student
 *       falls in the {@code k}-th slot of the term, the students one after another within the slot, and the answers
 *       are listed slot by slot (as a class answering together), so event time moves forward as a real term's does.</li>
 *   <li>Each class has an assignment a week (a line item due on the week's Sunday); a student's first answer of a
 *       week is on that week's assignment, with a scaled score, so it counts as its submission.</li>
 *   <li>One student in ten goes silent after the first week: no answers, no submissions; their risk rises as the
 *       class's days pass and the assignments fall due, so flags and alerts are raised.</li>
 * </ul>
 * Same seed, same term.
 */
final class SyntheticAnswers {
    static final String TENANT = "bench";
    /** The term's first day (a Monday), 00:00 UTC. */
    static final Instant START = Instant.parse("2026-09-07T00:00:00Z");
    static final Duration TERM = Duration.ofDays(42);
    static final int CLASS_SIZE = 30;
    /** Every {@code SILENT_EVERY}-th student goes silent after the first week. */
    static final int SILENT_EVERY = 10;
    private static final Duration SILENT_AFTER = Duration.ofDays(7);
    private static final String ITEM_IRI = "https://quiz.bench.learnstream.io/items/";
    private static final String SKILL_IRI = "https://quiz.bench.learnstream.io/skills/";
    private static final String ASSIGNMENT_IRI = "https://lms.bench.learnstream.io/assignments/";
    private static final String CLASS_IRI = "https://lms.bench.learnstream.io/classes/";
    private static final String ANSWERED = "http://adlnet.gov/expapi/verbs/answered";
    private static final String INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction";

    /** The term: the learning events in the order written, and each class's line items and teachers. */
    record Term(List<LearningEvent> events, List<ClassLineItems> lineItems, List<ClassTeachers> teachers, int silentStudents) {
        int classes() {
            return lineItems.size();
        }
    }

    private SyntheticAnswers() {}

    /**
     * Up to {@code answersPerStudent} answers of each of {@code students} on {@code items} items of {@code skills} skills,
     * for a learning-events topic of {@code partitions} partitions.
     */
    static Term generate(int students, int answersPerStudent, int items, int skills, int partitions, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<List<String>> itemSkills = new ArrayList<>(items);
        for (int i = 0; i < items; i++) {
            int first = i % skills;
            itemSkills.add(random.nextInt(10) == 0
                    ? List.of(SKILL_IRI + first, SKILL_IRI + ((first + 1 + random.nextInt(skills - 1)) % skills))
                    : List.of(SKILL_IRI + first));
        }
        String[] keys = new String[students];
        byte[] bytes = new byte[16];
        for (int s = 0; s < students; s++) {
            random.nextBytes(bytes);
            keys[s] = HexFormat.of().formatHex(bytes);
        }
        int classes = Math.max(1, Math.round(students / (float) CLASS_SIZE));
        int[] classOf = classes(keys, classes, partitions);
        String[] classIds = classIds(classes, partitions);
        int weeks = (int) TERM.toDays() / 7;
        long slot = TERM.toMillis() / answersPerStudent;
        // the week each student last submitted in, so their first answer of a week is its assignment
        int[] submittedWeek = new int[students];
        java.util.Arrays.fill(submittedWeek, -1);
        List<LearningEvent> events = new ArrayList<>(students * answersPerStudent);
        for (int k = 0; k < answersPerStudent; k++) {
            for (int s = 0; s < students; s++) {
                Instant at = START.plusMillis(k * slot + s * slot / students);
                // silent from the first slot that starts after the first week
                boolean silent = s % SILENT_EVERY == SILENT_EVERY - 1 && k * slot >= SILENT_AFTER.toMillis();
                int item = random.nextInt(items);
                boolean right = random.nextInt(3) != 0;
                if (silent) continue;
                int classNumber = classOf[s];
                int week = (int) Duration.between(START, at).toDays() / 7;
                boolean submission = week < weeks && submittedWeek[s] < week;
                if (submission) submittedWeek[s] = week;
                events.add(LearningEvent.newBuilder()
                        .setEventId(keys[s].substring(0, 8) + "-" + k)
                        .setTenantId(TENANT)
                        .setStudentKey(keys[s])
                        .setCourseId(CLASS_IRI + classIds[classNumber])
                        .setClassId(classIds[classNumber])
                        .setActivityId(submission ? ASSIGNMENT_IRI + assignmentId(classIds[classNumber], week) : ITEM_IRI + item)
                        .setActivityType(INTERACTION)
                        .setVerb(ANSWERED)
                        .setEventTime(at)
                        .setStoredTime(at.plusMillis(250))
                        .setSourceFormat("xapi")
                        .setSuccess(right)
                        .setScoreScaled(submission ? (right ? 0.9 : 0.6) : null)
                        .setSkills(new ArrayList<>(itemSkills.get(item)))
                        .build());
            }
        }
        List<ClassLineItems> lineItems = new ArrayList<>(classes);
        List<ClassTeachers> teachers = new ArrayList<>(classes);
        for (int c = 0; c < classes; c++) {
            List<ClassLineItem> assignments = new ArrayList<>(weeks);
            for (int w = 0; w < weeks; w++) {
                assignments.add(new ClassLineItem(assignmentId(classIds[c], w), "week " + (w + 1) + " practice",
                        START.plus(Duration.ofDays(7L * w)), START.plus(Duration.ofDays(7L * w + 6))));
            }
            lineItems.add(new ClassLineItems(TENANT, classIds[c], START, START.plus(TERM), assignments));
            teachers.add(new ClassTeachers(TENANT, classIds[c], List.of(new ClassTeacher("teacher-" + c, true))));
        }
        int silentStudents = students / SILENT_EVERY;
        return new Term(events, lineItems, teachers, silentStudents);
    }

    /**
     * Each student's class: the students of a learning-events partition (as the producer's default partitioner puts
     * their key) dealt in turn over the classes of that partition ({@link #classIds}).
     */
    private static int[] classes(String[] keys, int classes, int partitions) {
        int[] classOf = new int[keys.length];
        int[] seen = new int[partitions];
        for (int s = 0; s < keys.length; s++) {
            int partition = partitionOf(keys[s], partitions);
            // the classes of partition p are p, p + partitions, ...; with fewer classes than partitions they are shared
            int ofPartition = Math.max(1, (classes - partition + partitions - 1) / partitions);
            int c = partition + partitions * (seen[partition]++ % ofPartition);
            classOf[s] = c < classes ? c : partition % classes;
        }
        return classOf;
    }

    /**
     * The sourcedIds of the classes, {@code class-<n>} with a suffix where needed so that class {@code n}'s key
     * ({@code <tenant>/<classId>}) falls in partition {@code n % partitions} of the risk topology's repartition by class,
     * the partition its students' events are in. The whole term is read as one backlog, each partition as fast as it
     * is read; a class's events then reach the risk topology in order, and from one upstream partition per task, as
     * live events do. Otherwise a task's classes would come from partitions read days apart in event time: the class
     * behind beyond the grace period, or ticked through its days by the stream time of the class ahead before its own
     * events of those days arrive (its students looking silent).
     */
    private static String[] classIds(int classes, int partitions) {
        String[] ids = new String[classes];
        for (int c = 0; c < classes; c++) {
            String id = "class-" + c;
            for (int suffix = 1; partitionOf(TENANT + "/" + id, partitions) != c % partitions; suffix++) id = "class-" + c + "-" + suffix;
            ids[c] = id;
        }
        return ids;
    }

    /** The partition the producer's default partitioner gives a record of {@code key} (a string key). */
    private static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private static String assignmentId(String classId, int week) {
        return classId + "-week-" + (week + 1);
    }
}
