package io.learnstream.streams.roster;

import io.learnstream.schemas.avro.RosterUser;
import io.learnstream.schemas.avro.RosterUserId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tokens identity linking matches on, both ways: the tokens a roster user is known by, and the token a tool's
 * learner identifier is. Two forms:
 * <ul>
 *   <li>{@code email:<address>}, lower-cased: a roster user's {@code email}; an xAPI actor's {@code mbox};</li>
 *   <li>{@code id:<identifier>}, as written: a roster user's {@code identifier} (the SIS id), {@code username} and each
 *       {@code userIds[].identifier}; an xAPI {@code account}'s {@code name} (whatever its {@code homePage}), an
 *       {@code openid} URI, a Caliper learner's id.</li>
 * </ul>
 * An {@code mbox_sha1sum} has no token: it matches no one.
 */
public final class IdentityTokens {
    public static final String EMAIL = "email:";
    public static final String ID = "id:";

    private static final String MBOX = "mbox:";
    private static final String MAILTO = "mailto:";
    private static final String ACCOUNT = "account:";
    private static final String OPENID = "openid:";
    /** What {@link io.learnstream.ingest.caliper.CaliperNormalizer} prefixes a Caliper learner's id with. */
    private static final String CALIPER = io.learnstream.ingest.caliper.CaliperNormalizer.STUDENT_PREFIX;

    private IdentityTokens() {}

    /** Every token of a roster user, each once, in a stable order; none for a blank value. */
    public static Set<String> of(RosterUser user) {
        Set<String> tokens = new TreeSet<>();
        if (user == null) return tokens;
        if (user.getEmail() != null && !user.getEmail().isBlank()) tokens.add(email(user.getEmail()));
        addId(tokens, user.getIdentifier());
        addId(tokens, user.getUsername());
        for (RosterUserId id : user.getUserIds()) addId(tokens, id.getIdentifier());
        return tokens;
    }

    /**
     * The token of a learner identifier as the intake's normalizers give it ({@code mbox:mailto:…},
     * {@code account:<homePage>|<name>}, {@code openid:…}, {@code caliper:<id>}), or empty when it has none.
     * An account's name is what follows the first {@code |}: a home page is an IRL, which has none.
     */
    public static Optional<String> ofLearner(String identifier) {
        if (identifier == null) return Optional.empty();
        String token = null;
        if (identifier.startsWith(MBOX + MAILTO)) {
            token = email(identifier.substring(MBOX.length() + MAILTO.length()));
        } else if (identifier.startsWith(ACCOUNT)) {
            int bar = identifier.indexOf('|', ACCOUNT.length());
            if (bar >= 0) token = id(identifier.substring(bar + 1));
        } else if (identifier.startsWith(OPENID)) {
            token = id(identifier.substring(OPENID.length()));
        } else if (identifier.startsWith(CALIPER)) {
            token = id(identifier.substring(CALIPER.length()));
        }
        return Optional.ofNullable(token);
    }

    private static void addId(Set<String> tokens, String identifier) {
        String token = id(identifier);
        if (token != null) tokens.add(token);
    }

    private static String email(String address) {
        String trimmed = address.trim();
        return trimmed.isEmpty() ? null : EMAIL + trimmed.toLowerCase(Locale.ROOT);
    }

    private static String id(String identifier) {
        return identifier == null || identifier.isBlank() ? null : ID + identifier;
    }
}
