package io.learnstream.app.simulate.xapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.app.simulate.activity.LearningAction.Segment;
import io.learnstream.app.simulate.activity.LearningAction.VideoAction;
import io.learnstream.app.simulate.activity.LearningAction.VideoCompleted;
import io.learnstream.app.simulate.activity.LearningAction.VideoInitialized;
import io.learnstream.app.simulate.activity.LearningAction.VideoPaused;
import io.learnstream.app.simulate.activity.LearningAction.VideoPlayed;
import io.learnstream.app.simulate.activity.LearningAction.VideoSeeked;
import io.learnstream.app.simulate.activity.LearningAction.VideoTerminated;
import io.learnstream.app.simulate.activity.LearningAction.Viewing;
import io.learnstream.app.simulate.activity.SimEvent;
import io.learnstream.app.simulate.activity.Tool;
import io.learnstream.app.simulate.activity.Video;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The video player's statements, following the xAPI video profile: the profile in
 * {@code contextActivities.category}, {@code session-id} on every statement, {@code length} and
 * {@code completion-threshold} where the profile asks for them, positions, progress and played segments as
 * result extensions. The registration is the student's registration with the video, across viewings.
 */
final class VideoStatements {

    private final XapiJson xapi;

    VideoStatements(XapiJson xapi) {
        this.xapi = xapi;
    }

    ObjectNode render(SimEvent event, VideoAction action) {
        Viewing viewing = action.viewing();
        ObjectNode video = xapi.activity(Tool.VIDEO.baseIri(xapi.district().slug()) + viewing.video().path(),
                ActivityTypes.VIDEO, viewing.video().title());
        ObjectNode result = xapi.objectNode();
        ObjectNode resultExtensions = xapi.objectNode();
        boolean describesVideo = true;   // whether the context names length and completion threshold
        ObjectNode statement = switch (action) {
            case VideoInitialized _ -> xapi.statement(event, Verbs.INITIALIZED, video);
            case VideoPlayed played -> {
                resultExtensions.put(VideoProfile.TIME, seconds(played.time()));
                describesVideo = false;
                yield xapi.statement(event, Verbs.PLAYED, video);
            }
            case VideoPaused paused -> {
                watched(resultExtensions, paused.time(), paused.progress(), paused.playedSegments());
                yield xapi.statement(event, Verbs.PAUSED, video);
            }
            case VideoSeeked seeked -> {
                resultExtensions.put(VideoProfile.TIME_FROM, seconds(seeked.timeFrom()));
                resultExtensions.put(VideoProfile.TIME_TO, seconds(seeked.timeTo()));
                describesVideo = false;
                yield xapi.statement(event, Verbs.SEEKED, video);
            }
            case VideoCompleted completed -> {
                watched(resultExtensions, completed.time(), completed.progress(), completed.playedSegments());
                result.put("completion", true);
                result.put("duration", XapiJson.duration(completed.duration()));
                yield xapi.statement(event, Verbs.COMPLETED, video);
            }
            case VideoTerminated terminated -> {
                watched(resultExtensions, terminated.time(), terminated.progress(), terminated.playedSegments());
                yield xapi.statement(event, Verbs.TERMINATED, video);
            }
        };
        if (!resultExtensions.isEmpty()) {
            result.set("extensions", resultExtensions);
        }
        if (!result.isEmpty()) {
            statement.set("result", result);
        }
        ObjectNode context = xapi.context(event, viewing.registration());
        XapiJson.addContextActivity(context, "category",
                xapi.activity(VideoProfile.ID, ActivityTypes.PROFILE, "Video Profile"));
        ObjectNode contextExtensions = context.putObject("extensions");
        contextExtensions.put(VideoProfile.SESSION_ID, viewing.sessionId().toString());
        if (describesVideo) {
            contextExtensions.put(VideoProfile.LENGTH, seconds(viewing.video().lengthSeconds()));
            contextExtensions.put(VideoProfile.COMPLETION_THRESHOLD, Video.COMPLETION_THRESHOLD);
        }
        statement.set("context", context);
        return statement;
    }

    private static void watched(ObjectNode extensions, double time, double progress, List<Segment> segments) {
        extensions.put(VideoProfile.TIME, seconds(time));
        extensions.put(VideoProfile.PROGRESS, XapiJson.decimal(progress, 3));
        extensions.put(VideoProfile.PLAYED_SEGMENTS, playedSegments(segments));
    }

    /** The profile's format: {@code start[.]end} per segment, joined by {@code [,]}. */
    static String playedSegments(List<Segment> segments) {
        return segments.stream()
                .map(s -> plain(seconds(s.start())) + "[.]" + plain(seconds(s.end())))
                .collect(Collectors.joining("[,]"));
    }

    /** Positions in the video are reported to the millisecond. */
    private static double seconds(double value) {
        return XapiJson.decimal(value, 3);
    }

    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
