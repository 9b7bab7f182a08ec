package io.learnstream.app.simulate.activity;

import io.learnstream.app.simulate.activity.LearningAction.Segment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What one student watched of one video, across viewings (one registration); mutable. */
final class VideoProgress {

    private final List<Segment> segments = new ArrayList<>();
    private double watchedSeconds;
    private boolean completed;

    void addSegment(Segment segment) {
        if (segment.end() > segment.start()) {
            segments.add(segment);
            watchedSeconds += segment.end() - segment.start();
        }
    }

    List<Segment> segments() {
        return List.copyOf(segments);
    }

    /** Share of the video watched at least once, in [0, 1], rounded to 3 decimals. */
    double progress(double lengthSeconds) {
        List<Segment> sorted = segments.stream().sorted(Comparator.comparingDouble(Segment::start)).toList();
        double covered = 0;
        double reach = 0;
        for (Segment s : sorted) {
            double from = Math.max(s.start(), reach);
            if (s.end() > from) {
                covered += s.end() - from;
                reach = s.end();
            }
        }
        return Math.round(Math.min(1.0, covered / lengthSeconds) * 1000) / 1000.0;
    }

    /** Where to resume: the end of the last segment, or the start when that is near the end. */
    double resumePosition(double lengthSeconds) {
        if (segments.isEmpty()) {
            return 0;
        }
        double last = segments.getLast().end();
        return last < lengthSeconds - 5 ? last : 0;
    }

    Duration timeWatched() {
        return Duration.ofMillis(Math.round(watchedSeconds * 1000));
    }

    boolean completed() {
        return completed;
    }

    void markCompleted() {
        completed = true;
    }
}
