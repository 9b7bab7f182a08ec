package io.learnstream.app.simulate.activity;

import io.learnstream.app.simulate.activity.LearningAction.Segment;
import io.learnstream.app.simulate.activity.LearningAction.VideoCompleted;
import io.learnstream.app.simulate.activity.LearningAction.VideoInitialized;
import io.learnstream.app.simulate.activity.LearningAction.VideoPaused;
import io.learnstream.app.simulate.activity.LearningAction.VideoPlayed;
import io.learnstream.app.simulate.activity.LearningAction.VideoSeeked;
import io.learnstream.app.simulate.activity.LearningAction.VideoTerminated;
import io.learnstream.app.simulate.activity.LearningAction.Viewing;

/**
 * A student watching a video the way the xAPI video profile reports it: initialized, played, then stretches of
 * watching broken by pauses and seeks, completed once the watched share reaches the threshold, terminated when
 * the student leaves. Playback runs at normal speed: a stretch of video takes as long in simulated time.
 */
final class VideoWatcher {

    private static final int MAX_STRETCHES = 6;

    private VideoWatcher() {
    }

    static void watch(Session session, Module module, Video video, ModuleProgress moduleProgress, long seed) {
        VideoProgress progress = moduleProgress.video();
        double length = video.lengthSeconds();
        Viewing viewing = new Viewing(video, module, Ids.random(session.random()),
                Ids.nameBased(seed, "video", session.student().sisId(), video.slug()));
        session.record(new VideoInitialized(viewing));

        double position = progress.resumePosition(length);
        session.advanceSeconds(Draws.uniform(session.random(), 1, 4));
        session.record(new VideoPlayed(viewing, round(position)));
        for (int stretch = 0; stretch < MAX_STRETCHES; stretch++) {
            double remaining = length - position;
            double attention = Draws.uniform(session.random(), 0.3, 1.0) * Math.sqrt(session.engagement());
            double watched = Draws.chance(session.random(), 0.5) ? remaining : Math.max(1, remaining * attention);
            watched = Math.min(watched, remaining);
            progress.addSegment(new Segment(round(position), round(position + watched)));
            position = round(position + watched);
            session.advanceSeconds(watched);
            if (position >= length - 0.001) {
                break;
            }
            int next = Draws.weighted(session.random(), 0.5, 0.3, 0.2);
            if (next == 0) {                     // pause, then maybe play on
                session.record(new VideoPaused(viewing, position, progress.progress(length), progress.segments()));
                session.advanceSeconds(Draws.uniform(session.random(), 5, 90));
                if (Draws.chance(session.random(), 0.3)) {
                    break;
                }
                session.record(new VideoPlayed(viewing, position));
            } else if (next == 1) {              // seek back to rewatch or forward to skip, playing on
                double target = Draws.chance(session.random(), 0.6)
                        ? Math.max(0, position - Draws.uniform(session.random(), 10, 60))
                        : Math.min(length, position + Draws.uniform(session.random(), 20, 120));
                session.advanceSeconds(Draws.uniform(session.random(), 0.5, 2));
                session.record(new VideoSeeked(viewing, position, round(target)));
                position = round(target);
            } else {                             // leave while playing
                break;
            }
        }
        double share = progress.progress(length);
        if (!progress.completed() && share >= Video.COMPLETION_THRESHOLD) {
            progress.markCompleted();
            session.record(new VideoCompleted(viewing, position, share, progress.segments(), progress.timeWatched()));
        }
        session.advanceSeconds(Draws.uniform(session.random(), 0.5, 3));
        session.record(new VideoTerminated(viewing, position, share, progress.segments()));
    }

    /** Video positions are reported in milliseconds precision. */
    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
