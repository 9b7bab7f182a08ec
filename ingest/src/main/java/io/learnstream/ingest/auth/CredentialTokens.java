package io.learnstream.ingest.auth;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Random credential keys and secrets: keys {@code ls_} and 16 letters and digits (about 95 bits, unguessable as
 * well as unique), secrets 40 letters and digits (about 238 bits). Only letters and digits, so they survive
 * copying, shells and URLs untouched.
 */
final class CredentialTokens {
    static final String KEY_PREFIX = "ls_";
    static final int KEY_RANDOM_CHARS = 16;
    static final int SECRET_CHARS = 40;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final SecureRandom random;

    CredentialTokens(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    String newKey() {
        return KEY_PREFIX + randomChars(KEY_RANDOM_CHARS);
    }

    String newSecret() {
        return randomChars(SECRET_CHARS);
    }

    private String randomChars(int count) {
        StringBuilder text = new StringBuilder(count);
        for (int i = 0; i < count; i++) text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return text.toString();
    }
}
