package io.learnstream.ingest.documents;

import io.learnstream.ingest.StatementKeys;
import io.learnstream.schemas.topic.Topics;
import java.util.Objects;

/**
 * Where a document is, or which documents a list or a delete-all reaches: the district, the kind and the parameters
 * that identify documents of that kind. Keys are hashes of the parameters (a compacted topic's key says nothing of
 * the learner) under the learner's {@link StatementKeys#actorKey actor key}, so an erasure of a learner finds their
 * State and Agent Profile documents by prefix.
 *
 * @param tenantId the district
 * @param kind which resource
 * @param activityId the activity IRI (State, Activity Profile), else null
 * @param agentIdentifier the canonical identifier of the agent (State, Agent Profile), else null
 * @param agentJson the agent parameter as sent (kept with the document), else null
 * @param registration the registration, lower case, or null (State only)
 * @param documentId the stateId or profileId, or null when addressing every document of the scope
 */
public record DocumentAddress(String tenantId, DocumentKind kind, String activityId, String agentIdentifier, String agentJson,
        String registration, String documentId) {

    public DocumentAddress {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(kind, "kind");
        if (kind.hasActivity() != (activityId != null)) throw new IllegalArgumentException(kind + " documents " + (kind.hasActivity() ? "need" : "have no") + " activityId");
        if (kind.hasAgent() != (agentIdentifier != null)) throw new IllegalArgumentException(kind + " documents " + (kind.hasAgent() ? "need" : "have no") + " agent");
        if (registration != null && !kind.hasRegistration()) throw new IllegalArgumentException(kind + " documents have no registration");
    }

    /** The same scope, one document of it. */
    public DocumentAddress withDocumentId(String id) {
        return new DocumentAddress(tenantId, kind, activityId, agentIdentifier, agentJson, registration, Objects.requireNonNull(id, "id"));
    }

    /**
     * The prefix shared by the keys of every document of this scope (registrations of a State all share it):
     * {@code <tenant>/actor-<hash>/activity-<hash>} (State), {@code <tenant>/activity-<hash>} (Activity Profile),
     * {@code <tenant>/actor-<hash>} (Agent Profile).
     */
    public String scope() {
        return switch (kind) {
            case STATE -> StatementKeys.actorKey(tenantId, agentIdentifier) + "/activity-" + StatementKeys.hash(activityId);
            case ACTIVITY_PROFILE -> Topics.tenantScopedKey(tenantId, "activity-" + StatementKeys.hash(activityId));
            case AGENT_PROFILE -> StatementKeys.actorKey(tenantId, agentIdentifier);
        };
    }

    /** The record key of the one document addressed: the scope, then a hash of the registration and the id. */
    public String key() {
        if (documentId == null) throw new IllegalStateException("no " + kind.idParameter() + ": this addresses every document of " + scope());
        String identity = kind.hasRegistration() ? (registration == null ? "" : registration) + "\n" + documentId : documentId;
        return scopeOf(scope(), StatementKeys.hash(identity));
    }

    /** The scope of a record key (everything before its last segment). */
    public static String scopeOfKey(String key) {
        int slash = key.lastIndexOf('/');
        if (slash < 0) throw new IllegalArgumentException("'" + key + "' is not a document key");
        return key.substring(0, slash);
    }

    private static String scopeOf(String scope, String last) {
        return scope + "/" + last;
    }
}
