package io.learnstream.app.replay.oulad;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Every IRI the OULAD replay's statements carry, in one place: what the risk topology and the model fitted for it
 * recognise statements by. A registration and a withdrawal by their verb ({@link #REGISTERED}, {@link #UNREGISTERED});
 * a submission by its verb ({@link #SUBMIT}) and its object, {@link #LINE_ITEMS}{@code <line item sourcedId>}; VLE
 * activity by {@link #INTERACTED}. The class of every statement is its {@code grouping} context activity,
 * {@link #CLASSES}{@code <class sourcedId>}, of type {@link #COURSE_TYPE}.
 */
public final class OuladVocabulary {
    /** The replay's own namespace; the data set's ids follow it. */
    public static final String HOME = "https://oulad.learnstream.example";
    /** The home page of the students' accounts (the SIS that knows them by {@code id_student}). */
    public static final String SIS_HOME_PAGE = HOME + "/sis";
    /** A class (a module's presentation) is {@code <CLASSES><code_module>-<code_presentation>}, e.g. {@code .../classes/AAA-2013J}. */
    public static final String CLASSES = HOME + "/classes/";
    /** A VLE site (a page, a quiz, a forum) is {@code <VLE><id_site>}. */
    public static final String VLE = HOME + "/vle/";
    /** A VLE site's {@code activity_type} as its definition's type: {@code <ACTIVITY_TYPES><activity_type>}. */
    public static final String ACTIVITY_TYPES = HOME + "/activity-types/";
    /** An assessment (a roster line item) is {@code <LINE_ITEMS><id_assessment>}. */
    public static final String LINE_ITEMS = HOME + "/lineitems/";

    public static final String REGISTERED = "http://adlnet.gov/expapi/verbs/registered";
    public static final String UNREGISTERED = "http://id.tincanapi.com/verb/unregistered";
    public static final String INTERACTED = "http://adlnet.gov/expapi/verbs/interacted";
    public static final String SUBMIT = "http://activitystrea.ms/schema/1.0/submit";

    public static final String COURSE_TYPE = "http://adlnet.gov/expapi/activities/course";
    public static final String ASSESSMENT_TYPE = "http://adlnet.gov/expapi/activities/assessment";

    /** {@code result.extensions}: the clicks a VLE row counts ({@code sum_click}), an integer. */
    public static final String CLICKS = "https://learnstream.example/xapi/extensions/clicks";
    /** {@code context.extensions}: {@code true} on a submission carried over from an earlier presentation ({@code is_banked}). */
    public static final String BANKED = "https://learnstream.example/xapi/extensions/banked";

    /** {@code context.platform} of each source. */
    public static final String PLATFORM_SIS = "sis";
    public static final String PLATFORM_VLE = "vle";
    public static final String PLATFORM_ASSESSMENT = "assessment";

    private OuladVocabulary() {}

    public static String classIri(String classSourcedId) {
        return CLASSES + segment(classSourcedId);
    }

    public static String vleIri(String siteId) {
        return VLE + segment(siteId);
    }

    public static String activityTypeIri(String activityType) {
        return ACTIVITY_TYPES + segment(activityType);
    }

    public static String lineItemIri(String assessmentId) {
        return LINE_ITEMS + segment(assessmentId);
    }

    /** An id as one IRI path segment: unreserved characters as they are, everything else percent-encoded. */
    static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }
}
