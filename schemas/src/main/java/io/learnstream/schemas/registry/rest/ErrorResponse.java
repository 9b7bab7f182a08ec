package io.learnstream.schemas.registry.rest;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Body of every error answer: {@code {"error_code": 40401, "message": "Subject 'x' not found."}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ErrorResponse(@JsonProperty("error_code") int errorCode, String message) {}
