package io.learnstream.registry.http;

import io.learnstream.schemas.registry.rest.SchemaRegistryMediaTypes;
import java.util.Locale;

/** Which content types a request may carry, and which one to answer in. */
final class MediaTypes {
    private MediaTypes() {}

    /** True when {@code contentType} (parameters such as charset ignored) is one the registry reads. */
    static boolean isAccepted(String contentType) {
        return SchemaRegistryMediaTypes.ACCEPTED.contains(bare(contentType));
    }

    /**
     * The first of the registry's types that {@code accept} names, the v1 type when it names none of them
     * (absent, wildcards, or only types the registry does not speak: the body is that JSON either way).
     */
    static String negotiate(String accept) {
        if (accept != null) {
            for (String type : SchemaRegistryMediaTypes.ACCEPTED) {
                for (String part : accept.split(",")) {
                    if (bare(part).equals(type)) return type;
                }
            }
        }
        return SchemaRegistryMediaTypes.V1_JSON;
    }

    static String acceptedList() {
        return String.join(", ", SchemaRegistryMediaTypes.ACCEPTED);
    }

    private static String bare(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
