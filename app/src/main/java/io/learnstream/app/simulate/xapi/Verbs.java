package io.learnstream.app.simulate.xapi;

/**
 * The verbs the simulated tools use: ADL vocabulary where it has one, Activity Streams' {@code submit} for
 * assignments, and the xAPI video profile's own verbs for playback.
 */
public final class Verbs {

    // LMS
    public static final Verb LAUNCHED = new Verb("http://adlnet.gov/expapi/verbs/launched", "launched");
    public static final Verb EXPERIENCED = new Verb("http://adlnet.gov/expapi/verbs/experienced", "experienced");
    public static final Verb SUBMITTED = new Verb("http://activitystrea.ms/schema/1.0/submit", "submitted");
    public static final Verb COMPLETED = new Verb("http://adlnet.gov/expapi/verbs/completed", "completed");
    // quiz app
    public static final Verb ATTEMPTED = new Verb("http://adlnet.gov/expapi/verbs/attempted", "attempted");
    public static final Verb ANSWERED = new Verb("http://adlnet.gov/expapi/verbs/answered", "answered");
    // video player (xAPI video profile)
    public static final Verb INITIALIZED = new Verb("http://adlnet.gov/expapi/verbs/initialized", "initialized");
    public static final Verb PLAYED = new Verb("https://w3id.org/xapi/video/verbs/played", "played");
    public static final Verb PAUSED = new Verb("https://w3id.org/xapi/video/verbs/paused", "paused");
    public static final Verb SEEKED = new Verb("https://w3id.org/xapi/video/verbs/seeked", "seeked");
    public static final Verb TERMINATED = new Verb("http://adlnet.gov/expapi/verbs/terminated", "terminated");

    private Verbs() {
    }
}
