package io.learnstream.ingest.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnstream.ingest.xapi.XapiVersion;

/**
 * The object of a statement (xAPI Data 2.4.4), chosen by its objectType: Activity (the default when objectType is
 * absent), Agent or Group (objectType required), StatementRef or SubStatement (objectType required). A SubStatement's
 * own object may be anything but another SubStatement.
 */
final class ObjectRules {
    private static final String[] IDENTIFYING = {"mbox", "mbox_sha1sum", "openid", "account", "member"};

    private ObjectRules() {}

    static void requireObject(JsonNode object, JsonPath path, XapiVersion version, boolean inSubStatement) {
        Shapes.requireObject(object, path, "an Activity, Agent, Group, StatementRef or SubStatement");
        JsonNode objectType = object.get("objectType");
        if (objectType == null) {
            if (!object.has("id") && looksLikeAgentOrGroup(object)) {
                throw Shapes.reject(path.field("objectType"), "is required when the object is an Agent or a Group ('Agent' or 'Group')");
            }
            ActivityRules.requireActivity(object, path);
            return;
        }
        String type = objectType.isTextual() ? objectType.textValue() : "";
        switch (type) {
            case "Activity" -> ActivityRules.requireActivity(object, path);
            case "Agent", "Group" -> ActorRules.requireAgentOrGroup(object, path);
            case "StatementRef" -> requireStatementRef(object, path);
            case "SubStatement" -> {
                if (inSubStatement) throw Shapes.reject(path.field("objectType"), "must not be 'SubStatement': a SubStatement cannot contain another SubStatement");
                StatementRules.requireSubStatement(object, path, version);
            }
            default -> throw Shapes.reject(path.field("objectType"), ObjectTypes.mustBe(objectType, inSubStatement
                    ? "'Activity', 'Agent', 'Group' or 'StatementRef'"
                    : "'Activity', 'Agent', 'Group', 'StatementRef' or 'SubStatement'"));
        }
    }

    /** A Statement Reference (Data 2.4.4.3): objectType 'StatementRef' (required) and the UUID of a statement. */
    static void requireStatementRef(JsonNode ref, JsonPath path) {
        Shapes.requireObject(ref, path, "a StatementRef");
        JsonNode objectType = Shapes.required(ref, "objectType", path);
        if (!(objectType.isTextual() && "StatementRef".equals(objectType.textValue()))) {
            throw Shapes.reject(path.field("objectType"), ObjectTypes.mustBe(objectType, "'StatementRef'"));
        }
        Uuids.requireUuid(Shapes.required(ref, "id", path), path.field("id"));
        PropertySets.requireOnly(ref, path, PropertySets.STATEMENT_REF);
    }

    static boolean isActivity(JsonNode object) {
        JsonNode objectType = object.get("objectType");
        return objectType == null || "Activity".equals(objectType.textValue());
    }

    static boolean isStatementRef(JsonNode object) {
        JsonNode objectType = object.get("objectType");
        return objectType != null && "StatementRef".equals(objectType.textValue());
    }

    private static boolean looksLikeAgentOrGroup(JsonNode object) {
        for (String property : IDENTIFYING) {
            if (object.has(property)) return true;
        }
        return false;
    }
}
