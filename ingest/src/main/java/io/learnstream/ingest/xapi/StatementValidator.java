package io.learnstream.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a statement against the xAPI data model and throws {@link StatementRejectedException} naming the
 * property path and the rule broken at the first violation.
 */
public final class StatementValidator {
    private static final Pattern UUID_PATTERN =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    private static final Pattern SHA1_HEX = Pattern.compile("^[0-9a-fA-F]{40}$");

    public void validate(JsonNode statement) {
        requireObject(statement, "");
        if (statement.has("id")) requireUuid(statement.get("id"), "id");
        JsonNode actor = required(statement, "actor", "");
        validateActor(actor, "actor");
        JsonNode verb = required(statement, "verb", "");
        requireObject(verb, "verb");
        requireIri(required(verb, "id", "verb"), "verb.id");
        if (verb.has("display")) requireLanguageMap(verb.get("display"), "verb.display");
        JsonNode object = required(statement, "object", "");
        validateObject(object, "object");
        if (statement.has("timestamp")) requireTimestamp(statement.get("timestamp"), "timestamp");
        if (statement.has("result")) validateResult(statement.get("result"), "result");
        if (statement.has("context")) validateContext(statement.get("context"), "context");
    }

    private void validateActor(JsonNode actor, String path) {
        requireObject(actor, path);
        String objectType = actor.path("objectType").asText("Agent");
        switch (objectType) {
            case "Agent" -> requireExactlyOneIfi(actor, path, true);
            case "Group" -> {
                int ifis = countIfis(actor, path);
                if (ifis > 1) throw new StatementRejectedException(path, "a Group must not have more than one identifier (mbox, mbox_sha1sum, openid, account)");
                if (ifis == 0 && !actor.has("member")) {
                    throw new StatementRejectedException(path, "an anonymous Group must list its members in 'member'");
                }
                if (actor.has("member")) {
                    JsonNode members = actor.get("member");
                    if (!members.isArray()) throw new StatementRejectedException(path + ".member", "must be an array of Agents");
                    for (int i = 0; i < members.size(); i++) {
                        JsonNode member = members.get(i);
                        String memberPath = path + ".member[" + i + "]";
                        requireObject(member, memberPath);
                        if ("Group".equals(member.path("objectType").asText())) {
                            throw new StatementRejectedException(memberPath, "a Group's members must be Agents, not Groups");
                        }
                        requireExactlyOneIfi(member, memberPath, true);
                    }
                }
            }
            default -> throw new StatementRejectedException(path + ".objectType", "must be 'Agent' or 'Group', got '" + objectType + "'");
        }
    }

    private void requireExactlyOneIfi(JsonNode agent, String path, boolean required) {
        int ifis = countIfis(agent, path);
        if (ifis == 0 && required) {
            throw new StatementRejectedException(path, "an Agent must have exactly one identifier: mbox, mbox_sha1sum, openid or account");
        }
        if (ifis > 1) {
            throw new StatementRejectedException(path, "an Agent must not have more than one identifier (mbox, mbox_sha1sum, openid, account)");
        }
    }

    private int countIfis(JsonNode agent, String path) {
        int n = 0;
        if (agent.has("mbox")) {
            n++;
            JsonNode mbox = agent.get("mbox");
            if (!mbox.isTextual() || !mbox.asText().startsWith("mailto:") || mbox.asText().length() <= "mailto:".length()) {
                throw new StatementRejectedException(path + ".mbox", "must be a 'mailto:' IRI");
            }
        }
        if (agent.has("mbox_sha1sum")) {
            n++;
            if (!agent.get("mbox_sha1sum").isTextual() || !SHA1_HEX.matcher(agent.get("mbox_sha1sum").asText()).matches()) {
                throw new StatementRejectedException(path + ".mbox_sha1sum", "must be the hex SHA1 of a mailto IRI (40 hex digits)");
            }
        }
        if (agent.has("openid")) {
            n++;
            requireIri(agent.get("openid"), path + ".openid");
        }
        if (agent.has("account")) {
            n++;
            JsonNode account = agent.get("account");
            requireObject(account, path + ".account");
            requireIri(required(account, "homePage", path + ".account"), path + ".account.homePage");
            JsonNode name = required(account, "name", path + ".account");
            if (!name.isTextual() || name.asText().isEmpty()) {
                throw new StatementRejectedException(path + ".account.name", "must be a non-empty string");
            }
        }
        return n;
    }

    private void validateObject(JsonNode object, String path) {
        requireObject(object, path);
        String objectType = object.path("objectType").asText("Activity");
        switch (objectType) {
            case "Activity" -> {
                requireIri(required(object, "id", path), path + ".id");
                if (object.has("definition")) validateActivityDefinition(object.get("definition"), path + ".definition");
            }
            case "Agent", "Group" -> validateActor(object, path);
            case "StatementRef" -> requireUuid(required(object, "id", path), path + ".id");
            case "SubStatement" -> {
                required(object, "actor", path);
                validateActor(object.get("actor"), path + ".actor");
                JsonNode verb = required(object, "verb", path);
                requireIri(required(verb, "id", path + ".verb"), path + ".verb.id");
                JsonNode inner = required(object, "object", path);
                if ("SubStatement".equals(inner.path("objectType").asText())) {
                    throw new StatementRejectedException(path + ".object", "a SubStatement must not contain a SubStatement");
                }
                validateObject(inner, path + ".object");
            }
            default -> throw new StatementRejectedException(path + ".objectType",
                    "must be Activity, Agent, Group, StatementRef or SubStatement, got '" + objectType + "'");
        }
    }

    private void validateActivityDefinition(JsonNode definition, String path) {
        requireObject(definition, path);
        if (definition.has("name")) requireLanguageMap(definition.get("name"), path + ".name");
        if (definition.has("description")) requireLanguageMap(definition.get("description"), path + ".description");
        if (definition.has("type")) requireIri(definition.get("type"), path + ".type");
        if (definition.has("extensions")) requireExtensions(definition.get("extensions"), path + ".extensions");
    }

    private void validateResult(JsonNode result, String path) {
        requireObject(result, path);
        if (result.has("success") && !result.get("success").isBoolean()) {
            throw new StatementRejectedException(path + ".success", "must be true or false");
        }
        if (result.has("completion") && !result.get("completion").isBoolean()) {
            throw new StatementRejectedException(path + ".completion", "must be true or false");
        }
        if (result.has("duration")) {
            JsonNode duration = result.get("duration");
            if (!duration.isTextual() || XapiDuration.parseMillis(duration.asText()) < 0) {
                throw new StatementRejectedException(path + ".duration", "must be an ISO 8601 duration such as PT1M30S");
            }
        }
        if (result.has("score")) {
            JsonNode score = result.get("score");
            String scorePath = path + ".score";
            requireObject(score, scorePath);
            if (score.has("scaled")) {
                JsonNode scaled = score.get("scaled");
                if (!scaled.isNumber() || scaled.asDouble() < -1 || scaled.asDouble() > 1) {
                    throw new StatementRejectedException(scorePath + ".scaled", "must be a number from -1 to 1");
                }
            }
            for (String field : new String[] {"raw", "min", "max"}) {
                if (score.has(field) && !score.get(field).isNumber()) {
                    throw new StatementRejectedException(scorePath + "." + field, "must be a number");
                }
            }
            if (score.has("min") && score.has("max") && score.get("min").asDouble() >= score.get("max").asDouble()) {
                throw new StatementRejectedException(scorePath + ".min", "must be less than max");
            }
            if (score.has("raw")) {
                double raw = score.get("raw").asDouble();
                if (score.has("min") && raw < score.get("min").asDouble()) {
                    throw new StatementRejectedException(scorePath + ".raw", "must not be less than min");
                }
                if (score.has("max") && raw > score.get("max").asDouble()) {
                    throw new StatementRejectedException(scorePath + ".raw", "must not be greater than max");
                }
            }
        }
        if (result.has("extensions")) requireExtensions(result.get("extensions"), path + ".extensions");
    }

    private void validateContext(JsonNode context, String path) {
        requireObject(context, path);
        if (context.has("registration")) requireUuid(context.get("registration"), path + ".registration");
        if (context.has("instructor")) validateActor(context.get("instructor"), path + ".instructor");
        if (context.has("contextActivities")) {
            JsonNode activities = context.get("contextActivities");
            requireObject(activities, path + ".contextActivities");
            for (Iterator<Map.Entry<String, JsonNode>> it = activities.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String key = entry.getKey();
                String keyPath = path + ".contextActivities." + key;
                if (!key.equals("parent") && !key.equals("grouping") && !key.equals("category") && !key.equals("other")) {
                    throw new StatementRejectedException(keyPath, "must be one of parent, grouping, category, other");
                }
                JsonNode value = entry.getValue();
                if (value.isObject()) {
                    validateObject(value, keyPath);
                } else if (value.isArray()) {
                    for (int i = 0; i < value.size(); i++) validateObject(value.get(i), keyPath + "[" + i + "]");
                } else {
                    throw new StatementRejectedException(keyPath, "must be an Activity or an array of Activities");
                }
            }
        }
        if (context.has("extensions")) requireExtensions(context.get("extensions"), path + ".extensions");
    }

    private static JsonNode required(JsonNode parent, String field, String parentPath) {
        JsonNode value = parent.get(field);
        String path = parentPath.isEmpty() ? field : parentPath + "." + field;
        if (value == null || value.isNull()) throw new StatementRejectedException(path, "is required");
        return value;
    }

    private static void requireObject(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new StatementRejectedException(path.isEmpty() ? "statement" : path, "must be a JSON object");
        }
    }

    private static void requireUuid(JsonNode node, String path) {
        if (!node.isTextual() || !UUID_PATTERN.matcher(node.asText()).matches()) {
            throw new StatementRejectedException(path, "must be a UUID such as 3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77");
        }
    }

    private static void requireTimestamp(JsonNode node, String path) {
        if (!node.isTextual()) throw new StatementRejectedException(path, "must be an ISO 8601 timestamp string");
        try {
            XapiTimestamps.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new StatementRejectedException(path, "must be an ISO 8601 timestamp with a time zone, such as 2026-09-01T08:30:00Z");
        }
    }

    static void requireIri(JsonNode node, String path) {
        if (!node.isTextual() || !isAbsoluteIri(node.asText())) {
            throw new StatementRejectedException(path, "must be an absolute IRI such as https://example.org/activities/1");
        }
    }

    static boolean isAbsoluteIri(String text) {
        if (text.isEmpty() || text.chars().anyMatch(c -> c == ' ' || c < 0x20)) return false;
        try {
            return new URI(text.replace("[", "%5B").replace("]", "%5D")).isAbsolute();
        } catch (URISyntaxException e) {
            int colon = text.indexOf(':');
            return colon > 0 && text.substring(0, colon).matches("[A-Za-z][A-Za-z0-9+.-]*");
        }
    }

    private static void requireLanguageMap(JsonNode node, String path) {
        if (!node.isObject()) throw new StatementRejectedException(path, "must be a language map such as {\"en-US\": \"...\"}");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isTextual()) {
                throw new StatementRejectedException(path + "." + entry.getKey(), "a language map's values must be strings");
            }
        }
    }

    private static void requireExtensions(JsonNode node, String path) {
        if (!node.isObject()) throw new StatementRejectedException(path, "must be an object keyed by IRIs");
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!isAbsoluteIri(key)) throw new StatementRejectedException(path + "." + key, "extension keys must be absolute IRIs");
        }
    }
}
