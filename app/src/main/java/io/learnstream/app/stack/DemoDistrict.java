package io.learnstream.app.stack;

import io.learnstream.app.simulate.Credentials;
import io.learnstream.ingest.auth.Authenticator;
import io.learnstream.ingest.auth.AuthenticationException;
import io.learnstream.ingest.auth.IssuedCredential;
import io.learnstream.ingest.auth.Scope;
import io.learnstream.ingest.auth.TenantDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import java.util.Set;

/**
 * The demo's district and the credential its simulator (and a curious person) posts with. The credential's
 * secret exists only hashed in the credentials topic, so the demo keeps its own copy in the data directory
 * (owner-only) and issues a new credential when that copy is missing or no longer works.
 */
public final class DemoDistrict {
    public static final String TENANT = "demo";
    public static final String NAME = "Demo district (simulated)";
    static final String TOOL = "demo-simulator";

    private DemoDistrict() {}

    /** The demo district, created if new, and a working credential for it. */
    public static Credentials ensure(TenantDirectory directory, Path secretsDir) {
        directory.districts().createIfAbsent(TENANT, NAME);
        Path file = secretsDir.resolve("demo-credential.properties");
        Credentials kept = read(file);
        if (kept != null && works(directory.authenticator(), kept)) return kept;
        IssuedCredential issued = directory.credentials().add(TENANT, TOOL, Set.of(Scope.ALL));
        Credentials fresh = new Credentials(issued.key(), issued.secret());
        write(file, fresh);
        return fresh;
    }

    private static boolean works(Authenticator authenticator, Credentials credential) {
        try {
            authenticator.authenticate(credential.authorizationHeader());
            return true;
        } catch (AuthenticationException e) {
            return false;
        }
    }

    private static Credentials read(Path file) {
        if (!Files.isRegularFile(file)) return null;
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException e) {
            return null;
        }
        String key = props.getProperty("key");
        String secret = props.getProperty("secret");
        return key == null || secret == null ? null : new Credentials(key, secret);
    }

    private static void write(Path file, Credentials credential) {
        Properties props = new Properties();
        props.setProperty("key", credential.key());
        props.setProperty("secret", credential.secret());
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (var out = Files.newBufferedWriter(file)) {
                props.store(out, "the demo simulator's LRS credential (HTTP Basic key and secret)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo credential in " + file, e);
        }
    }
}
