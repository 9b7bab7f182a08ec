package io.learnstream.app.replay.oulad;

import java.time.Instant;
import java.util.OptionalDouble;

/**
 * One thing a student did in a presentation, as a district's tools would report it, each becoming one statement:
 * a registration and a withdrawal (the SIS), a day's clicks on a VLE site (the VLE) and an assessment submission.
 * {@code classId} is the presentation's class sourcedId ({@code AAA-2013J}); {@code day} is relative to its start;
 * {@code timestamp} is the statement's.
 */
public sealed interface OuladEvent {
    String classId();

    String studentId();

    int day();

    Instant timestamp();

    /** The student registered ({@code date_registration}), at 08:00 UTC. */
    record Registration(String classId, String studentId, int day, Instant timestamp) implements OuladEvent {}

    /** The student withdrew ({@code date_unregistration}), at 08:00 UTC. */
    record Withdrawal(String classId, String studentId, int day, Instant timestamp) implements OuladEvent {}

    /**
     * A {@code studentVle} row: the student's clicks on a site that day, at 12:00 UTC.
     *
     * @param line the row's line in {@code studentVle} (part of the statement id: OULAD has identical rows)
     */
    record VleActivity(String classId, String studentId, String siteId, String activityType, int day, int clicks, long line,
            Instant timestamp) implements OuladEvent {}

    /**
     * A {@code studentAssessment} row, at 12:00 UTC of {@code date_submitted}.
     *
     * @param score 0 to 100; empty where OULAD has {@code ?}
     * @param banked carried over from an earlier presentation of the module
     * @param line the row's line in {@code studentAssessment}
     */
    record Submission(String classId, String studentId, String assessmentId, int day, OptionalDouble score, boolean banked, long line,
            Instant timestamp) implements OuladEvent {}
}
