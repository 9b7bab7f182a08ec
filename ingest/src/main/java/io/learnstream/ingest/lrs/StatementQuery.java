package io.learnstream.ingest.lrs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.ingest.xapi.StatementRejectedException;
import io.learnstream.ingest.xapi.StatementValidator;
import io.learnstream.ingest.xapi.XapiTimestamps;
import io.learnstream.ingest.xapi.XapiVersion;
import io.learnstream.ingest.xapi.validation.Iris;
import io.learnstream.ingest.xapi.validation.Uuids;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The parameters of a GET request to the statement resource (xAPI 1.0.3 and 2.0.0, "GET Statements"), checked
 * and typed. Built only by {@link #parse}, which refuses every parameter this LRS cannot honour with a
 * {@link StatementQueryException} naming it.
 *
 * @param statementId       fetch the one statement with this id (lower case)
 * @param voidedStatementId fetch the one voided statement with this id (lower case)
 * @param agent             canonical IFI of the Agent or identified Group to filter by ({@link StatementIndex#identifierOf})
 * @param verb              verb IRI to filter by
 * @param activity          Activity id to filter by
 * @param registration      registration to filter by (lower case)
 * @param relatedActivities apply {@code activity} to context activities and SubStatements too
 * @param relatedAgents     apply {@code agent} to authority, instructor, team, context agents and SubStatements too
 * @param since             only statements stored after this instant (exclusive)
 * @param until             only statements stored at or before this instant
 * @param limit             statements per page, 1 to {@link #MAX_LIMIT} (the parameter's 0 means the maximum)
 * @param format            how much of each Agent, Activity and Verb to return
 * @param attachments       whether the caller asked for attachments (this LRS stores none: answered as if none)
 * @param ascending         oldest stored first instead of newest first
 * @param version           the xAPI version the request spoke; a {@code more} page is parsed under the same one
 * @param parameters        the parameters exactly as given: what a {@code more} cursor carries to repeat the query
 */
public record StatementQuery(
        Optional<String> statementId,
        Optional<String> voidedStatementId,
        Optional<String> agent,
        Optional<String> verb,
        Optional<String> activity,
        Optional<String> registration,
        boolean relatedActivities,
        boolean relatedAgents,
        Optional<Instant> since,
        Optional<Instant> until,
        int limit,
        ResponseFormat format,
        boolean attachments,
        boolean ascending,
        XapiVersion version,
        SortedMap<String, String> parameters) {

    /** The most statements one page holds; {@code limit=0} asks for this many. */
    public static final int MAX_LIMIT = 500;

    static final String STATEMENT_ID = "statementId";
    static final String VOIDED_STATEMENT_ID = "voidedStatementId";
    /** The parameters GET statements knows, besides {@code more} (see {@link StatementReader}). */
    static final Set<String> KNOWN = Set.of(STATEMENT_ID, VOIDED_STATEMENT_ID, "agent", "verb", "activity",
            "registration", "related_activities", "related_agents", "since", "until", "limit", "format",
            "attachments", "ascending");
    /** The only parameters that may accompany {@code statementId} or {@code voidedStatementId}. */
    static final Set<String> ALLOWED_WITH_ID = Set.of(STATEMENT_ID, VOIDED_STATEMENT_ID, "format", "attachments");

    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StatementValidator VALIDATOR = new StatementValidator();

    public StatementQuery {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(version, "version");
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
        if (limit < 1 || limit > MAX_LIMIT) throw new IllegalArgumentException("limit " + limit + " is outside 1.." + MAX_LIMIT);
    }

    /**
     * Checks and types the query parameters of a GET statements request.
     *
     * @param queryParams parameter name to the values given for it (a name given twice has two values)
     * @param version     the xAPI version the request spoke
     * @throws StatementQueryException for an unknown parameter, a parameter given more than once, a value of the
     *     wrong type, or {@code statementId}/{@code voidedStatementId} combined with anything but {@code format}
     *     and {@code attachments}
     */
    public static StatementQuery parse(Map<String, List<String>> queryParams, XapiVersion version) {
        SortedMap<String, String> given = new TreeMap<>();
        for (Map.Entry<String, List<String>> entry : new TreeMap<>(queryParams).entrySet()) {
            String name = entry.getKey();
            if (!KNOWN.contains(name)) {
                throw new StatementQueryException(name, "is not a parameter of GET statements; the parameters are "
                        + String.join(", ", new TreeSet<>(KNOWN)) + ", or more alone to fetch a further page");
            }
            List<String> values = entry.getValue();
            if (values == null || values.size() != 1) {
                throw new StatementQueryException(name, "must be given exactly once, got "
                        + (values == null ? 0 : values.size()) + " values");
            }
            given.put(name, Objects.requireNonNull(values.getFirst(), name));
        }
        requireIdAlone(given);

        Optional<String> statementId = optional(given, STATEMENT_ID).map(value -> uuid(STATEMENT_ID, value));
        Optional<String> voidedStatementId = optional(given, VOIDED_STATEMENT_ID).map(value -> uuid(VOIDED_STATEMENT_ID, value));
        Optional<String> agent = optional(given, "agent").map(StatementQuery::agent);
        Optional<String> verb = optional(given, "verb").map(value -> iri("verb", value));
        Optional<String> activity = optional(given, "activity").map(value -> iri("activity", value));
        Optional<String> registration = optional(given, "registration").map(value -> uuid("registration", value));
        boolean relatedActivities = optional(given, "related_activities").map(value -> bool("related_activities", value)).orElse(false);
        boolean relatedAgents = optional(given, "related_agents").map(value -> bool("related_agents", value)).orElse(false);
        Optional<Instant> since = optional(given, "since").map(value -> timestamp("since", value));
        Optional<Instant> until = optional(given, "until").map(value -> timestamp("until", value));
        int limit = optional(given, "limit").map(StatementQuery::limit).orElse(MAX_LIMIT);
        ResponseFormat format = optional(given, "format").map(ResponseFormat::parse).orElse(ResponseFormat.EXACT);
        boolean attachments = optional(given, "attachments").map(value -> bool("attachments", value)).orElse(false);
        boolean ascending = optional(given, "ascending").map(value -> bool("ascending", value)).orElse(false);
        return new StatementQuery(statementId, voidedStatementId, agent, verb, activity, registration, relatedActivities,
                relatedAgents, since, until, limit, format, attachments, ascending, version, given);
    }

    /** Whether this asks for one statement by id rather than a list. */
    public boolean isSingle() {
        return statementId.isPresent() || voidedStatementId.isPresent();
    }

    /**
     * Whether the query filters on what a statement says (agent, verb, activity, registration), as opposed to only
     * on when it was stored. Only such filters are matched through StatementRefs.
     */
    public boolean filtersContent() {
        return agent.isPresent() || verb.isPresent() || activity.isPresent() || registration.isPresent();
    }

    private static void requireIdAlone(SortedMap<String, String> given) {
        if (given.containsKey(STATEMENT_ID) && given.containsKey(VOIDED_STATEMENT_ID)) {
            throw new StatementQueryException(VOIDED_STATEMENT_ID, "cannot be combined with statementId: ask for one statement at a time");
        }
        String id = given.containsKey(STATEMENT_ID) ? STATEMENT_ID : given.containsKey(VOIDED_STATEMENT_ID) ? VOIDED_STATEMENT_ID : null;
        if (id == null) return;
        for (String name : given.keySet()) {
            if (!ALLOWED_WITH_ID.contains(name)) {
                throw new StatementQueryException(name, "cannot be combined with " + id
                        + ": fetching one statement by id accepts only format and attachments besides it");
            }
        }
    }

    private static String agent(String value) {
        JsonNode node;
        try {
            node = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new StatementQueryException("agent", "must be an Agent or identified Group as JSON, such as "
                    + "{\"mbox\":\"mailto:ann@example.org\"}; the value is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new StatementQueryException("agent", "must be a JSON object: an Agent or identified Group, such as {\"mbox\":\"mailto:ann@example.org\"}");
        }
        // the agent is checked by the same rules as a statement's actor: as the actor of a minimal statement
        ObjectNode probe = JSON.createObjectNode();
        probe.set("actor", node);
        probe.putObject("verb").put("id", "http://adlnet.gov/expapi/verbs/experienced");
        probe.putObject("object").put("objectType", "Activity").put("id", "urn:learnstream:agent-filter");
        try {
            VALIDATOR.validate(probe);
        } catch (StatementRejectedException e) {
            String where = e.path().equals("actor") ? ""
                    : e.path().startsWith("actor.") ? " (at agent" + e.path().substring("actor".length()) + ")" : "";
            throw new StatementQueryException("agent", e.rule() + where);
        }
        return StatementIndex.identifierOf(node).orElseThrow(() -> new StatementQueryException("agent",
                "must identify an Agent or Group by mbox, mbox_sha1sum, openid or account; an anonymous Group cannot be a filter"));
    }

    private static String iri(String name, String value) {
        if (!Iris.isAbsoluteIri(value)) {
            throw new StatementQueryException(name, "must be an absolute IRI such as http://adlnet.gov/expapi/verbs/completed, got '" + value + "'");
        }
        return value;
    }


    private static String uuid(String name, String value) {
        if (!Uuids.isStandardForm(value)) {
            throw new StatementQueryException(name, "must be a UUID such as 3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77, got '" + value + "'");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static boolean bool(String name, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new StatementQueryException(name, "must be true or false, got '" + value + "'");
        };
    }

    private static Instant timestamp(String name, String value) {
        try {
            return XapiTimestamps.parse(value);
        } catch (DateTimeParseException e) {
            throw new StatementQueryException(name, "must be an ISO 8601 timestamp such as 2026-09-01T08:30:00.000Z, got '" + value + "'");
        }
    }

    private static int limit(String value) {
        if (!DIGITS.matcher(value).matches()) {
            throw new StatementQueryException("limit", "must be a whole number of 0 or more (0 asks for the server's maximum, "
                    + MAX_LIMIT + "), got '" + value + "'");
        }
        String significant = value.replaceFirst("^0+(?=.)", "");
        if (significant.length() > 9) return MAX_LIMIT;
        int requested = Integer.parseInt(significant);
        return requested == 0 || requested > MAX_LIMIT ? MAX_LIMIT : requested;
    }

    private static Optional<String> optional(Map<String, String> given, String name) {
        return Optional.ofNullable(given.get(name));
    }
}
