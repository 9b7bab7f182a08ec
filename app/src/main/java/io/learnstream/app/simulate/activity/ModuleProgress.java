package io.learnstream.app.simulate.activity;

/** How far one student got with one module; mutable, owned by the student's {@link StudentProgress}. */
final class ModuleProgress {

    private final boolean[] pagesRead = new boolean[Module.PAGES];
    private final VideoProgress video = new VideoProgress();
    private int quizAttempts;
    private boolean quizPassed;
    private boolean assignmentSubmitted;
    private boolean completed;

    /** The first unread page (from 1), or 0 when all were read. */
    int nextUnreadPage() {
        for (int i = 0; i < pagesRead.length; i++) {
            if (!pagesRead[i]) {
                return i + 1;
            }
        }
        return 0;
    }

    int pagesReadCount() {
        int count = 0;
        for (boolean read : pagesRead) {
            count += read ? 1 : 0;
        }
        return count;
    }

    void markPageRead(int page) {
        pagesRead[page - 1] = true;
    }

    VideoProgress video() {
        return video;
    }

    int quizAttempts() {
        return quizAttempts;
    }

    boolean quizPassed() {
        return quizPassed;
    }

    void recordQuizAttempt(boolean passed) {
        quizAttempts++;
        quizPassed |= passed;
    }

    boolean assignmentSubmitted() {
        return assignmentSubmitted;
    }

    void markAssignmentSubmitted() {
        assignmentSubmitted = true;
    }

    /** All parts done: pages read, video completed, quiz passed, assignment submitted. */
    boolean allPartsDone() {
        return nextUnreadPage() == 0 && video.completed() && quizPassed && assignmentSubmitted;
    }

    boolean completed() {
        return completed;
    }

    void markCompleted() {
        completed = true;
    }
}
