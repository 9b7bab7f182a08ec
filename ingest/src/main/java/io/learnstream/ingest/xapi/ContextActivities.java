package io.learnstream.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The context activities of a statement as the LRS stores and returns them: a single Activity sent for
 * {@code parent}, {@code grouping}, {@code category} or {@code other} becomes an array holding it (xAPI Data 2.4.6.2:
 * the LRS returns every context activity kind as an array), in the statement's context and in a SubStatement's.
 */
public final class ContextActivities {
    /** The kinds of context activity xAPI defines, each a key of {@code contextActivities}. */
    public static final List<String> KINDS = List.of("parent", "grouping", "category", "other");

    private ContextActivities() {}

    /**
     * Turns every single context activity of {@code statement} (and of its SubStatement) into an array of one.
     *
     * @return whether it turned any
     */
    public static boolean asArrays(ObjectNode statement) {
        boolean turned = asArrays(statement.get("context"));
        JsonNode object = statement.get("object");
        if (object != null && "SubStatement".equals(object.path("objectType").asText())) turned |= asArrays(object.get("context"));
        return turned;
    }

    private static boolean asArrays(JsonNode context) {
        if (context == null || !(context.get("contextActivities") instanceof ObjectNode activities)) return false;
        boolean turned = false;
        for (String kind : KINDS) {
            JsonNode value = activities.get(kind);
            if (value != null && value.isObject()) {
                ArrayNode array = JsonNodeFactory.instance.arrayNode(1);
                array.add(value);
                activities.set(kind, array);
                turned = true;
            }
        }
        return turned;
    }
}
