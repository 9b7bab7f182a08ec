package io.learnstream.app.simulate.xapi;

/**
 * How a statement names the skill it assesses: as an Activity of type ADL {@code objective} in
 * {@code context.contextActivities.other}, with an IRI in the district's SIS namespace:
 * <pre>
 * "context": {"contextActivities": {"other": [{
 *     "objectType": "Activity",
 *     "id": "https://sis.riverside.example.org/skills/math/fractions",
 *     "definition": {"type": "http://adlnet.gov/expapi/activities/objective", "name": {"en-US": "Fractions"}}}]}}
 * </pre>
 * ADL's activity type vocabulary defines {@code objective} for what a learner is to achieve, and {@code other}
 * is the context activity list for related activities that are neither parent, grouping nor profile category
 * (category stays for profiles, e.g. the video profile). Every answered question carries exactly one skill.
 */
public final class SkillTagging {

    /** The {@code contextActivities} list that holds the skill. */
    public static final String CONTEXT_ACTIVITIES_LIST = "other";
    /** The {@code definition.type} that marks an activity in that list as a skill. */
    public static final String SKILL_ACTIVITY_TYPE = ActivityTypes.OBJECTIVE;

    private SkillTagging() {
    }
}
