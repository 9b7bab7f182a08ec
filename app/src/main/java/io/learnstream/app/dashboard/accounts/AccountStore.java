package io.learnstream.app.dashboard.accounts;

import io.learnstream.app.dashboard.authz.Principal;
import io.learnstream.ingest.auth.HashedSecret;
import io.learnstream.ingest.auth.SecretHasher;
import io.learnstream.schemas.avro.DashboardAccount;
import io.learnstream.schemas.topic.Topic;
import io.learnstream.schemas.topic.TopicTable;
import io.learnstream.schemas.topic.TopicTableConfig;
import io.learnstream.schemas.topic.Topics;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The dashboard's local accounts, on the compacted accounts topic (a {@link TopicTable}: every instance reads them all,
 * an account added anywhere signs in everywhere). Passwords are kept only as salted PBKDF2 hashes ({@link SecretHasher},
 * as the LRS credentials are).
 */
public final class AccountStore implements AutoCloseable {
    /** Sign-in names: letters, digits and {@code . _ @ -}, 1 to 64 of them. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
    /** The shortest password an account may have. */
    public static final int MIN_PASSWORD_LENGTH = 8;

    private final TopicTable<String, DashboardAccount> accounts;
    private final SecretHasher hasher;
    private final Clock clock;

    private AccountStore(TopicTable<String, DashboardAccount> accounts, SecretHasher hasher, Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.clock = clock;
    }

    public static AccountStore open(Topic<String, DashboardAccount> topic, TopicTableConfig config, Clock clock) {
        return new AccountStore(TopicTable.open(topic, config), new SecretHasher(), clock);
    }

    /**
     * Adds the account, or replaces the one of that name in that district (a new password, another role).
     *
     * @throws IllegalArgumentException naming the field and why, for a malformed name, a short password, a teacher
     *     without a roster teacher or a data-team account with one
     */
    public Principal put(String tenantId, String username, Role role, Optional<String> teacherSourcedId, String password) {
        Objects.requireNonNull(tenantId, "tenantId");
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("username '" + username + "' must be 1 to 64 letters, digits or . _ @ -");
        }
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("the password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (role == Role.TEACHER && teacherSourcedId.filter(id -> !id.isBlank()).isEmpty()) {
            throw new IllegalArgumentException("a teacher account needs --teacher, the roster sourcedId of the teacher it is linked to");
        }
        if (role == Role.DISTRICT && teacherSourcedId.isPresent()) {
            throw new IllegalArgumentException("a district account sees every class of its district: it is linked to no teacher (drop --teacher)");
        }
        HashedSecret hashed = hasher.hash(password);
        DashboardAccount account = DashboardAccount.newBuilder().setTenantId(tenantId).setUsername(username)
                .setRole(role.wireName()).setTeacherSourcedId(teacherSourcedId.map(String::strip).orElse(null))
                .setPasswordHash(ByteBuffer.wrap(hashed.hash())).setSalt(ByteBuffer.wrap(hashed.salt()))
                .setIterations(hashed.iterations()).setCreated(clock.instant()).build();
        accounts.put(Topics.tenantScopedKey(tenantId, username), account);
        return principal(account);
    }

    /** The account's principal when {@code password} is its password; empty for an unknown account or a wrong password. */
    public Optional<Principal> verify(String tenantId, String username, String password) {
        if (tenantId == null || username == null || password == null) return Optional.empty();
        Optional<DashboardAccount> found = accounts.get(Topics.tenantScopedKey(tenantId.strip(), username.strip()));
        if (found.isEmpty()) {
            // the same work for an unknown name as for a wrong password, so the time taken does not tell which
            hasher.verify(password, DUMMY);
            return Optional.empty();
        }
        DashboardAccount account = found.get();
        HashedSecret stored = new HashedSecret(bytes(account.getPasswordHash()), bytes(account.getSalt()), account.getIterations());
        return hasher.verify(password, stored) ? Optional.of(principal(account)) : Optional.empty();
    }

    /** The account of that name in that district, if there is one (for a sign-in its district's provider vouched for). */
    public Optional<Principal> find(String tenantId, String username) {
        if (tenantId == null || username == null) return Optional.empty();
        return accounts.get(Topics.tenantScopedKey(tenantId.strip(), username.strip())).map(AccountStore::principal);
    }

    /** The accounts of a district, by name. */
    public List<Principal> of(String tenantId) {
        return accounts.values().stream().filter(a -> a.getTenantId().equals(tenantId)).map(AccountStore::principal)
                .sorted(Comparator.comparing(Principal::username)).toList();
    }

    /** Removes the account; whether there was one. */
    public boolean remove(String tenantId, String username) {
        String key = Topics.tenantScopedKey(tenantId, username);
        if (accounts.get(key).isEmpty()) return false;
        accounts.delete(key);
        return true;
    }

    private static final HashedSecret DUMMY = new HashedSecret(new byte[32], new byte[SecretHasher.SALT_BYTES], SecretHasher.ITERATIONS);

    private static Principal principal(DashboardAccount account) {
        return new Principal(account.getTenantId(), account.getUsername(), Role.of(account.getRole()),
                Optional.ofNullable(account.getTeacherSourcedId()));
    }

    private static byte[] bytes(ByteBuffer buffer) {
        ByteBuffer copy = buffer.duplicate();
        byte[] out = new byte[copy.remaining()];
        copy.get(out);
        return out;
    }

    @Override
    public void close() {
        accounts.close();
    }
}
