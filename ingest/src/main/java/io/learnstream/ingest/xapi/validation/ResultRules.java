package io.learnstream.ingest.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Result (xAPI Data 2.4.5): score, success and completion (JSON booleans), response (a string), duration (ISO
 * 8601) and extensions. The Score (2.4.5.1) has numbers only: scaled from -1 to 1, min less than max, raw from min
 * to max (each bound only when present).
 */
final class ResultRules {
    private ResultRules() {}

    static void requireResult(JsonNode result, JsonPath path) {
        Shapes.requireObject(result, path, "a Result");
        PropertySets.requireOnly(result, path, PropertySets.RESULT);
        JsonNode score = result.get("score");
        if (score != null) requireScore(score, path.field("score"));
        JsonNode success = result.get("success");
        if (success != null) Shapes.requireBoolean(success, path.field("success"));
        JsonNode completion = result.get("completion");
        if (completion != null) Shapes.requireBoolean(completion, path.field("completion"));
        JsonNode response = result.get("response");
        if (response != null) Shapes.requireString(response, path.field("response"));
        JsonNode duration = result.get("duration");
        if (duration != null) Durations.requireDuration(duration, path.field("duration"));
        JsonNode extensions = result.get("extensions");
        if (extensions != null) Extensions.requireExtensions(extensions, path.field("extensions"));
    }

    private static void requireScore(JsonNode score, JsonPath path) {
        Shapes.requireObject(score, path, "a Score");
        PropertySets.requireOnly(score, path, PropertySets.SCORE);
        JsonNode scaled = score.get("scaled");
        if (scaled != null) {
            double value = Shapes.requireNumber(scaled, path.field("scaled"));
            if (value < -1 || value > 1) throw Shapes.reject(path.field("scaled"), "must be a number from -1 to 1 (inclusive), but is " + scaled);
        }
        JsonNode raw = score.get("raw");
        JsonNode min = score.get("min");
        JsonNode max = score.get("max");
        if (raw != null) Shapes.requireNumber(raw, path.field("raw"));
        if (min != null) Shapes.requireNumber(min, path.field("min"));
        if (max != null) Shapes.requireNumber(max, path.field("max"));
        if (min != null && max != null && min.doubleValue() >= max.doubleValue()) {
            throw Shapes.reject(path.field("min"), "must be less than max (" + max + "), but is " + min);
        }
        if (raw != null && min != null && raw.doubleValue() < min.doubleValue()) {
            throw Shapes.reject(path.field("raw"), "must not be less than min (" + min + "), but is " + raw);
        }
        if (raw != null && max != null && raw.doubleValue() > max.doubleValue()) {
            throw Shapes.reject(path.field("raw"), "must not be greater than max (" + max + "), but is " + raw);
        }
    }
}
