package io.learnstream.app.dashboard.accounts;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a dashboard account sees: a teacher their own classes (as the roster gives them), a district's data team every class of its district. */
public enum Role {
    TEACHER("teacher"),
    DISTRICT("district");

    private final String wireName;

    Role(String wireName) {
        this.wireName = wireName;
    }

    /** The value of {@code DashboardAccount.role}. */
    public String wireName() {
        return wireName;
    }

    /** @throws IllegalArgumentException naming the roles there are, for anything else */
    public static Role of(String wireName) {
        String wanted = wireName == null ? "" : wireName.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(role -> role.wireName.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("role '" + wireName + "' is unknown; it is one of "
                        + Arrays.stream(values()).map(Role::wireName).collect(Collectors.joining(", "))));
    }
}
