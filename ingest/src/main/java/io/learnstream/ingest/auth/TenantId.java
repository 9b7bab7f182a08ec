package io.learnstream.ingest.auth;

import java.util.regex.Pattern;

/** The rule for district (tenant) ids: lowercase, 1 to 63 characters of a-z, 0-9, '_' and '-', not starting with '_' or '-'. */
public final class TenantId {
    public static final Pattern PATTERN = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    private TenantId() {}

    public static boolean isValid(String tenantId) {
        return tenantId != null && PATTERN.matcher(tenantId).matches();
    }

    /**
     * @return {@code tenantId} when it follows the rule
     * @throws IllegalArgumentException saying what the rule is
     */
    public static String requireValid(String tenantId) {
        if (!isValid(tenantId)) {
            throw new IllegalArgumentException("district id '" + tenantId + "' is not valid: use 1 to 63 characters a-z, 0-9, '_'"
                    + " and '-', starting with a letter or digit (e.g. riverside or riverside-usd)");
        }
        return tenantId;
    }
}
