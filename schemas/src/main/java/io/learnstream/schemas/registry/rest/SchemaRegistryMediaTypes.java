package io.learnstream.schemas.registry.rest;

import java.util.List;

/** The content types Confluent's Schema Registry speaks, most specific first. */
public final class SchemaRegistryMediaTypes {
    public static final String V1_JSON = "application/vnd.schemaregistry.v1+json";
    public static final String JSON_LATEST = "application/vnd.schemaregistry+json";
    public static final String JSON = "application/json";
    /** Every content type the registry accepts and can answer in. */
    public static final List<String> ACCEPTED = List.of(V1_JSON, JSON_LATEST, JSON);

    private SchemaRegistryMediaTypes() {}
}
