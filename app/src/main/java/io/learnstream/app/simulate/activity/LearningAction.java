package io.learnstream.app.simulate.activity;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** What a student did, one variant per kind of statement the simulated tools send. */
public sealed interface LearningAction {

    /** The tool that reports the action. */
    Tool tool();

    /** The LMS's actions, all within a module; {@code registration} is the student's enrolment in the module. */
    sealed interface LmsAction extends LearningAction {
        Module module();

        UUID registration();

        @Override
        default Tool tool() {
            return Tool.LMS;
        }
    }

    record ModuleLaunched(Module module, UUID registration) implements LmsAction {
    }

    /** Read page {@code page} (from 1) of the module for {@code duration}. */
    record PageExperienced(Module module, int page, Duration duration, UUID registration) implements LmsAction {
    }

    /** Submitted the module's assignment, graded {@code score} of {@code maxScore}. */
    record AssignmentSubmitted(Module module, int score, int maxScore, Duration duration, UUID registration)
            implements LmsAction {
    }

    /** Finished all parts of the module; {@code duration} is the session's time so far. */
    record ModuleCompleted(Module module, Duration duration, UUID registration) implements LmsAction {
    }

    /** The quiz app's actions, all within one attempt at a quiz. */
    sealed interface QuizAction extends LearningAction {
        Quiz quiz();

        UUID attempt();

        @Override
        default Tool tool() {
            return Tool.QUIZ;
        }
    }

    record QuizAttempted(Quiz quiz, UUID attempt) implements QuizAction {
    }

    record QuestionAnswered(Quiz quiz, Question question, String response, boolean correct, Duration duration,
                            UUID attempt) implements QuizAction {
    }

    record QuizCompleted(Quiz quiz, int correct, int total, Duration duration, UUID attempt) implements QuizAction {
        public boolean passed() {
            return correct >= Math.ceil(Quiz.PASS_MARK * total);
        }
    }

    /**
     * One viewing of a video: {@code sessionId} is new for each viewing, {@code registration} is the student's
     * registration with the video and spans viewings.
     */
    record Viewing(Video video, Module module, UUID sessionId, UUID registration) {
    }

    /**
     * The video player's actions (xAPI video profile). Times are positions in the video in seconds;
     * {@code playedSegments} are the parts watched under the registration, in the order watched.
     */
    sealed interface VideoAction extends LearningAction {
        Viewing viewing();

        @Override
        default Tool tool() {
            return Tool.VIDEO;
        }
    }

    record VideoInitialized(Viewing viewing) implements VideoAction {
    }

    record VideoPlayed(Viewing viewing, double time) implements VideoAction {
    }

    record VideoPaused(Viewing viewing, double time, double progress, List<Segment> playedSegments)
            implements VideoAction {
        public VideoPaused {
            playedSegments = List.copyOf(playedSegments);
        }
    }

    record VideoSeeked(Viewing viewing, double timeFrom, double timeTo) implements VideoAction {
    }

    /** Reached the completion threshold; {@code duration} is the time spent watching under the registration. */
    record VideoCompleted(Viewing viewing, double time, double progress, List<Segment> playedSegments,
                          Duration duration) implements VideoAction {
        public VideoCompleted {
            playedSegments = List.copyOf(playedSegments);
        }
    }

    record VideoTerminated(Viewing viewing, double time, double progress, List<Segment> playedSegments)
            implements VideoAction {
        public VideoTerminated {
            playedSegments = List.copyOf(playedSegments);
        }
    }

    /** A watched part of a video, from {@code start} to {@code end} seconds. */
    record Segment(double start, double end) {
        public Segment {
            if (!(start >= 0 && end >= start)) {
                throw new IllegalArgumentException("segment needs 0 <= start <= end, was " + start + ".." + end);
            }
        }
    }
}
