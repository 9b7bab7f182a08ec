package io.learnstream.ingest.http;

import io.learnstream.ingest.documents.DocumentAddress;
import io.learnstream.ingest.documents.DocumentKind;
import io.learnstream.ingest.lrs.QueryParameters;
import io.learnstream.ingest.lrs.StatementIndex;
import io.learnstream.ingest.lrs.StatementQueryException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The query parameters of a document request (Communication 2.3, 2.6, 2.7), checked and typed: {@code activityId} an
 * absolute IRI, {@code agent} an Agent or identified Group as JSON, {@code registration} a UUID, {@code since} a
 * timestamp (GET only), the document id any string; each at most once, none the resource does not know. A broken
 * rule is a {@link StatementQueryException} naming the parameter (400).
 *
 * @param address the document, or with no document id every document of the scope
 * @param since for a list, only documents stored after it
 */
record DocumentParameters(DocumentAddress address, Optional<Instant> since) {
    static final String ACTIVITY_ID = "activityId";
    static final String AGENT = "agent";
    static final String REGISTRATION = "registration";
    static final String SINCE = "since";

    /**
     * @param method GET, HEAD, PUT, POST or DELETE
     * @param idRequired whether the method needs the document id (PUT and POST always; DELETE of a profile)
     */
    static DocumentParameters parse(DocumentKind kind, String method, boolean idRequired, Map<String, List<String>> query, String tenantId) {
        boolean reading = method.equals("GET") || method.equals("HEAD");
        Set<String> known = known(kind, reading);
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (!known.contains(parameter.getKey())) {
                throw new StatementQueryException(parameter.getKey(), "is not a parameter of " + method + " on the " + kind.description()
                        + " resource; its parameters are " + String.join(", ", new TreeSet<>(known)));
            }
            if (parameter.getValue().size() != 1) {
                throw new StatementQueryException(parameter.getKey(), "must be given exactly once, got " + parameter.getValue().size() + " values");
            }
        }
        String activityId = kind.hasActivity() ? QueryParameters.iri(ACTIVITY_ID, required(query, ACTIVITY_ID)) : null;
        String agentJson = kind.hasAgent() ? required(query, AGENT) : null;
        String agentIdentifier = agentJson == null ? null
                : StatementIndex.identifierOf(QueryParameters.agent(AGENT, agentJson)).orElseThrow();
        String registration = kind.hasRegistration() ? value(query, REGISTRATION).map(v -> QueryParameters.uuid(REGISTRATION, v)).orElse(null) : null;
        String documentId = idRequired ? required(query, kind.idParameter()) : value(query, kind.idParameter()).orElse(null);
        Optional<Instant> since = value(query, SINCE).map(v -> QueryParameters.timestamp(SINCE, v));
        return new DocumentParameters(new DocumentAddress(tenantId, kind, activityId, agentIdentifier, agentJson, registration, documentId), since);
    }

    private static Set<String> known(DocumentKind kind, boolean reading) {
        Set<String> known = new LinkedHashSet<>();
        if (kind.hasActivity()) known.add(ACTIVITY_ID);
        if (kind.hasAgent()) known.add(AGENT);
        if (kind.hasRegistration()) known.add(REGISTRATION);
        known.add(kind.idParameter());
        if (reading) known.add(SINCE);
        return known;
    }

    private static String required(Map<String, List<String>> query, String name) {
        return value(query, name).orElseThrow(() -> new StatementQueryException(name, "is required"));
    }

    private static Optional<String> value(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }
}
