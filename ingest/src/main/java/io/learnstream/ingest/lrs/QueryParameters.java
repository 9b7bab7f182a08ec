package io.learnstream.ingest.lrs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.ingest.xapi.StatementRejectedException;
import io.learnstream.ingest.xapi.StatementValidator;
import io.learnstream.ingest.xapi.XapiTimestamps;
import io.learnstream.ingest.xapi.validation.Iris;
import io.learnstream.ingest.xapi.validation.Uuids;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The typed query parameters the xAPI resources share (an agent as JSON, an IRI, a UUID, a timestamp), each checked
 * by the rules statements are checked by. A value that breaks them is a {@link StatementQueryException} naming the
 * parameter, answered with 400.
 */
public final class QueryParameters {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StatementValidator VALIDATOR = new StatementValidator();

    private QueryParameters() {}

    /**
     * An Agent or identified Group given as JSON, checked by the same rules as a statement's actor.
     *
     * @return the parsed object, which has an identifier ({@link StatementIndex#identifierOf} is present)
     */
    public static JsonNode agent(String name, String value) {
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new StatementQueryException(name, "must be an Agent or identified Group as JSON, such as "
                    + "{\"mbox\":\"mailto:ann@example.org\"}; the value is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new StatementQueryException(name, "must be a JSON object: an Agent or identified Group, such as {\"mbox\":\"mailto:ann@example.org\"}");
        }
        // checked as the actor of a minimal statement
        ObjectNode probe = JSON.createObjectNode();
        probe.set("actor", node);
        probe.putObject("verb").put("id", "http://adlnet.gov/expapi/verbs/experienced");
        probe.putObject("object").put("objectType", "Activity").put("id", "urn:learnstream:agent-filter");
        try {
            VALIDATOR.validate(probe);
        } catch (StatementRejectedException e) {
            String where = e.path().equals("actor") ? ""
                    : e.path().startsWith("actor.") ? " (at " + name + e.path().substring("actor".length()) + ")" : "";
            throw new StatementQueryException(name, e.rule() + where);
        }
        if (StatementIndex.identifierOf(node).isEmpty()) {
            throw new StatementQueryException(name, "must identify an Agent or Group by mbox, mbox_sha1sum, openid or account;"
                    + " an anonymous Group cannot be a filter, nor own documents");
        }
        return node;
    }

    /** The canonical identifier of the Agent or identified Group given as JSON (see {@link #agent}). */
    public static String agentIdentifier(String name, String value) {
        return StatementIndex.identifierOf(agent(name, value)).orElseThrow();
    }

    public static String iri(String name, String value) {
        if (!Iris.isAbsoluteIri(value)) {
            throw new StatementQueryException(name, "must be an absolute IRI such as http://adlnet.gov/expapi/verbs/completed, got '" + value + "'");
        }
        return value;
    }

    /** A UUID in its standard form, answered in lower case. */
    public static String uuid(String name, String value) {
        if (!Uuids.isStandardForm(value)) {
            throw new StatementQueryException(name, "must be a UUID such as 3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77, got '" + value + "'");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    public static Instant timestamp(String name, String value) {
        try {
            return XapiTimestamps.parse(value);
        } catch (DateTimeParseException e) {
            throw new StatementQueryException(name, "must be an ISO 8601 timestamp such as 2026-09-01T08:30:00.000Z, got '" + value + "'");
        }
    }
}
