package io.learnstream.app.dashboard.authz;

import io.learnstream.app.dashboard.accounts.Role;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is signed in to the dashboard: an account of one district, with its role and, for a teacher, the roster
 * teacher it is linked to.
 */
public record Principal(String tenantId, String username, Role role, Optional<String> teacherSourcedId) {
    public Principal {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(teacherSourcedId, "teacherSourcedId");
        if (role == Role.TEACHER && teacherSourcedId.isEmpty()) {
            throw new IllegalArgumentException("a teacher account must be linked to a roster teacher");
        }
    }

    /** Who answers an alert, as the feedback record names them: the roster teacher, else the account. */
    public String answeredBy() {
        return teacherSourcedId.orElse(username);
    }
}
