package io.learnstream.schemas.registry.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Answer of {@code POST /compatibility/subjects/{subject}/versions/{version}}: {@code {"is_compatible": true, "messages": []}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CompatibilityCheckResponse(@JsonProperty("is_compatible") boolean isCompatible, List<String> messages) {
    public CompatibilityCheckResponse {
        messages = messages == null ? List.of() : List.copyOf(messages);
    }
}
