package io.learnstream.app.simulate.xapi;

/** The activity types ({@code object.definition.type}) of the simulated statements. */
public final class ActivityTypes {

    /** A class (course section); the ingest normalizer finds the course by this type in {@code grouping}. */
    public static final String COURSE = "http://adlnet.gov/expapi/activities/course";
    public static final String MODULE = "http://adlnet.gov/expapi/activities/module";
    /** A page of a module in the LMS. */
    public static final String LESSON = "http://adlnet.gov/expapi/activities/lesson";
    public static final String ASSIGNMENT = "http://id.tincanapi.com/activitytype/school-assignment";
    /** A quiz. */
    public static final String ASSESSMENT = "http://adlnet.gov/expapi/activities/assessment";
    /** A quiz question. */
    public static final String INTERACTION = "http://adlnet.gov/expapi/activities/cmi.interaction";
    public static final String VIDEO = "https://w3id.org/xapi/video/activity-type/video";
    /** An xAPI profile, as tagged in {@code contextActivities.category}. */
    public static final String PROFILE = "http://adlnet.gov/expapi/activities/profile";
    /** A learning objective; skills are tagged as objectives, see {@link SkillTagging}. */
    public static final String OBJECTIVE = "http://adlnet.gov/expapi/activities/objective";

    private ActivityTypes() {
    }
}
