package io.learnstream.ingest.documents;

import io.learnstream.ingest.auth.Scope;
import io.learnstream.ingest.xapi.XapiVersion;

/**
 * The three document resources of xAPI (Communication 2.2): what identifies a document of each, the scope a
 * credential needs for it, and the concurrency rules each version sets for a PUT without {@code If-Match} or
 * {@code If-None-Match}.
 */
public enum DocumentKind {
    /** {@code /activities/state}: an agent's data in an activity, optionally per registration (bookmarks, suspend data). */
    STATE("state", "stateId", true, true, Scope.STATE),
    /** {@code /activities/profile}: data about an activity, shared by all its learners. */
    ACTIVITY_PROFILE("activity profile", "profileId", true, false, Scope.PROFILE),
    /** {@code /agents/profile}: data about an agent across activities (e.g. cmi5's learner preferences). */
    AGENT_PROFILE("agent profile", "profileId", false, true, Scope.PROFILE);

    private final String description;
    private final String idParameter;
    private final boolean hasActivity;
    private final boolean hasAgent;
    private final Scope scope;

    DocumentKind(String description, String idParameter, boolean hasActivity, boolean hasAgent, Scope scope) {
        this.description = description;
        this.idParameter = idParameter;
        this.hasActivity = hasActivity;
        this.hasAgent = hasAgent;
        this.scope = scope;
    }

    /** In words, for error messages: {@code "state"}, {@code "activity profile"}, {@code "agent profile"}. */
    public String description() {
        return description;
    }

    /** The parameter naming one document: {@code stateId} or {@code profileId}. */
    public String idParameter() {
        return idParameter;
    }

    /** Whether documents of this kind belong to an activity ({@code activityId}). */
    public boolean hasActivity() {
        return hasActivity;
    }

    /** Whether documents of this kind belong to an agent ({@code agent}): these are personal data. */
    public boolean hasAgent() {
        return hasAgent;
    }

    /** Whether documents of this kind may be kept per {@code registration}. */
    public boolean hasRegistration() {
        return this == STATE;
    }

    /** The credential scope reading or writing these documents needs. */
    public Scope scope() {
        return scope;
    }

    /**
     * Whether a PUT over an existing document without {@code If-Match} or {@code If-None-Match} is refused with 409
     * (Communication 3.1): always for the profiles; for State from xAPI 2.0 on, where concurrency covers State as it
     * does the profiles (1.0.3 content such as Storyline and cmi5 overwrites its bookmark with plain PUTs).
     */
    public boolean overwriteNeedsPrecondition(XapiVersion version) {
        return this != STATE || version == XapiVersion.V2_0_0;
    }

    /**
     * Whether a PUT must carry {@code If-Match} or {@code If-None-Match} even for a document that does not exist yet:
     * the Agent Profile, which a Client MUST write with one of them (Communication 3.1.s3.b1) and which the ADL suite
     * expects refused without (400).
     */
    public boolean putNeedsPrecondition() {
        return this == AGENT_PROFILE;
    }
}
