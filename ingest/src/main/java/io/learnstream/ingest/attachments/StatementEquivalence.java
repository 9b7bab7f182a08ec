package io.learnstream.ingest.attachments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.ingest.xapi.XapiTimestamps;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a signed statement (a JWS payload) is "logically equivalent" to the statement received with it (xAPI
 * Data 2.6 with the Statement Comparison Requirements of Data 2.3.1). Not considered: {@code authority},
 * {@code stored}, {@code version} and {@code attachments} (set or changed after signing), {@code id} and
 * {@code timestamp} unless both have them (then the id case-insensitively and the timestamp as an instant), the
 * definitions of Activities, the order of a Group's members, the case of UUIDs (registrations, StatementRef
 * targets) and a duration's precision beyond hundredths of a second. Everything else must be equal as JSON:
 * properties in any order, numbers by value; extension values exactly.
 */
public final class StatementEquivalence {
    private static final List<String> NOT_CONSIDERED = List.of("authority", "stored", "version", "attachments");

    private StatementEquivalence() {}

    /** The path of the first difference between the two statements, or empty when they are equivalent. */
    public static Optional<String> difference(JsonNode signed, JsonNode received) {
        if (!signed.isObject()) return Optional.of("");
        ObjectNode a = ((ObjectNode) signed).deepCopy();
        ObjectNode b = ((ObjectNode) received).deepCopy();
        for (String property : NOT_CONSIDERED) {
            a.remove(property);
            b.remove(property);
        }
        if (a.hasNonNull("id") && b.hasNonNull("id")
                && !a.get("id").asText().equalsIgnoreCase(b.get("id").asText())) {
            return Optional.of("id");
        }
        a.remove("id");
        b.remove("id");
        if (a.hasNonNull("timestamp") && b.hasNonNull("timestamp") && !sameInstant(a.get("timestamp"), b.get("timestamp"))) {
            return Optional.of("timestamp");
        }
        a.remove("timestamp");
        b.remove("timestamp");
        return differ(normalized(a), normalized(b), "");
    }

    private static boolean sameInstant(JsonNode a, JsonNode b) {
        try {
            return XapiTimestamps.parse(a.asText()).equals(XapiTimestamps.parse(b.asText()));
        } catch (DateTimeParseException e) {
            return a.equals(b);
        }
    }

    /**
     * {@code node} with what the comparison ignores taken out: Activity definitions dropped, Group members sorted,
     * UUIDs in lower case. Extension values are left as they are.
     */
    private static JsonNode normalized(JsonNode node) {
        if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) array.set(i, normalized(array.get(i)));
            return array;
        }
        if (!node.isObject()) return node;
        ObjectNode object = (ObjectNode) node;
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.properties().iterator(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals("extensions")) field.setValue(normalized(field.getValue()));
        }
        String objectType = object.path("objectType").asText("");
        if (object.has("id") && object.has("definition") && (objectType.isEmpty() || objectType.equals("Activity"))) {
            object.remove("definition");
        }
        if (objectType.equals("StatementRef") && object.path("id").isTextual()) {
            object.put("id", object.get("id").asText().toLowerCase(Locale.ROOT));
        }
        if (object.path("duration").isTextual()) object.put("duration", toHundredths(object.get("duration").asText()));
        if (object.path("registration").isTextual()) {
            object.put("registration", object.get("registration").asText().toLowerCase(Locale.ROOT));
        }
        if (object.path("member").isArray()) {
            List<JsonNode> members = new ArrayList<>();
            object.get("member").forEach(members::add);
            members.sort(Comparator.comparing(JsonNode::toString));
            ArrayNode sorted = object.putArray("member");
            members.forEach(sorted::add);
        }
        return object;
    }

    private static final Pattern SECONDS = Pattern.compile("(\\d+)(?:\\.(\\d*))?S$");

    /**
     * A duration with its seconds cut to hundredths (and written without trailing zeros): precision beyond 0.01 s does
     * not count when statements are compared (xAPI Data 2.4.5 in 1.0.3, 4.2.7 in 2.0).
     */
    static String toHundredths(String duration) {
        Matcher seconds = SECONDS.matcher(duration);
        if (!seconds.find() || seconds.group(2) == null) return duration;
        String fraction = seconds.group(2).substring(0, Math.min(2, seconds.group(2).length())).replaceAll("0+$", "");
        return duration.substring(0, seconds.start()) + seconds.group(1) + (fraction.isEmpty() ? "" : "." + fraction) + "S";
    }

    private static Optional<String> differ(JsonNode a, JsonNode b, String path) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0 ? Optional.empty() : Optional.of(path);
        }
        if (a.getNodeType() != b.getNodeType()) return Optional.of(path);
        if (a.isObject()) {
            for (Map.Entry<String, JsonNode> field : a.properties()) {
                String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                JsonNode other = b.get(field.getKey());
                if (other == null) return Optional.of(child);
                Optional<String> difference = differ(field.getValue(), other, child);
                if (difference.isPresent()) return difference;
            }
            for (Map.Entry<String, JsonNode> field : b.properties()) {
                if (!a.has(field.getKey())) return Optional.of(path.isEmpty() ? field.getKey() : path + "." + field.getKey());
            }
            return Optional.empty();
        }
        if (a.isArray()) {
            if (a.size() != b.size()) return Optional.of(path);
            for (int i = 0; i < a.size(); i++) {
                Optional<String> difference = differ(a.get(i), b.get(i), path + "[" + i + "]");
                if (difference.isPresent()) return difference;
            }
            return Optional.empty();
        }
        return a.equals(b) ? Optional.empty() : Optional.of(path);
    }
}
