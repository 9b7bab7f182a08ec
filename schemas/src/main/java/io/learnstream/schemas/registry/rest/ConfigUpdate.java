package io.learnstream.schemas.registry.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Body and answer of {@code PUT /config} and {@code PUT /config/{subject}}: {@code {"compatibility": "FULL"}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConfigUpdate(String compatibility) {}
