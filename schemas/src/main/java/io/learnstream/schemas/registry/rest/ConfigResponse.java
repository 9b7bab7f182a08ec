package io.learnstream.schemas.registry.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Answer of {@code GET /config} and {@code GET /config/{subject}}: {@code {"compatibilityLevel": "BACKWARD"}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConfigResponse(String compatibilityLevel) {}
