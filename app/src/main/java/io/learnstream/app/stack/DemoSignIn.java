package io.learnstream.app.stack;

import io.learnstream.app.dashboard.accounts.AccountStore;
import io.learnstream.app.dashboard.accounts.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.Properties;

/**
 * The demo's dashboard sign-in: an account of the demo district linked to a teacher of its roster. Its password exists
 * only hashed in the accounts topic, so the demo keeps its own copy in the data directory (owner-only), and sets a new
 * password when that copy is missing or no longer works (as {@link DemoDistrict} does for the LRS credential).
 */
public final class DemoSignIn {
    static final String FILE = "demo-dashboard.properties";
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /** A sign-in of the demo district: district, user name and password. */
    public record SignIn(String district, String username, String password) {
        @Override
        public String toString() {
            return "SignIn[district=" + district + ", username=" + username + ", password=****]";
        }
    }

    private DemoSignIn() {}

    /** The demo's account for roster teacher {@code teacherSourcedId}, made (or given a new password) when needed. */
    public static SignIn ensure(AccountStore accounts, String teacherSourcedId, Path secretsDir) {
        String username = "teacher-" + teacherSourcedId.toLowerCase(java.util.Locale.ROOT);
        Path file = secretsDir.resolve(FILE);
        Optional<String> kept = read(file, username);
        if (kept.isPresent() && accounts.verify(DemoDistrict.TENANT, username, kept.get()).isPresent()) {
            return new SignIn(DemoDistrict.TENANT, username, kept.get());
        }
        String password = password();
        accounts.put(DemoDistrict.TENANT, username, Role.TEACHER, Optional.of(teacherSourcedId), password);
        write(file, username, password);
        return new SignIn(DemoDistrict.TENANT, username, password);
    }

    private static String password() {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 14; i++) out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return out.toString();
    }

    private static Optional<String> read(Path file, String username) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        Properties props = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        return username.equals(props.getProperty("username")) ? Optional.ofNullable(props.getProperty("password")) : Optional.empty();
    }

    private static void write(Path file, String username, String password) {
        Properties props = new Properties();
        props.setProperty("username", username);
        props.setProperty("password", password);
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (var out = Files.newBufferedWriter(file)) {
                props.store(out, "the demo teacher's dashboard sign-in");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the demo dashboard sign-in in " + file, e);
        }
    }
}
