package io.learnstream.app.simulate.activity;

import io.learnstream.app.simulate.district.CourseSection;

import java.time.Duration;
import java.time.LocalTime;

/**
 * A session a student means to have on a day.
 *
 * @param start local start time (may be pushed later when an earlier session runs long)
 * @param section the class to work on
 * @param length how long the student means to work
 */
record PlannedSession(LocalTime start, CourseSection section, Duration length) {
}
