package io.learnstream.app.bench;

import io.learnstream.schemas.avro.LearningEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Scored answers of a quiz tool as the intake writes them to the learning-events topic: students answering items of
 * a catalogue of skills, one item in ten exercising two, about two answers in three right. Student {@code s}'s
 * answer {@code k} is at minute {@code k} of the term, and they are listed answer by answer across the students
 * (as a class answering together), so event time moves forward as a real term's does. Same seed, same answers.
 */
final class SyntheticAnswers {
    static final String TENANT = "bench";
    static final Instant START = Instant.parse("2026-09-07T08:00:00Z");
    private static final String ITEM_IRI = "https://quiz.bench.learnstream.io/items/";
    private static final String SKILL_IRI = "https://quiz.bench.learnstream.io/skills/";
    private static final String COURSE = "https://lms.bench.learnstream.io/courses/algebra-1";
    private static final String ANSWERED = "http://adlnet.gov/expapi/verbs/answered";
    private static final String INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction";

    private SyntheticAnswers() {}

    /** {@code students × answersPerStudent} answers on {@code items} items of {@code skills} skills. */
    static List<LearningEvent> generate(int students, int answersPerStudent, int items, int skills, long seed) {
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
        List<LearningEvent> answers = new ArrayList<>(students * answersPerStudent);
        for (int k = 0; k < answersPerStudent; k++) {
            Instant at = START.plusSeconds(60L * k);
            for (int s = 0; s < students; s++) {
                int item = random.nextInt(items);
                answers.add(LearningEvent.newBuilder()
                        .setEventId(keys[s].substring(0, 8) + "-" + k)
                        .setTenantId(TENANT)
                        .setStudentKey(keys[s])
                        .setCourseId(COURSE)
                        .setActivityId(ITEM_IRI + item)
                        .setActivityType(INTERACTION)
                        .setVerb(ANSWERED)
                        .setEventTime(at)
                        .setStoredTime(at.plusMillis(250))
                        .setSourceFormat("xapi")
                        .setSuccess(random.nextInt(3) != 0)
                        .setSkills(new ArrayList<>(itemSkills.get(item)))
                        .build());
            }
        }
        return answers;
    }
}
