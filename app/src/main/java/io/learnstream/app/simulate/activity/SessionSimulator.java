package io.learnstream.app.simulate.activity;

import io.learnstream.app.simulate.activity.LearningAction.AssignmentSubmitted;
import io.learnstream.app.simulate.activity.LearningAction.ModuleCompleted;
import io.learnstream.app.simulate.activity.LearningAction.ModuleLaunched;
import io.learnstream.app.simulate.activity.LearningAction.PageExperienced;
import io.learnstream.app.simulate.district.Skill;

import java.time.Duration;
import java.util.UUID;

/**
 * Plays one session: the student launches the module of the week in the LMS (or last week's when unfinished),
 * then reads pages, watches the video, takes the quiz and submits the assignment, preferring what is not done
 * yet, until the session's planned length is used up; and completes the module once every part is done.
 */
final class SessionSimulator {

    static final int MAX_QUIZ_ATTEMPTS = 4;
    private static final int MAX_STEPS = 8;
    private static final int ASSIGNMENT_MAX_SCORE = 100;

    private final CourseContent content;
    private final long seed;

    SessionSimulator(CourseContent content, long seed) {
        this.content = content;
        this.seed = seed;
    }

    /** Plays the session from its start for about {@code planned}; the session's clock ends after the last event. */
    void play(Session session, int week, Duration planned) {
        Module module = pickModule(session, week);
        ModuleProgress progress = session.progress().module(module);
        UUID registration = Ids.nameBased(seed, "module", session.student().sisId(), module.section().id(),
                Integer.toString(module.week()));
        session.record(new ModuleLaunched(module, registration));
        for (int step = 0; step < MAX_STEPS && session.elapsed().compareTo(planned) < 0; step++) {
            session.advanceSeconds(Draws.uniform(session.random(), 5, 45));
            int unread = progress.nextUnreadPage();
            boolean canRetakeQuiz = progress.quizAttempts() < MAX_QUIZ_ATTEMPTS;
            double[] weights = {
                    unread > 0 ? 3 : 0.4,                                                        // read a page
                    progress.video().completed() ? 0.3 : 3,                                     // watch the video
                    !canRetakeQuiz ? 0 : progress.quizPassed() ? 0.4 : progress.pagesReadCount() > 0 ? 3 : 1, // quiz
                    progress.assignmentSubmitted() || progress.quizAttempts() == 0 ? 0 : 2.5    // assignment
            };
            switch (Draws.weighted(session.random(), weights)) {
                case 0 -> readPage(session, module, progress, unread > 0 ? unread : 1 + session.random().nextInt(Module.PAGES), registration);
                case 1 -> VideoWatcher.watch(session, module, content.video(module), progress, seed);
                case 2 -> QuizTaker.take(session, content.quiz(module), progress);
                default -> submitAssignment(session, module, progress, registration);
            }
        }
        if (progress.allPartsDone() && !progress.completed()) {
            progress.markCompleted();
            session.advanceSeconds(Draws.uniform(session.random(), 1, 5));
            session.record(new ModuleCompleted(module, session.elapsed(), registration));
        }
    }

    private Module pickModule(Session session, int week) {
        if (week > 1) {
            Module previous = content.module(session.section(), week - 1);
            boolean unfinished = !session.progress().hasStarted(previous) || !session.progress().module(previous).completed();
            if (unfinished && Draws.chance(session.random(), 0.25)) {
                return previous;
            }
        }
        return content.module(session.section(), week);
    }

    private static void readPage(Session session, Module module, ModuleProgress progress, int page, UUID registration) {
        Duration reading = Draws.lognormal(session.random(), Duration.ofMinutes(4), 0.5, Duration.ofSeconds(30), Duration.ofMinutes(15));
        session.advance(reading);
        progress.markPageRead(page);
        session.record(new PageExperienced(module, page, reading, registration));
    }

    private static void submitAssignment(Session session, Module module, ModuleProgress progress, UUID registration) {
        Duration working = Draws.lognormal(session.random(), Duration.ofMinutes(12), 0.4, Duration.ofMinutes(3), Duration.ofMinutes(25));
        session.advance(working);
        double expected = 0;
        for (Skill skill : module.skills()) {
            expected += session.student().ability().probabilityCorrect(skill, 0, session.progress().practice(skill));
        }
        expected /= module.skills().size();
        double effort = 0.7 + 0.3 * session.engagement();
        int score = (int) Math.round(ASSIGNMENT_MAX_SCORE * expected * effort + 8 * session.random().nextGaussian());
        score = Math.max(0, Math.min(ASSIGNMENT_MAX_SCORE, score));
        progress.markAssignmentSubmitted();
        session.record(new AssignmentSubmitted(module, score, ASSIGNMENT_MAX_SCORE, working, registration));
    }
}
