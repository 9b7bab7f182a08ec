package io.learnstream.ingest;

/**
 * Who sent statements: the district they belong to, and the tool and credential that sent them.
 *
 * @param tenantId the district
 * @param tool the tool of the credential
 * @param credentialKey the credential's key (the HTTP Basic user)
 */
public record Submitter(String tenantId, String tool, String credentialKey) {}
