package io.learnstream.schemas.registry.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Answer of {@code GET /subjects/{subject}/versions/{version}} and of the lookup {@code POST /subjects/{subject}}:
 * {@code {"subject": ..., "version": N, "id": N, "schema": "..."}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"subject", "version", "id", "schemaType", "schema"})
public record SubjectSchemaResponse(String subject, int version, int id, String schemaType, String schema) {
    public static SubjectSchemaResponse avro(String subject, int version, int id, String schema) {
        return new SubjectSchemaResponse(subject, version, id, null, schema);
    }
}
