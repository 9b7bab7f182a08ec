package io.learnstream.streams.intake;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where an xAPI statement may name its roster class, in the order they are tried (the first that names a class the
 * district's roster holds is the class):
 * <ol>
 *   <li>the id of each context activity, {@code grouping}, then {@code parent}, {@code other} and {@code category};</li>
 *   <li>then each of {@link #extensions()} in {@code context.extensions}: its value's {@code property} when it is an
 *       object, the value itself when it is a string.</li>
 * </ol>
 * Each is matched as the sourcedId itself or by the last segment of an IRI's path (see {@link DistrictRoster#classOf}).
 *
 * @param extensions the context extensions that carry a class or LTI context id
 */
public record ClassSources(List<ContextExtension> extensions) {
    /** LTI 1.3's LIS claim, as a tool launched by LTI passes it on: {@code course_section_sourcedid} is the SIS's class sourcedId. */
    public static final String LTI_LIS_CLAIM = "https://purl.imsglobal.org/spec/lti/claim/lis";
    /** LTI 1.3's context claim: {@code id} is the platform's context (course section) id, often the class sourcedId. */
    public static final String LTI_CONTEXT_CLAIM = "https://purl.imsglobal.org/spec/lti/claim/context";
    private static final String[] CONTEXT_LISTS = {"grouping", "parent", "other", "category"};

    /**
     * A context extension that may name the class.
     *
     * @param key the extension's IRI
     * @param property the property of an object value that holds the id
     */
    public record ContextExtension(String key, String property) {
        public ContextExtension {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(property, "property");
            if (key.isBlank()) throw new IllegalArgumentException("a context extension's key must not be blank");
            if (property.isBlank()) throw new IllegalArgumentException("the property of context extension " + key + " must not be blank");
        }
    }

    public ClassSources {
        extensions = List.copyOf(Objects.requireNonNull(extensions, "extensions"));
    }

    /** LTI 1.3's LIS claim's {@code course_section_sourcedid}, then its context claim's {@code id}. */
    public static ClassSources defaults() {
        return new ClassSources(List.of(new ContextExtension(LTI_LIS_CLAIM, "course_section_sourcedid"),
                new ContextExtension(LTI_CONTEXT_CLAIM, "id")));
    }

    /** The ids the statement may name its class by, in the order to try them; may repeat one. */
    public List<String> candidates(JsonNode statement) {
        List<String> ids = new ArrayList<>();
        JsonNode context = statement.path("context");
        JsonNode activities = context.path("contextActivities");
        for (String list : CONTEXT_LISTS) {
            for (JsonNode activity : asArray(activities.get(list))) text(activity.get("id"), ids);
        }
        JsonNode extensions = context.path("extensions");
        for (ContextExtension extension : this.extensions) {
            JsonNode value = extensions.get(extension.key());
            if (value == null) continue;
            text(value.isObject() ? value.get(extension.property()) : value, ids);
        }
        return ids;
    }

    private static void text(JsonNode node, List<String> ids) {
        if (node != null && node.isTextual() && !node.textValue().isBlank()) ids.add(node.textValue());
    }

    private static Iterable<JsonNode> asArray(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return List.of();
        if (node.isArray()) return node;
        return List.of(node);
    }
}
