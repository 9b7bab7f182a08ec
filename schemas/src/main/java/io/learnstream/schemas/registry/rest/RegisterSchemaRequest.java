package io.learnstream.schemas.registry.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Body of {@code POST /subjects/{subject}/versions}, {@code POST /subjects/{subject}} and
 * {@code POST /compatibility/subjects/{subject}/versions/{version}}.
 *
 * @param schema the schema text
 * @param schemaType AVRO when absent
 * @param references named types from other subjects; absent or empty
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegisterSchemaRequest(String schema, String schemaType, List<SchemaReference> references) {
    public static RegisterSchemaRequest avro(String schema) {
        return new RegisterSchemaRequest(schema, null, null);
    }
}
