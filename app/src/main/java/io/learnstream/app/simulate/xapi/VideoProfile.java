package io.learnstream.app.simulate.xapi;

/** Identifiers of the xAPI video profile ({@value #ID}) that the video tool uses. */
public final class VideoProfile {

    /** The profile; video statements carry it in {@code contextActivities.category}. */
    public static final String ID = "https://w3id.org/xapi/video";

    private static final String EXTENSIONS = ID + "/extensions/";

    // result extensions
    /** Position in the video, seconds. */
    public static final String TIME = EXTENSIONS + "time";
    public static final String TIME_FROM = EXTENSIONS + "time-from";
    public static final String TIME_TO = EXTENSIONS + "time-to";
    /** Share of the video watched, 0..1. */
    public static final String PROGRESS = EXTENSIONS + "progress";
    /** Parts watched under the registration, e.g. {@code 0[.]12.5[,]40[.]95}. */
    public static final String PLAYED_SEGMENTS = EXTENSIONS + "played-segments";
    // context extensions
    /** Identifies one viewing: the same on all statements from initialized to terminated. */
    public static final String SESSION_ID = EXTENSIONS + "session-id";
    /** The video's length, seconds. */
    public static final String LENGTH = EXTENSIONS + "length";
    public static final String COMPLETION_THRESHOLD = EXTENSIONS + "completion-threshold";

    private VideoProfile() {
    }
}
