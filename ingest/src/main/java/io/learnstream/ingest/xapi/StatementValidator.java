package io.learnstream.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnstream.ingest.xapi.validation.StatementRules;
import java.util.Objects;

/**
 * Checks a statement against the xAPI data model of the request's version (1.0.3 or 2.0) and throws
 * {@link StatementRejectedException} naming the property path and the rule broken at the first violation. The rules
 * live in {@code io.learnstream.ingest.xapi.validation}, one class per object type. Stateless and thread-safe.
 */
public final class StatementValidator {
    /** Validates against the rules of the request's xAPI version. */
    public void validate(JsonNode statement, XapiVersion version) {
        StatementRules.requireStatement(statement, Objects.requireNonNull(version, "version"));
    }

    /** Validates against the rules of xAPI 1.0.3. */
    public void validate(JsonNode statement) {
        validate(statement, XapiVersion.V1_0_3);
    }
}
