package io.learnstream.app.simulate.activity;

import io.learnstream.app.simulate.activity.LearningAction.QuestionAnswered;
import io.learnstream.app.simulate.activity.LearningAction.QuizAttempted;
import io.learnstream.app.simulate.activity.LearningAction.QuizCompleted;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A student taking a quiz: each answer is right with the probability the student's {@link
 * io.learnstream.app.simulate.district.Ability} gives for the question's skill and difficulty after the practice
 * so far, and every answer counts as practice. A student whose engagement is low may abandon the attempt.
 */
final class QuizTaker {

    private static final Duration MEDIAN_THINK_TIME = Duration.ofSeconds(35);
    private static final Duration MIN_THINK_TIME = Duration.ofSeconds(4);
    private static final Duration MAX_THINK_TIME = Duration.ofMinutes(4);

    private QuizTaker() {
    }

    /** Takes the quiz from the session's current time; returns whether the attempt was completed and passed. */
    static boolean take(Session session, Quiz quiz, ModuleProgress moduleProgress) {
        UUID attempt = Ids.random(session.random());
        Instant started = session.now();
        session.record(new QuizAttempted(quiz, attempt));
        double abandonChance = 0.25 * (1 - session.engagement());
        int correct = 0;
        for (Question question : quiz.questions()) {
            if (question.number() > 1 && Draws.chance(session.random(), abandonChance / quiz.questions().size())) {
                moduleProgress.recordQuizAttempt(false);
                return false;
            }
            Duration median = Duration.ofMillis(Math.round(MEDIAN_THINK_TIME.toMillis() * Math.exp(0.2 * question.difficulty())));
            Duration think = Draws.lognormal(session.random(), median, 0.5, MIN_THINK_TIME, MAX_THINK_TIME);
            session.advance(think);
            double p = session.student().ability().probabilityCorrect(question.skill(), question.difficulty(),
                    session.progress().practice(question.skill()));
            boolean right = Draws.chance(session.random(), p);
            String response = right ? question.correctChoice() : wrongChoice(session, question);
            session.progress().practised(question.skill());
            correct += right ? 1 : 0;
            session.record(new QuestionAnswered(quiz, question, response, right, think, attempt));
        }
        session.advanceSeconds(Draws.uniform(session.random(), 1, 4));
        QuizCompleted completed = new QuizCompleted(quiz, correct, quiz.questions().size(),
                Duration.between(started, session.now()), attempt);
        session.record(completed);
        moduleProgress.recordQuizAttempt(completed.passed());
        return completed.passed();
    }

    private static String wrongChoice(Session session, Question question) {
        int right = Question.CHOICES.indexOf(question.correctChoice());
        int offset = 1 + session.random().nextInt(Question.CHOICES.size() - 1);
        return Question.CHOICES.get((right + offset) % Question.CHOICES.size());
    }
}
