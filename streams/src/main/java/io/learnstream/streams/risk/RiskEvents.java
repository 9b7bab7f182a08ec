package io.learnstream.streams.risk;

import io.learnstream.schemas.avro.ClassLineItem;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.streams.risk.model.RiskEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * What a learning event of a class is to the risk model: a registration or a withdrawal (by the verb), a submission
 * of one of the class's line items (by its object, the line item's sourcedId or an IRI ending in it, and a
 * submitting verb, a score or completion), or activity. The topology and the fitter both go through here, so a
 * model is fitted on exactly what it is served.
 */
public final class RiskEvents {
    public static final Set<String> REGISTERING = Set.of(
            "http://adlnet.gov/expapi/verbs/registered");
    public static final Set<String> WITHDRAWING = Set.of(
            "http://id.tincanapi.com/verb/unregistered",
            "https://w3id.org/xapi/dod-isd/verbs/withdrew");
    public static final Set<String> SUBMITTING = Set.of(
            "http://activitystrea.ms/schema/1.0/submit",
            "http://adlnet.gov/expapi/verbs/completed",
            "http://adlnet.gov/expapi/verbs/passed",
            "http://adlnet.gov/expapi/verbs/failed",
            "http://adlnet.gov/expapi/verbs/scored",
            "http://adlnet.gov/expapi/verbs/answered");

    private RiskEvents() {}

    /** The risk event of {@code event}, given the line items of its class (empty when the roster has none). */
    public static RiskEvent of(LearningEvent event, List<ClassLineItem> lineItems) {
        long time = event.getEventTime().toEpochMilli();
        String verb = event.getVerb();
        if (REGISTERING.contains(verb)) return RiskEvent.registered(time);
        if (WITHDRAWING.contains(verb)) return RiskEvent.withdrew(time);
        String lineItem = lineItemOf(event.getActivityId(), lineItems);
        if (lineItem != null && (SUBMITTING.contains(verb) || event.getScoreScaled() != null || Boolean.TRUE.equals(event.getCompletion()))) {
            Double score = event.getScoreScaled() == null ? null : Math.max(0, Math.min(1, event.getScoreScaled()));
            return RiskEvent.submission(time, lineItem, score);
        }
        return RiskEvent.activity(time, event.getActivityId());
    }

    /** The sourcedId of the line item an activity IRI names: the whole IRI or its last path segment. */
    static String lineItemOf(String activityId, List<ClassLineItem> lineItems) {
        if (lineItems.isEmpty()) return null;
        int slash = activityId.lastIndexOf('/');
        String last = slash < 0 ? activityId : URLDecoder.decode(activityId.substring(slash + 1), StandardCharsets.UTF_8);
        for (ClassLineItem item : lineItems) {
            if (item.getSourcedId().equals(activityId) || item.getSourcedId().equals(last)) return item.getSourcedId();
        }
        return null;
    }
}
