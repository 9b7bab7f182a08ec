package io.learnstream.schemas.registry.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Answer of {@code GET /schemas/ids/{id}}: {@code {"schema": "..."}}; schemaType is left out for AVRO, as Confluent does. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SchemaString(String schema, String schemaType) {
    public static SchemaString avro(String schema) {
        return new SchemaString(schema, null);
    }
}
