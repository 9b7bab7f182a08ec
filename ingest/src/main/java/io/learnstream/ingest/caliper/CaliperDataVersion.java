package io.learnstream.ingest.caliper;

import java.util.Optional;

/**
 * The Caliper versions the endpoint accepts, named by the JSON-LD context IRI that a sensor puts in the envelope's
 * {@code dataVersion} and in every event's and entity describe's {@code @context}.
 *
 * <p>The Caliper specification asks an endpoint to answer {@code 422 Unprocessable Entity} when it cannot support
 * the {@code dataVersion} of an envelope; {@link #of(String)} tells the HTTP layer whether that is the case, and
 * {@link #values()} lists what to advertise as {@code caliperSupportedVersions}.
 */
public enum CaliperDataVersion {
    /** Caliper Analytics 1.1: the version Canvas live events use. */
    V1P1("http://purl.imsglobal.org/ctx/caliper/v1p1", "Caliper 1.1"),
    /** Caliper Analytics 1.2. */
    V1P2("http://purl.imsglobal.org/ctx/caliper/v1p2", "Caliper 1.2");

    private final String contextIri;
    private final String label;

    CaliperDataVersion(String contextIri, String label) {
        this.contextIri = contextIri;
        this.label = label;
    }

    /** The JSON-LD context IRI, e.g. {@code http://purl.imsglobal.org/ctx/caliper/v1p2}. */
    public String contextIri() {
        return contextIri;
    }

    /** The version for people, e.g. {@code Caliper 1.2}. */
    public String label() {
        return label;
    }

    /** The version whose context IRI is exactly {@code contextIri}, or empty when the endpoint does not support it. */
    public static Optional<CaliperDataVersion> of(String contextIri) {
        for (CaliperDataVersion version : values()) {
            if (version.contextIri.equals(contextIri)) return Optional.of(version);
        }
        return Optional.empty();
    }
}
