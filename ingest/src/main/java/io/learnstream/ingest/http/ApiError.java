package io.learnstream.ingest.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON body of every error answer: what went wrong in words and, for a rejected statement, the property
 * path and the rule it broke.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(int status, String error, String message, String path, String rule) {
    public static ApiError of(int status, String error, String message) {
        return new ApiError(status, error, message, null, null);
    }
}
