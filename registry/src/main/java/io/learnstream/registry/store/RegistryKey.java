package io.learnstream.registry.store;

/** The key of one stored registry record: one version of a subject, or one compatibility setting. */
public sealed interface RegistryKey permits SchemaKey, ConfigKey {}
