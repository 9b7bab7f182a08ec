package io.learnstream.schemas.registry.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Answer of {@code POST /subjects/{subject}/versions}: {@code {"id": N}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegisterSchemaResponse(int id) {}
