package io.learnstream.ingest.auth;

import io.learnstream.ingest.identity.PseudonymKey;
import io.learnstream.schemas.avro.District;
import io.learnstream.schemas.topic.TopicTable;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The districts (tenants), kept in the compacted districts topic through a {@link TopicTable}. Each has a
 * pseudonymisation secret of {@value #SECRET_BYTES} random bytes, made once when the district is created and never
 * shown: changing it would change every student key of the district.
 *
 * <p>Creating a district is an operator's action. Two processes creating the same new id at the same moment would
 * both write, and the later write's secret would win; create districts from one place (the CLI) at a time.
 */
public final class Districts {
    public static final int SECRET_BYTES = 32;
    static final int MAX_NAME_LENGTH = 200;

    private final TopicTable<String, District> table;
    private final Clock clock;
    private final SecureRandom random;
    /** Per district, the key made from the record it was made from; a changed record makes a new key. */
    private final ConcurrentMap<String, KeyOfRecord> keys = new ConcurrentHashMap<>();

    private record KeyOfRecord(District record, PseudonymKey key) {}

    public Districts(TopicTable<String, District> table, Clock clock, SecureRandom random) {
        this.table = Objects.requireNonNull(table, "table");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        table.addListener((tenantId, previous, current) -> keys.remove(tenantId));
    }

    /**
     * Creates a district with a new random pseudonymisation secret.
     *
     * @throws IllegalArgumentException when the id or name is not valid, or the district exists already
     */
    public DistrictInfo create(String tenantId, String name) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        return createWithSecret(tenantId, name, secret);
    }

    /** The district {@code tenantId}: the existing one as it is (its name unchanged), or a new one named {@code name}. */
    public DistrictInfo createIfAbsent(String tenantId, String name) {
        Optional<DistrictInfo> existing = find(TenantId.requireValid(tenantId));
        return existing.isPresent() ? existing.get() : create(tenantId, name);
    }

    /**
     * Creates a district that keeps a pseudonymisation secret it already had elsewhere (e.g. a secret file of an
     * earlier version), so its student keys stay the same. Adopting the same secret again is a no-op.
     *
     * @throws IllegalArgumentException when the secret is shorter than 16 bytes, or the district exists with another secret
     */
    public DistrictInfo adopt(String tenantId, String name, byte[] pseudonymSecret) {
        Objects.requireNonNull(pseudonymSecret, "pseudonymSecret");
        if (pseudonymSecret.length < 16) {
            throw new IllegalArgumentException("a pseudonym secret needs at least 16 bytes, got " + pseudonymSecret.length);
        }
        Optional<District> existing = table.get(TenantId.requireValid(tenantId));
        if (existing.isPresent()) {
            if (bytes(existing.get().getPseudonymSecret()).equals(ByteBuffer.wrap(pseudonymSecret))) return info(existing.get());
            throw new IllegalArgumentException("district '" + tenantId + "' exists already with another pseudonym secret;"
                    + " replacing it would change all its student keys");
        }
        return createWithSecret(tenantId, name, pseudonymSecret.clone());
    }

    public Optional<DistrictInfo> find(String tenantId) {
        return table.get(Objects.requireNonNull(tenantId, "tenantId")).map(Districts::info);
    }

    public boolean exists(String tenantId) {
        return table.get(Objects.requireNonNull(tenantId, "tenantId")).isPresent();
    }

    /** Every district, by id. */
    public List<DistrictInfo> list() {
        return table.values().stream().map(Districts::info).sorted(Comparator.comparing(DistrictInfo::tenantId)).toList();
    }

    /** The key that pseudonymises the district's learners, empty when there is no such district. */
    public Optional<PseudonymKey> pseudonymKey(String tenantId) {
        Optional<District> record = table.get(Objects.requireNonNull(tenantId, "tenantId"));
        if (record.isEmpty()) return Optional.empty();
        KeyOfRecord known = keys.get(tenantId);
        if (known != null && known.record() == record.get()) return Optional.of(known.key());
        byte[] secret = new byte[record.get().getPseudonymSecret().remaining()];
        bytes(record.get().getPseudonymSecret()).get(secret);
        PseudonymKey key = new PseudonymKey(secret);
        keys.put(tenantId, new KeyOfRecord(record.get(), key));
        return Optional.of(key);
    }

    private DistrictInfo createWithSecret(String tenantId, String name, byte[] secret) {
        TenantId.requireValid(tenantId);
        String displayName = validName(name == null ? tenantId : name);
        Optional<District> existing = table.get(tenantId);
        if (existing.isPresent()) {
            throw new IllegalArgumentException("district '" + tenantId + "' exists already (created " + existing.get().getCreated() + ")");
        }
        District district = District.newBuilder()
                .setTenantId(tenantId)
                .setName(displayName)
                .setPseudonymSecret(ByteBuffer.wrap(secret))
                .setCreated(clock.instant().truncatedTo(ChronoUnit.MILLIS))
                .build();
        table.put(tenantId, district);
        return info(district);
    }

    private static String validName(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) throw new IllegalArgumentException("a district name must not be blank");
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a district name has at most " + MAX_NAME_LENGTH + " characters, got " + trimmed.length());
        }
        return trimmed;
    }

    private static DistrictInfo info(District district) {
        return new DistrictInfo(district.getTenantId(), district.getName(), district.getCreated());
    }

    /** A read-only view that leaves the record's own buffer position alone. */
    private static ByteBuffer bytes(ByteBuffer stored) {
        return stored.asReadOnlyBuffer();
    }

    @Override
    public String toString() {
        return "Districts[" + table.size() + " on " + table.topic() + "]";
    }
}
