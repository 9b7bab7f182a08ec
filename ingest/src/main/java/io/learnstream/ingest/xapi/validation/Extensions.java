package io.learnstream.ingest.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;

/**
 * Extensions (xAPI Data 4.1): an object keyed by absolute IRIs. The values are open: any JSON value, null included,
 * and an LRS must not reject a statement because of them.
 */
final class Extensions {
    private Extensions() {}

    static void requireExtensions(JsonNode node, JsonPath path) {
        Shapes.requireObject(node, path, "an extensions map keyed by IRIs");
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            String key = keys.next();
            if (!Iris.isAbsoluteIri(key)) {
                throw Shapes.reject(path.field(key), "is not an absolute IRI; extension keys must be IRIs such as https://example.org/extensions/x");
            }
        }
    }
}
