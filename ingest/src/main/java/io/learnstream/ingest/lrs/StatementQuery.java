package io.learnstream.ingest.lrs;

import io.learnstream.ingest.xapi.XapiVersion;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
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

        Optional<String> statementId = optional(given, STATEMENT_ID).map(value -> QueryParameters.uuid(STATEMENT_ID, value));
        Optional<String> voidedStatementId = optional(given, VOIDED_STATEMENT_ID).map(value -> QueryParameters.uuid(VOIDED_STATEMENT_ID, value));
        Optional<String> agent = optional(given, "agent").map(value -> QueryParameters.agentIdentifier("agent", value));
        Optional<String> verb = optional(given, "verb").map(value -> QueryParameters.iri("verb", value));
        Optional<String> activity = optional(given, "activity").map(value -> QueryParameters.iri("activity", value));
        Optional<String> registration = optional(given, "registration").map(value -> QueryParameters.uuid("registration", value));
        boolean relatedActivities = optional(given, "related_activities").map(value -> bool("related_activities", value)).orElse(false);
        boolean relatedAgents = optional(given, "related_agents").map(value -> bool("related_agents", value)).orElse(false);
        Optional<Instant> since = optional(given, "since").map(value -> QueryParameters.timestamp("since", value));
        Optional<Instant> until = optional(given, "until").map(value -> QueryParameters.timestamp("until", value));
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

    private static boolean bool(String name, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new StatementQueryException(name, "must be true or false, got '" + value + "'");
        };
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
