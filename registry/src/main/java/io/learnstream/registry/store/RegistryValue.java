package io.learnstream.registry.store;

/** The value of one stored registry record. */
public sealed interface RegistryValue permits SchemaValue, ConfigValue {}
