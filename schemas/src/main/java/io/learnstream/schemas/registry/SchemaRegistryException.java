package io.learnstream.schemas.registry;

/** The schema registry could not be reached or answered something that is not the registry's JSON. */
public class SchemaRegistryException extends RuntimeException {
    public SchemaRegistryException(String message) {
        super(message);
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
    }
}
