package io.learnstream.ingest.auth;

import io.learnstream.schemas.avro.Credential;
import io.learnstream.schemas.topic.TopicTable;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LRS credentials, kept in the compacted credentials topic through a {@link TopicTable}: each belongs to one
 * district and one tool and has scopes. A credential's secret is made here, returned once by {@link #add} and stored
 * only as a salted PBKDF2 hash; nothing here ever returns it again.
 */
public final class CredentialRegistry {
    private static final Logger log = LoggerFactory.getLogger(CredentialRegistry.class);
    /** Tool names: lowercase, 1 to 63 characters of a-z, 0-9, '.', '_' and '-'. */
    public static final Pattern TOOL = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
    private static final int KEY_ATTEMPTS = 5;

    private final TopicTable<String, Credential> table;
    private final Districts districts;
    private final SecretHasher hasher;
    private final Clock clock;
    private final CredentialTokens tokens;

    public CredentialRegistry(TopicTable<String, Credential> table, Districts districts, SecretHasher hasher, Clock clock,
            SecureRandom random) {
        this.table = Objects.requireNonNull(table, "table");
        this.districts = Objects.requireNonNull(districts, "districts");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.tokens = new CredentialTokens(random);
    }

    /**
     * Issues a credential to {@code tool} of district {@code tenantId}: a new random key and secret, the secret stored
     * only as its hash.
     *
     * @return the credential and its secret, which cannot be retrieved later
     * @throws IllegalArgumentException when the district does not exist, the tool name is not valid, or no scope is given
     */
    public IssuedCredential add(String tenantId, String tool, Set<Scope> scopes) {
        TenantId.requireValid(tenantId);
        if (!districts.exists(tenantId)) {
            throw new IllegalArgumentException("district '" + tenantId + "' does not exist; create it first");
        }
        if (tool == null || !TOOL.matcher(tool).matches()) {
            throw new IllegalArgumentException("tool name '" + tool + "' is not valid: use 1 to 63 characters a-z, 0-9, '.', '_'"
                    + " and '-', starting with a letter or digit (e.g. moodle or quiz-app)");
        }
        if (scopes == null || scopes.isEmpty()) {
            throw new IllegalArgumentException("a credential needs at least one scope; known scopes are " + Scope.knownNames());
        }
        String key = unusedKey();
        String secret = tokens.newSecret();
        HashedSecret hashed = hasher.hash(secret);
        Credential credential = Credential.newBuilder()
                .setKey(key)
                .setTenantId(tenantId)
                .setTool(tool)
                .setScopes(EnumSet.copyOf(scopes).stream().map(Scope::wireName).toList())
                .setSecretHash(ByteBuffer.wrap(hashed.hash()))
                .setSalt(ByteBuffer.wrap(hashed.salt()))
                .setIterations(hashed.iterations())
                .setCreated(now())
                .setRevoked(null)
                .build();
        table.put(key, credential);
        log.info("issued credential {} to tool '{}' of district '{}' with scopes {}", key, tool, tenantId, scopes);
        return new IssuedCredential(info(credential), secret);
    }

    public Optional<CredentialInfo> find(String key) {
        return stored(key).map(CredentialRegistry::info);
    }

    /** Every credential, by district, then issue time. */
    public List<CredentialInfo> list() {
        return table.values().stream().map(CredentialRegistry::info).sorted(ORDER).toList();
    }

    /** The credentials of one district, by issue time. */
    public List<CredentialInfo> list(String tenantId) {
        Objects.requireNonNull(tenantId, "tenantId");
        return table.values().stream().filter(c -> c.getTenantId().equals(tenantId)).map(CredentialRegistry::info).sorted(ORDER).toList();
    }

    /**
     * Revokes a credential: from the moment this returns, this view refuses it, and every other view as soon as it
     * reads the change. Revoking a revoked credential keeps its first revocation time.
     *
     * @throws NoSuchElementException when no credential has the key
     */
    public CredentialInfo revoke(String key) {
        Credential current = stored(key).orElseThrow(() -> new NoSuchElementException("no credential has the key '" + key + "'"));
        if (current.getRevoked() != null) return info(current);
        Credential revoked = Credential.newBuilder(current).setRevoked(now()).build();
        table.put(key, revoked);
        log.info("revoked credential {} of tool '{}' of district '{}'", key, current.getTool(), current.getTenantId());
        return info(revoked);
    }

    /** The stored record, hash included, for {@link Authenticator}. */
    Optional<Credential> stored(String key) {
        return table.get(Objects.requireNonNull(key, "key"));
    }

    /** Calls {@code changedKey} with the key of every credential that changes from now on (issued, revoked, rewritten, deleted). */
    void onChange(Consumer<String> changedKey) {
        table.addListener((key, previous, current) -> changedKey.accept(key));
    }

    /** The principal a request authenticated with {@code credential} acts as; scopes this version does not know are left out. */
    static Principal principalOf(Credential credential) {
        return new Principal(credential.getTenantId(), credential.getTool(), credential.getKey(), scopesOf(credential));
    }

    static HashedSecret hashOf(Credential credential) {
        return new HashedSecret(array(credential.getSecretHash()), array(credential.getSalt()), credential.getIterations());
    }

    private String unusedKey() {
        for (int attempt = 0; attempt < KEY_ATTEMPTS; attempt++) {
            String key = tokens.newKey();
            if (table.get(key).isEmpty()) return key;
        }
        throw new IllegalStateException("could not find an unused credential key in " + KEY_ATTEMPTS + " attempts; is the random source broken?");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static final Comparator<CredentialInfo> ORDER = Comparator.comparing(CredentialInfo::tenantId)
            .thenComparing(CredentialInfo::created).thenComparing(CredentialInfo::key);

    private static CredentialInfo info(Credential credential) {
        return new CredentialInfo(credential.getKey(), credential.getTenantId(), credential.getTool(), scopesOf(credential),
                credential.getCreated(), Optional.ofNullable(credential.getRevoked()));
    }

    private static Set<Scope> scopesOf(Credential credential) {
        EnumSet<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String name : credential.getScopes()) {
            Scope.fromWireName(name).ifPresentOrElse(scopes::add,
                    () -> log.warn("credential {} has scope '{}', which this version does not know; ignoring it", credential.getKey(), name));
        }
        return scopes;
    }

    private static byte[] array(ByteBuffer stored) {
        ByteBuffer view = stored.asReadOnlyBuffer();
        byte[] bytes = new byte[view.remaining()];
        view.get(bytes);
        return bytes;
    }

    @Override
    public String toString() {
        return "CredentialRegistry[" + table.size() + " on " + table.topic() + "]";
    }
}
