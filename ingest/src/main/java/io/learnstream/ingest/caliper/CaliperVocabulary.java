package io.learnstream.ingest.caliper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Caliper terms learnstream needs: the Event types of each version with the actions each allows, and the IRIs
 * that the Caliper JSON-LD context ({@code http://purl.imsglobal.org/ctx/caliper/v1p2}) expands type and action
 * terms to. All tables are built once; lookups are hash lookups.
 *
 * <p>Sources: the Caliper Analytics 1.2 specification (IMS Global, appendix "Events": the {@code action} row of each
 * Event subtype) and its JSON-LD context, which maps {@code caliper} to {@code http://purl.imsglobal.org/caliper/},
 * each type term {@code T} to {@code caliper:T} and each action term {@code A} to {@code caliper:actions/A}.
 *
 * <p>Caliper 1.1 defines the same Event types minus those 1.2 added (FeedbackEvent, QuestionnaireEvent,
 * QuestionnaireItemEvent, ResourceManagementEvent, SearchEvent, SurveyEvent, SurveyInvitationEvent,
 * ToolLaunchEvent), with the same actions. Its deprecated OutcomeEvent and ReadingEvent are not accepted.
 */
final class CaliperVocabulary {
    /** What the context's {@code caliper} prefix stands for. */
    static final String TERM_BASE = "http://purl.imsglobal.org/caliper/";
    /** Action terms expand to this base plus the term. */
    static final String ACTION_BASE = TERM_BASE + "actions/";

    /** The generic Event type: any action of the vocabulary. */
    static final String EVENT = "Event";

    /** The actions of the Caliper 1.2 vocabulary (JSON-LD context), spelled as the specification's text does. */
    private static final List<String> ACTIONS = List.of(
            "Abandoned", "Accepted", "Activated", "Added", "Archived", "Attached", "Bookmarked",
            "ChangedResolution", "ChangedSize", "ChangedSpeed", "ChangedVolume", "Classified", "ClosedPopout",
            "Commented", "Completed", "Copied", "Created", "Deactivated", "Declined", "Deleted", "Described",
            "DisabledClosedCaptioning", "Disliked", "Downloaded", "EnabledClosedCaptioning", "Ended",
            "EnteredFullScreen", "ExitedFullScreen", "ForwardedTo", "Graded", "Hid", "Highlighted", "Identified",
            "JumpedTo", "Launched", "Liked", "Linked", "LoggedIn", "LoggedOut", "MarkedAsRead", "MarkedAsUnread",
            "Modified", "Muted", "NavigatedTo", "OpenedPopout", "OptedIn", "OptedOut", "Paused", "Posted", "Printed",
            "Published", "Questioned", "Ranked", "Recommended", "Removed", "Reset", "Restarted", "Restored",
            "Resumed", "Retrieved", "Returned", "Reviewed", "Rewound", "Saved", "Searched", "Sent", "Shared",
            "Showed", "Skipped", "Started", "Submitted", "Subscribed", "Tagged", "TimedOut", "Unmuted",
            "Unpublished", "Unsubscribed", "Uploaded", "Used", "Viewed");

    /**
     * Other spellings of an action, mapped to the specification's. The Caliper JSON-LD context and the 1.1 sensor
     * libraries spell the captioning actions without the "d" ({@code DisabledCloseCaptioning}); the 1.2 text and
     * its MediaEvent say {@code DisabledClosedCaptioning}. Both are accepted and counted as one verb.
     */
    private static final Map<String, String> ACTION_ALIASES = Map.of(
            "DisabledCloseCaptioning", "DisabledClosedCaptioning",
            "EnabledCloseCaptioning", "EnabledClosedCaptioning");

    /** The Event subtypes of Caliper 1.2 and the actions each allows, in the specification's order. */
    private static final Map<String, List<String>> EVENT_ACTIONS_V1P2 = new LinkedHashMap<>();

    static {
        EVENT_ACTIONS_V1P2.put("AnnotationEvent", List.of("Bookmarked", "Highlighted", "Shared", "Tagged"));
        EVENT_ACTIONS_V1P2.put("AssessmentEvent",
                List.of("Started", "Paused", "Resumed", "Restarted", "Reset", "Submitted"));
        EVENT_ACTIONS_V1P2.put("AssessmentItemEvent", List.of("Started", "Skipped", "Completed"));
        EVENT_ACTIONS_V1P2.put("AssignableEvent",
                List.of("Activated", "Deactivated", "Started", "Completed", "Submitted", "Reviewed"));
        EVENT_ACTIONS_V1P2.put("FeedbackEvent", List.of("Commented", "Ranked"));
        EVENT_ACTIONS_V1P2.put("ForumEvent", List.of("Subscribed", "Unsubscribed"));
        EVENT_ACTIONS_V1P2.put("GradeEvent", List.of("Graded"));
        EVENT_ACTIONS_V1P2.put("MediaEvent", List.of("Started", "Ended", "Paused", "Resumed", "Restarted",
                "ForwardedTo", "JumpedTo", "ChangedResolution", "ChangedSize", "ChangedSpeed", "ChangedVolume",
                "EnabledClosedCaptioning", "DisabledClosedCaptioning", "EnteredFullScreen", "ExitedFullScreen",
                "Muted", "Unmuted", "OpenedPopout", "ClosedPopout"));
        EVENT_ACTIONS_V1P2.put("MessageEvent", List.of("MarkedAsRead", "MarkedAsUnread", "Posted"));
        EVENT_ACTIONS_V1P2.put("NavigationEvent", List.of("NavigatedTo"));
        EVENT_ACTIONS_V1P2.put("QuestionnaireEvent", List.of("Started", "Submitted"));
        EVENT_ACTIONS_V1P2.put("QuestionnaireItemEvent", List.of("Started", "Skipped", "Completed"));
        EVENT_ACTIONS_V1P2.put("ResourceManagementEvent", List.of("Archived", "Copied", "Created", "Deleted",
                "Described", "Downloaded", "Modified", "Printed", "Published", "Restored", "Retrieved", "Saved",
                "Unpublished", "Uploaded"));
        EVENT_ACTIONS_V1P2.put("SearchEvent", List.of("Searched"));
        EVENT_ACTIONS_V1P2.put("SessionEvent", List.of("LoggedIn", "LoggedOut", "TimedOut"));
        EVENT_ACTIONS_V1P2.put("SurveyEvent", List.of("OptedIn", "OptedOut"));
        EVENT_ACTIONS_V1P2.put("SurveyInvitationEvent", List.of("Accepted", "Declined", "Sent"));
        EVENT_ACTIONS_V1P2.put("ThreadEvent", List.of("MarkedAsRead", "MarkedAsUnread"));
        EVENT_ACTIONS_V1P2.put("ToolLaunchEvent", List.of("Launched", "Returned"));
        EVENT_ACTIONS_V1P2.put("ToolUseEvent", List.of("Used"));
        EVENT_ACTIONS_V1P2.put("ViewEvent", List.of("Viewed"));
    }

    /** Event subtypes that Caliper 1.2 added to 1.1. */
    private static final Set<String> ADDED_IN_V1P2 = Set.of(
            "FeedbackEvent", "QuestionnaireEvent", "QuestionnaireItemEvent", "ResourceManagementEvent", "SearchEvent",
            "SurveyEvent", "SurveyInvitationEvent", "ToolLaunchEvent");

    /** Entity type terms of the Caliper 1.2 context: these expand to {@link #TERM_BASE} plus the term. */
    private static final List<String> ENTITY_TYPES = List.of(
            "Entity", "Agent", "AggregateMeasure", "AggregateMeasureCollection", "Annotation", "Assessment",
            "AssessmentItem", "AssignableDigitalResource", "Attempt", "AudioObject", "BookmarkAnnotation", "Chapter",
            "Collection", "Comment", "CourseOffering", "CourseSection", "DateTimeQuestion", "DateTimeResponse",
            "DigitalResource", "DigitalResourceCollection", "Document", "FillinBlankResponse", "Forum", "Frame",
            "Group", "HighlightAnnotation", "ImageObject", "LearningObjective", "LikertScale", "Link", "LtiLink",
            "LtiSession", "MediaLocation", "MediaObject", "Membership", "Message", "MultipleChoiceResponse",
            "MultipleResponseResponse", "MultiselectQuestion", "MultiselectResponse", "MultiselectScale",
            "NumericScale", "OpenEndedQuestion", "OpenEndedResponse", "Organization", "Page", "Person", "Query",
            "Question", "Questionnaire", "QuestionnaireItem", "Rating", "RatingScaleQuestion", "RatingScaleResponse",
            "Response", "Result", "Scale", "Score", "SearchResponse", "Selector", "SelectTextResponse", "Session",
            "SharedAnnotation", "SoftwareApplication", "Survey", "SurveyInvitation", "SystemIdentifier",
            "TagAnnotation", "TextPositionSelector", "Thread", "TrueFalseResponse", "VideoObject", "WebPage");

    /** The actions an Event type allows, in order for messages and as a set for lookups. */
    record Actions(List<String> inOrder, Set<String> set) {
        boolean allows(String canonicalAction) {
            return set.contains(canonicalAction);
        }
    }

    private static final Map<CaliperDataVersion, Map<String, Actions>> EVENT_TYPES = Map.of(
            CaliperDataVersion.V1P2, eventTypeTable(false),
            CaliperDataVersion.V1P1, eventTypeTable(true));
    private static final Map<String, String> ACTION_IRIS = iris(ACTION_BASE, ACTIONS);
    private static final Map<String, String> TYPE_IRIS = typeIris();

    private CaliperVocabulary() {}

    /** The actions {@code eventType} allows in {@code version}, or {@code null} when it is not an Event type there. */
    static Actions actionsOf(CaliperDataVersion version, String eventType) {
        return EVENT_TYPES.get(version).get(eventType);
    }

    /** The Event types of {@code version}, generic Event first, for messages. */
    static Set<String> eventTypes(CaliperDataVersion version) {
        return EVENT_TYPES.get(version).keySet();
    }

    /** Whether a {@code type} term names an Event rather than an Entity: every Caliper Event type ends in "Event". */
    static boolean looksLikeEventType(String type) {
        return type.endsWith(EVENT);
    }

    /** The specification's spelling of {@code action} (see the captioning aliases); other actions unchanged. */
    static String canonicalAction(String action) {
        return ACTION_ALIASES.getOrDefault(action, action);
    }

    /** The IRI of a canonical action, e.g. {@code http://purl.imsglobal.org/caliper/actions/Started}. */
    static String actionIri(String canonicalAction) {
        String iri = ACTION_IRIS.get(canonicalAction);
        return iri != null ? iri : ACTION_BASE + canonicalAction;
    }

    /** The IRI of a Caliper type term, e.g. {@code http://purl.imsglobal.org/caliper/Assessment}, or {@code null}. */
    static String typeIri(String term) {
        return TYPE_IRIS.get(term);
    }

    private static Map<String, Actions> eventTypeTable(boolean v1p1) {
        Map<String, Actions> types = new LinkedHashMap<>();
        types.put(EVENT, new Actions(ACTIONS, Set.copyOf(ACTIONS)));
        EVENT_ACTIONS_V1P2.forEach((type, actions) -> {
            if (!v1p1 || !ADDED_IN_V1P2.contains(type)) types.put(type, new Actions(actions, Set.copyOf(actions)));
        });
        return Collections.unmodifiableMap(types);
    }

    private static Map<String, String> typeIris() {
        List<String> terms = new ArrayList<>(ENTITY_TYPES);
        terms.add(EVENT);
        terms.addAll(EVENT_ACTIONS_V1P2.keySet());
        return iris(TERM_BASE, terms);
    }

    private static Map<String, String> iris(String base, List<String> terms) {
        Map<String, String> iris = new HashMap<>();
        for (String term : terms) iris.put(term, base + term);
        return Map.copyOf(iris);
    }
}
