package io.learnstream.schemas.registry.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An entry of {@code references} in a register or lookup request: a named type registered under another subject. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SchemaReference(String name, String subject, Integer version) {}
