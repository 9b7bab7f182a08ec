package io.learnstream.schemas.registry;

/**
 * The schema registry answered with an error: its HTTP status, Confluent's {@code error_code} (see
 * {@link RegistryErrorCodes}) and the registry's own {@code message}.
 */
public class SchemaRegistryRestException extends SchemaRegistryException {
    private final int status;
    private final int errorCode;
    private final String registryMessage;

    public SchemaRegistryRestException(String request, int status, int errorCode, String registryMessage) {
        super(request + " failed: HTTP " + status + ", error_code " + errorCode + ": " + registryMessage);
        this.status = status;
        this.errorCode = errorCode;
        this.registryMessage = registryMessage;
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** Confluent's {@code error_code}, e.g. {@link RegistryErrorCodes#SUBJECT_NOT_FOUND}. */
    public int errorCode() {
        return errorCode;
    }

    /** The registry's {@code message}, as it sent it. */
    public String registryMessage() {
        return registryMessage;
    }
}
