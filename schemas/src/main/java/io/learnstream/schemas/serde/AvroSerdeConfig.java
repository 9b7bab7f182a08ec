package io.learnstream.schemas.serde;

import java.util.Locale;
import java.util.Map;

/**
 * How the Avro serdes use the registry. Keys (Confluent's names):
 * <ul>
 *   <li>{@value #AUTO_REGISTER_SCHEMAS} (default true) the serializer registers its class's schema under the topic's
 *   subject; when false it only looks the schema up there, and fails when it is not registered</li>
 * </ul>
 *
 * @param autoRegisterSchemas whether the serializer registers the schema it writes with
 */
public record AvroSerdeConfig(boolean autoRegisterSchemas) {
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final AvroSerdeConfig DEFAULT = new AvroSerdeConfig(true);

    /** Reads and validates the keys above; other keys are ignored, so a shared client config map can be passed. */
    public static AvroSerdeConfig from(Map<String, String> config) {
        String autoRegister = config.get(AUTO_REGISTER_SCHEMAS);
        if (autoRegister == null) return DEFAULT;
        return switch (autoRegister.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> new AvroSerdeConfig(true);
            case "false" -> new AvroSerdeConfig(false);
            default -> throw new IllegalArgumentException(AUTO_REGISTER_SCHEMAS + " must be true or false, got '" + autoRegister + "'");
        };
    }
}
