package io.learnstream.ingest.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnstream.ingest.xapi.XapiVersion;

/**
 * A Statement (xAPI Data 2.2, 2.4) and a SubStatement (2.4.4.3), the entry point of the rules in this package.
 *
 * <p>A statement is a JSON object with actor, verb and object, and optionally id (UUID), result, context, timestamp,
 * stored (timestamps; stored is overwritten by the LRS but must be a timestamp when sent), authority, version and
 * attachments; nothing else. A statement with the verb {@code http://adlnet.gov/expapi/verbs/voided} must have a
 * StatementRef as object. A SubStatement is validated as a statement, must not have id, stored, version or authority,
 * and must not contain another SubStatement.
 *
 * <p>The first broken rule is reported: required properties first, then unknown properties, then each value in the
 * specification's order.
 */
public final class StatementRules {
    private static final JsonPath ID = JsonPath.ROOT.field("id");
    private static final JsonPath ACTOR = JsonPath.ROOT.field("actor");
    private static final JsonPath VERB = JsonPath.ROOT.field("verb");
    private static final JsonPath OBJECT = JsonPath.ROOT.field("object");
    private static final JsonPath RESULT = JsonPath.ROOT.field("result");
    private static final JsonPath CONTEXT = JsonPath.ROOT.field("context");
    private static final JsonPath TIMESTAMP = JsonPath.ROOT.field("timestamp");
    private static final JsonPath STORED = JsonPath.ROOT.field("stored");
    private static final JsonPath AUTHORITY = JsonPath.ROOT.field("authority");
    private static final JsonPath VERSION = JsonPath.ROOT.field("version");
    private static final JsonPath ATTACHMENTS = JsonPath.ROOT.field("attachments");
    private static final String[] NOT_IN_SUB_STATEMENT = {"id", "stored", "version", "authority"};

    private StatementRules() {}

    /**
     * @throws io.learnstream.ingest.xapi.StatementRejectedException at the first rule the statement breaks
     */
    public static void requireStatement(JsonNode statement, XapiVersion version) {
        JsonPath root = JsonPath.ROOT;
        Shapes.requireObject(statement, root, "a statement");
        JsonNode actor = Shapes.required(statement, "actor", root);
        JsonNode verb = Shapes.required(statement, "verb", root);
        JsonNode object = Shapes.required(statement, "object", root);
        PropertySets.requireOnly(statement, root, PropertySets.STATEMENT);

        JsonNode id = statement.get("id");
        if (id != null) Uuids.requireUuid(id, ID);
        ActorRules.requireAgentOrGroup(actor, ACTOR);
        VerbRules.requireVerb(verb, VERB);
        ObjectRules.requireObject(object, OBJECT, version, false);
        requireVoidingTargetsStatementRef(verb, object, OBJECT);
        JsonNode result = statement.get("result");
        if (result != null) ResultRules.requireResult(result, RESULT);
        JsonNode context = statement.get("context");
        if (context != null) ContextRules.requireContext(context, CONTEXT, version, object);
        JsonNode timestamp = statement.get("timestamp");
        if (timestamp != null) Timestamps.requireTimestamp(timestamp, TIMESTAMP, version);
        JsonNode stored = statement.get("stored");
        if (stored != null) Timestamps.requireTimestamp(stored, STORED, version);
        JsonNode authority = statement.get("authority");
        if (authority != null) ActorRules.requireAuthority(authority, AUTHORITY);
        JsonNode statementVersion = statement.get("version");
        if (statementVersion != null) StatementVersions.requireVersion(statementVersion, VERSION, version);
        JsonNode attachments = statement.get("attachments");
        if (attachments != null) AttachmentRules.requireAttachments(attachments, ATTACHMENTS);
    }

    /** A SubStatement at {@code path}, whose objectType has been read as 'SubStatement'. */
    static void requireSubStatement(JsonNode sub, JsonPath path, XapiVersion version) {
        for (String property : NOT_IN_SUB_STATEMENT) {
            if (sub.has(property)) {
                throw Shapes.reject(path.field(property), "must not be used in a SubStatement (it has no id, stored, version or authority)");
            }
        }
        JsonNode actor = Shapes.required(sub, "actor", path);
        JsonNode verb = Shapes.required(sub, "verb", path);
        JsonNode object = Shapes.required(sub, "object", path);
        PropertySets.requireOnly(sub, path, PropertySets.SUB_STATEMENT);

        ActorRules.requireAgentOrGroup(actor, path.field("actor"));
        VerbRules.requireVerb(verb, path.field("verb"));
        JsonPath objectPath = path.field("object");
        ObjectRules.requireObject(object, objectPath, version, true);
        requireVoidingTargetsStatementRef(verb, object, objectPath);
        JsonNode result = sub.get("result");
        if (result != null) ResultRules.requireResult(result, path.field("result"));
        JsonNode context = sub.get("context");
        if (context != null) ContextRules.requireContext(context, path.field("context"), version, object);
        JsonNode timestamp = sub.get("timestamp");
        if (timestamp != null) Timestamps.requireTimestamp(timestamp, path.field("timestamp"), version);
        JsonNode attachments = sub.get("attachments");
        if (attachments != null) AttachmentRules.requireAttachments(attachments, path.field("attachments"));
    }

    /** Data 2.3.2.s2.b1, b2: the object of a voiding statement is a StatementRef to the statement it voids. */
    private static void requireVoidingTargetsStatementRef(JsonNode verb, JsonNode object, JsonPath objectPath) {
        if (VerbRules.isVoiding(verb) && !ObjectRules.isStatementRef(object)) {
            throw Shapes.reject(objectPath.field("objectType"), "must be 'StatementRef': a statement with the verb "
                    + VerbRules.VOIDED + " voids the statement its object refers to");
        }
    }
}
