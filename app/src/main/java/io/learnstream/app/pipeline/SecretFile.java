package io.learnstream.app.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * A local secret kept as a file readable only by its owner, created with random bytes the first time it is
 * needed. Instances that must agree on it (several LRS instances signing the same {@code more} links) are given
 * the same file.
 */
public final class SecretFile {
    private SecretFile() {}

    public static byte[] loadOrCreate(Path file, int bytes) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] secret = new byte[bytes];
                new SecureRandom().nextBytes(secret);
                Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.write(tmp, secret);
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException raced) {
                    Files.deleteIfExists(tmp);
                }
            }
            byte[] secret = Files.readAllBytes(file);
            if (secret.length < bytes) throw new IllegalStateException("secret file " + file + " holds " + secret.length + " bytes, expected " + bytes);
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret file " + file, e);
        }
    }
}
