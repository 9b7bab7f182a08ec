package io.learnstream.ingest.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnstream.ingest.xapi.XapiVersion;
import java.util.Map;

/**
 * The Context (xAPI Data 2.4.6): registration (UUID), instructor (Agent or Group), team (Group), contextActivities,
 * revision and platform (strings, only when the statement's object is an Activity), language (RFC 5646 tag),
 * statement (StatementRef) and extensions. xAPI 2.0 adds contextAgents and contextGroups; in a 1.0.3 request they
 * are properties the specification does not allow.
 *
 * <p>contextActivities has only the keys parent, grouping, category and other, each an Activity or an array of
 * Activities, in both versions (the 2.0 conformance suite still posts single Activities and expects them stored).
 */
final class ContextRules {
    private static final String[] XAPI_2_0_ONLY = {"contextAgents", "contextGroups"};

    private ContextRules() {}

    static void requireContext(JsonNode context, JsonPath path, XapiVersion version, JsonNode statementObject) {
        Shapes.requireObject(context, path, "a Context");
        if (version == XapiVersion.V1_0_3) {
            for (String property : XAPI_2_0_ONLY) {
                if (context.has(property)) {
                    throw Shapes.reject(path.field(property), "is an xAPI 2.0 property; this request declares xAPI 1.0.3 "
                            + "(header X-Experience-API-Version), send it as 2.0.0 to use it");
                }
            }
        }
        PropertySets.requireOnly(context, path, version == XapiVersion.V1_0_3 ? PropertySets.CONTEXT_1_0 : PropertySets.CONTEXT_2_0);
        JsonNode registration = context.get("registration");
        if (registration != null) Uuids.requireUuid(registration, path.field("registration"));
        JsonNode instructor = context.get("instructor");
        if (instructor != null) ActorRules.requireAgentOrGroup(instructor, path.field("instructor"));
        JsonNode team = context.get("team");
        if (team != null) ActorRules.requireGroup(team, path.field("team"));
        JsonNode contextActivities = context.get("contextActivities");
        if (contextActivities != null) requireContextActivities(contextActivities, path.field("contextActivities"));
        JsonNode contextAgents = context.get("contextAgents");
        if (contextAgents != null) requireContextAgents(contextAgents, path.field("contextAgents"));
        JsonNode contextGroups = context.get("contextGroups");
        if (contextGroups != null) requireContextGroups(contextGroups, path.field("contextGroups"));
        requireOnlyForActivity(context, "revision", path, statementObject);
        requireOnlyForActivity(context, "platform", path, statementObject);
        JsonNode language = context.get("language");
        if (language != null) LanguageTags.requireTag(language, path.field("language"));
        JsonNode statement = context.get("statement");
        if (statement != null) ObjectRules.requireStatementRef(statement, path.field("statement"));
        JsonNode extensions = context.get("extensions");
        if (extensions != null) Extensions.requireExtensions(extensions, path.field("extensions"));
    }

    /** revision and platform (Data 2.4.6.s4.b1, b2): strings, used only when the statement's object is an Activity. */
    private static void requireOnlyForActivity(JsonNode context, String property, JsonPath path, JsonNode statementObject) {
        JsonNode value = context.get(property);
        if (value == null) return;
        Shapes.requireString(value, path.field(property));
        if (!ObjectRules.isActivity(statementObject)) {
            throw Shapes.reject(path.field(property), "may only be used when the statement's object is an Activity");
        }
    }

    private static void requireContextActivities(JsonNode contextActivities, JsonPath path) {
        Shapes.requireObject(contextActivities, path, "an object with parent, grouping, category or other");
        PropertySets.requireOnly(contextActivities, path, PropertySets.CONTEXT_ACTIVITIES);
        for (Map.Entry<String, JsonNode> entry : contextActivities.properties()) {
            JsonNode value = entry.getValue();
            JsonPath kindPath = path.field(entry.getKey());
            if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) ActivityRules.requireActivity(value.get(i), kindPath.index(i));
            } else if (value.isObject()) {
                ActivityRules.requireActivity(value, kindPath);
            } else {
                throw Shapes.reject(kindPath, value.isNull() ? Shapes.NOT_NULL : "must be an Activity or an array of Activities");
            }
        }
    }

    /** xAPI 2.0 Context Agents: objectType 'contextAgent', an Agent, and optionally one or more relevant type IRIs. */
    private static void requireContextAgents(JsonNode contextAgents, JsonPath path) {
        Shapes.requireArray(contextAgents, path, "an array of Context Agents");
        for (int i = 0; i < contextAgents.size(); i++) {
            JsonNode contextAgent = contextAgents.get(i);
            JsonPath itemPath = path.index(i);
            Shapes.requireObject(contextAgent, itemPath, "a Context Agent");
            requireObjectType(contextAgent, itemPath, "contextAgent");
            ActorRules.requireAgent(Shapes.required(contextAgent, "agent", itemPath), itemPath.field("agent"));
            requireRelevantTypes(contextAgent, itemPath);
            PropertySets.requireOnly(contextAgent, itemPath, PropertySets.CONTEXT_AGENT);
        }
    }

    /** xAPI 2.0 Context Groups: objectType 'contextGroup', a Group, and optionally one or more relevant type IRIs. */
    private static void requireContextGroups(JsonNode contextGroups, JsonPath path) {
        Shapes.requireArray(contextGroups, path, "an array of Context Groups");
        for (int i = 0; i < contextGroups.size(); i++) {
            JsonNode contextGroup = contextGroups.get(i);
            JsonPath itemPath = path.index(i);
            Shapes.requireObject(contextGroup, itemPath, "a Context Group");
            requireObjectType(contextGroup, itemPath, "contextGroup");
            ActorRules.requireGroup(Shapes.required(contextGroup, "group", itemPath), itemPath.field("group"));
            requireRelevantTypes(contextGroup, itemPath);
            PropertySets.requireOnly(contextGroup, itemPath, PropertySets.CONTEXT_GROUP);
        }
    }

    private static void requireObjectType(JsonNode node, JsonPath path, String expected) {
        JsonNode objectType = Shapes.required(node, "objectType", path);
        if (!(objectType.isTextual() && expected.equals(objectType.textValue()))) {
            throw Shapes.reject(path.field("objectType"), ObjectTypes.mustBe(objectType, "'" + expected + "'"));
        }
    }

    private static void requireRelevantTypes(JsonNode node, JsonPath path) {
        JsonNode relevantTypes = node.get("relevantTypes");
        if (relevantTypes == null) return;
        JsonPath typesPath = path.field("relevantTypes");
        Shapes.requireArray(relevantTypes, typesPath, "an array of IRIs");
        if (relevantTypes.isEmpty()) throw Shapes.reject(typesPath, "must hold at least one IRI when present");
        for (int i = 0; i < relevantTypes.size(); i++) Iris.requireIri(relevantTypes.get(i), typesPath.index(i));
    }
}
