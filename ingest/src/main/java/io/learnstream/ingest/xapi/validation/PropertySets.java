package io.learnstream.ingest.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * The fixed property set of every xAPI object type. A property outside the set is rejected (xAPI 1.0.3 Data
 * 2.2.s4.b1.b7, b5: keys not allowed by the specification, or in another case). Extensions are the only open maps and
 * are checked elsewhere.
 */
final class PropertySets {
    static final Allowed STATEMENT = new Allowed("a Statement",
            "id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority", "version", "attachments");
    static final Allowed SUB_STATEMENT = new Allowed("a SubStatement",
            "objectType", "actor", "verb", "object", "result", "context", "timestamp", "attachments");
    static final Allowed AGENT = new Allowed("an Agent", "objectType", "name", "mbox", "mbox_sha1sum", "openid", "account");
    static final Allowed GROUP = new Allowed("a Group", "objectType", "name", "member", "mbox", "mbox_sha1sum", "openid", "account");
    static final Allowed ACCOUNT = new Allowed("an Account", "homePage", "name");
    static final Allowed VERB = new Allowed("a Verb", "id", "display");
    static final Allowed ACTIVITY = new Allowed("an Activity", "objectType", "id", "definition");
    static final Allowed ACTIVITY_DEFINITION = new Allowed("an Activity Definition",
            "name", "description", "type", "moreInfo", "extensions",
            "interactionType", "correctResponsesPattern", "choices", "scale", "source", "target", "steps");
    static final Allowed INTERACTION_COMPONENT = new Allowed("an interaction component", "id", "description");
    static final Allowed STATEMENT_REF = new Allowed("a StatementRef", "objectType", "id");
    static final Allowed RESULT = new Allowed("a Result", "score", "success", "completion", "response", "duration", "extensions");
    static final Allowed SCORE = new Allowed("a Score", "scaled", "raw", "min", "max");
    static final Allowed CONTEXT_1_0 = new Allowed("a Context",
            "registration", "instructor", "team", "contextActivities", "revision", "platform", "language", "statement",
            "extensions");
    static final Allowed CONTEXT_2_0 = new Allowed("a Context",
            "registration", "instructor", "team", "contextActivities", "contextAgents", "contextGroups", "revision",
            "platform", "language", "statement", "extensions");
    static final Allowed CONTEXT_ACTIVITIES = new Allowed("contextActivities", "parent", "grouping", "category", "other");
    static final Allowed CONTEXT_AGENT = new Allowed("a Context Agent", "objectType", "agent", "relevantTypes");
    static final Allowed CONTEXT_GROUP = new Allowed("a Context Group", "objectType", "group", "relevantTypes");
    static final Allowed ATTACHMENT = new Allowed("an Attachment",
            "usageType", "display", "description", "contentType", "length", "sha2", "fileUrl");

    private PropertySets() {}

    /** Rejects the first property of {@code node} that is not in {@code allowed}. */
    static void requireOnly(JsonNode node, JsonPath path, Allowed allowed) {
        for (Map.Entry<String, JsonNode> property : node.properties()) {
            String name = property.getKey();
            if (!allowed.contains(name)) throw Shapes.reject(path.field(name), allowed.whyNot(name));
        }
    }

    /** The property names one object type may have, in the specification's order. */
    record Allowed(String what, String... names) {
        boolean contains(String name) {
            for (String allowedName : names) {
                if (allowedName.equals(name)) return true;
            }
            return false;
        }

        String whyNot(String name) {
            for (String allowedName : names) {
                if (allowedName.equalsIgnoreCase(name)) {
                    return "is not a property of " + what + "; property names are case-sensitive, it should be '" + allowedName + "'";
                }
            }
            return "is not a property of " + what + " (its properties are " + String.join(", ", names) + ")";
        }
    }
}
