package io.learnstream.ingest.xapi.validation;

/**
 * Where a property sits in a statement, e.g. {@code context.contextActivities.parent[0].id}. Rules pass a path down
 * as they descend; the text is only built when a rule is broken, so the happy path pays one small object per level.
 */
final class JsonPath {
    /** The statement itself. */
    static final JsonPath ROOT = new JsonPath(null, null, -1);

    private final JsonPath parent;
    private final String name;
    private final int index;

    private JsonPath(JsonPath parent, String name, int index) {
        this.parent = parent;
        this.name = name;
        this.index = index;
    }

    /** The property {@code name} of the object at this path. */
    JsonPath field(String name) {
        return new JsonPath(this, name, -1);
    }

    /** The element {@code index} of the array at this path. */
    JsonPath index(int index) {
        return new JsonPath(this, null, index);
    }

    /** Dotted names, {@code [i]} for array elements, {@code ["key"]} for keys that are not plain names (IRIs). */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(48);
        render(text);
        return text.toString();
    }

    private void render(StringBuilder text) {
        if (parent == null) return;
        parent.render(text);
        if (name == null) {
            text.append('[').append(index).append(']');
        } else if (isPlainName(name)) {
            if (!text.isEmpty()) text.append('.');
            text.append(name);
        } else {
            text.append("[\"").append(name.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"]");
        }
    }

    private static boolean isPlainName(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) return false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!plain) return false;
        }
        return true;
    }
}
