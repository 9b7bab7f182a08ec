package io.learnstream.app.stack;

import io.learnstream.ingest.identity.PseudonymKey;
import io.learnstream.ingest.identity.TenantKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Per-district pseudonymisation secrets kept as files under the data directory ({@code secrets/<tenant>.key},
 * owner-only), created with 32 random bytes the first time a district is seen, so student keys stay the same
 * across restarts.
 */
public final class PseudonymSecrets implements TenantKeys {
    private static final int SECRET_BYTES = 32;
    private final Path dir;
    private final ConcurrentMap<String, PseudonymKey> keys = new ConcurrentHashMap<>();

    public PseudonymSecrets(Path dir) {
        this.dir = dir;
    }

    @Override
    public PseudonymKey keyFor(String tenantId) {
        return keys.computeIfAbsent(tenantId, this::loadOrCreate);
    }

    private PseudonymKey loadOrCreate(String tenantId) {
        if (!tenantId.matches("[a-z0-9][a-z0-9_-]{0,62}")) {
            throw new IllegalArgumentException("tenant id '" + tenantId + "' is not a lowercase id");
        }
        Path file = dir.resolve(tenantId + ".key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dir);
                byte[] secret = new byte[SECRET_BYTES];
                new SecureRandom().nextBytes(secret);
                Path tmp = Files.createTempFile(dir, tenantId, ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.write(tmp, secret);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (java.nio.file.FileAlreadyExistsException raced) {
                    Files.deleteIfExists(tmp);
                }
            }
            return new PseudonymKey(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the pseudonym secret " + file, e);
        }
    }
}
