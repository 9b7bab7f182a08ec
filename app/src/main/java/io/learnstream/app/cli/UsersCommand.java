package io.learnstream.app.cli;

import io.learnstream.app.dashboard.accounts.AccountStore;
import io.learnstream.app.dashboard.accounts.Role;
import io.learnstream.app.dashboard.accounts.RosterTeachers;
import io.learnstream.app.dashboard.authz.Principal;
import io.learnstream.schemas.avro.RosterUser;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code learnstream users}: the teacher dashboard's local accounts. A teacher account is linked to a teacher of the
 * district's roster and sees that teacher's classes; a district account (the data team) sees every class of its district.
 */
@Command(name = "users", mixinStandardHelpOptions = true,
        description = "The teacher dashboard's sign-ins: add (or change) one, list a district's, remove one.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListUsers.class, UsersCommand.Remove.class})
public final class UsersCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code users add}: a new account, or a new password or role for an existing one. */
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Add a dashboard account (or replace the one of that name): a teacher linked to the roster's teacher, or a district data team.")
    public static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CredentialsCommandOptions where;

        @Option(names = "--district", required = true, description = "the district the account belongs to")
        String district;

        @Option(names = "--username", required = true, description = "the sign-in name")
        String username;

        @Option(names = "--role", defaultValue = "teacher", description = "teacher (the default: the linked teacher's classes) or district (every class of the district)")
        String role;

        @Option(names = "--teacher", description = "for a teacher: the roster sourcedId of the teacher (users.csv)")
        String teacher;

        @Option(names = "--password", interactive = true, arity = "0..1", required = true,
                description = "the password (at least " + AccountStore.MIN_PASSWORD_LENGTH + " characters); asked for when given without a value")
        String password;

        @Override
        public Integer call() {
            Role parsed = Role.of(role);
            try (CredentialsCommandSession session = open(where)) {
                session.requireDistrict(district);
                session.ensureTopics();
                String linked = "";
                if (parsed == Role.TEACHER && teacher != null) {
                    RosterUser user = RosterTeachers.require(session.topics().rosterUsers(), session.tableConfig(), district, teacher);
                    linked = " linked to roster teacher " + teacher + " (" + user.getGivenName() + " " + user.getFamilyName() + ")";
                }
                try (AccountStore accounts = accounts(session)) {
                    Principal added = accounts.put(district, username, parsed, Optional.ofNullable(teacher), password);
                    spec.commandLine().getOut().printf("dashboard account '%s' of district '%s' (%s)%s; it signs in at the dashboard's /login%n",
                            added.username(), added.tenantId(), added.role().wireName(), linked);
                }
            }
            return 0;
        }
    }

    /** {@code users list}: a district's accounts. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a district's dashboard accounts (never their passwords).")
    public static final class ListUsers implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CredentialsCommandOptions where;

        @Option(names = "--district", required = true, description = "the district")
        String district;

        @Override
        public Integer call() {
            try (CredentialsCommandSession session = open(where); AccountStore accounts = accounts(session)) {
                for (Principal account : accounts.of(district)) {
                    spec.commandLine().getOut().printf("%-24s %-9s %s%n", account.username(), account.role().wireName(),
                            account.teacherSourcedId().orElse(""));
                }
            }
            return 0;
        }
    }

    /** {@code users remove}: signs no more. */
    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a dashboard account.")
    public static final class Remove implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CredentialsCommandOptions where;

        @Option(names = "--district", required = true, description = "the district")
        String district;

        @Option(names = "--username", required = true, description = "the sign-in name")
        String username;

        @Override
        public Integer call() {
            try (CredentialsCommandSession session = open(where); AccountStore accounts = accounts(session)) {
                if (!accounts.remove(district, username)) {
                    throw new IllegalArgumentException("district '" + district + "' has no dashboard account '" + username + "'");
                }
                spec.commandLine().getOut().printf("removed dashboard account '%s' of district '%s'%n", username, district);
            }
            return 0;
        }
    }


    private static CredentialsCommandSession open(CredentialsCommandOptions where) {
        return CredentialsCommandSession.openForCommand(where);
    }

    /** The accounts topic of the session's Kafka, read into memory. */
    private static AccountStore accounts(CredentialsCommandSession session) {
        return AccountStore.open(session.topics().dashboardAccounts(), session.tableConfig(), Clock.systemUTC());
    }

}
