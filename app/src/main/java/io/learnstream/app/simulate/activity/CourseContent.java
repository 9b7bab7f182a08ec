package io.learnstream.app.simulate.activity;

import io.learnstream.app.simulate.district.CourseSection;
import io.learnstream.app.simulate.district.Seeds;
import io.learnstream.app.simulate.district.Skill;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each class covers: one {@link Module} per week, with its quiz and video. Content depends only on the seed,
 * the class and the week, never on who works on it.
 */
public final class CourseContent {

    static final int MIN_QUESTIONS = 6;
    static final int MAX_QUESTIONS = 8;
    /** Share of a quiz's questions on the week's focus skill; the rest revisit earlier skills. */
    static final double FOCUS_SHARE = 0.6;

    private final long seed;
    private final Map<String, Module> modules = new ConcurrentHashMap<>();
    private final Map<Module, Quiz> quizzes = new ConcurrentHashMap<>();
    private final Map<Module, Video> videos = new ConcurrentHashMap<>();

    public CourseContent(long seed) {
        this.seed = seed;
    }

    public Module module(CourseSection section, int week) {
        if (week < 1) {
            throw new IllegalArgumentException("week must be >= 1, was " + week);
        }
        return modules.computeIfAbsent(section.id() + "#" + week, key -> {
            List<Skill> skills = section.subject().skills();
            Skill focus = skills.get((week - 1) % skills.size());
            List<Skill> review = new ArrayList<>();
            for (int back = 1; back <= Math.min(2, week - 1); back++) {
                Skill earlier = skills.get((week - 1 - back) % skills.size());
                if (!earlier.equals(focus) && !review.contains(earlier)) {
                    review.add(earlier);
                }
            }
            return new Module(section, week, focus, review);
        });
    }

    public Quiz quiz(Module module) {
        return quizzes.computeIfAbsent(module, m -> {
            SplittableRandom random = Seeds.random(seed, Seeds.tag("quiz"), Seeds.tag(m.section().id()), m.week());
            int count = MIN_QUESTIONS + random.nextInt(MAX_QUESTIONS - MIN_QUESTIONS + 1);
            List<Question> questions = new ArrayList<>();
            for (int n = 1; n <= count; n++) {
                Skill skill = m.review().isEmpty() || random.nextDouble() < FOCUS_SHARE
                        ? m.focus() : m.review().get(random.nextInt(m.review().size()));
                double difficulty = -0.3 + 0.7 * random.nextGaussian();
                String correct = Question.CHOICES.get(random.nextInt(Question.CHOICES.size()));
                questions.add(new Question(n, skill, difficulty, correct));
            }
            return new Quiz(m, questions);
        });
    }

    public Video video(Module module) {
        return videos.computeIfAbsent(module, m -> {
            String slug = m.section().subject().code() + "-g" + m.section().grade() + "-w" + m.week();
            SplittableRandom random = Seeds.random(seed, Seeds.tag("video"), Seeds.tag(slug));
            double length = Math.round((180 + 540 * random.nextDouble()) * 1000) / 1000.0;
            return new Video(slug, m.focus().title() + " explained (grade " + m.section().grade() + ")", length);
        });
    }
}
