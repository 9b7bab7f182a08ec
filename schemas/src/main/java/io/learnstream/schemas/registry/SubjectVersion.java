package io.learnstream.schemas.registry;

import java.util.Objects;

/** A subject and one of its versions: where a schema id is registered. */
public record SubjectVersion(String subject, int version) {
    public SubjectVersion {
        Objects.requireNonNull(subject, "subject");
    }
}
