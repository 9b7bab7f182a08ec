package io.learnstream.app.privacy;

import io.learnstream.ingest.identity.StudentKeys;
import io.learnstream.schemas.avro.RosterUser;
import io.learnstream.streams.roster.IdentityTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who {@code students erase --student ID} means. ID is one of:
 * <ul>
 *   <li>an xAPI actor identifier as the intake writes it: {@code mbox:mailto:<address>} (or just {@code mailto:<address>}),
 *       {@code account:<homePage>|<name>}, {@code openid:<uri>}, {@code mbox_sha1sum:<hex>}, or {@code caliper:<id>};</li>
 *   <li>an e-mail address;</li>
 *   <li>a roster user's sourcedId, or an identifier of theirs (SIS identifier, username, userIds identifier).</li>
 * </ul>
 * An identifier whose identity token a roster user holds means that roster user (and the identifier itself); an
 * e-mail address no roster user has means the learner of {@code mbox:mailto:<address>}; a bare id that is no roster
 * user's is an error, as it names no one the pipeline could have keyed.
 */
public final class StudentIdResolver {
    /** Prefix of a roster user's sourcedId in its student key, as the intake's DistrictRoster writes it. */
    public static final String ROSTER_PREFIX = "roster:";
    static final String MBOX_MAILTO = "mbox:mailto:";
    static final String MAILTO = "mailto:";
    static final String MBOX_SHA1SUM = "mbox_sha1sum:";
    private static final List<String> IFI_PREFIXES = List.of(MBOX_MAILTO, MBOX_SHA1SUM, "account:", "openid:", "caliper:");

    private final RosterLookup roster;

    public StudentIdResolver(RosterLookup roster) {
        this.roster = roster;
    }

    /**
     * @param keys the district's pseudonym key
     * @throws IllegalArgumentException saying which forms are accepted when {@code id} names no one
     */
    public ErasureSubject resolve(String tenantId, String id, StudentKeys keys) {
        String given = id == null ? "" : id.trim();
        if (given.isEmpty()) throw new IllegalArgumentException("--student is empty: give a roster sourcedId, an e-mail address or an xAPI actor identifier");
        if (given.regionMatches(true, 0, MAILTO, 0, MAILTO.length())) given = "mbox:" + given;
        String asGiven = given;
        if (IFI_PREFIXES.stream().anyMatch(asGiven::startsWith)) {
            Optional<String> token = IdentityTokens.ofLearner(given);
            Optional<String> holder = token.flatMap(t -> roster.holderOf(tenantId, t));
            return subject(tenantId, holder.flatMap(u -> roster.user(tenantId, u)), Set.of(given), token.stream().toList(), keys);
        }
        if (given.contains("@")) {
            String ifi = MBOX_MAILTO + given;
            Optional<String> token = IdentityTokens.ofLearner(ifi);
            Optional<String> holder = token.flatMap(t -> roster.holderOf(tenantId, t));
            return subject(tenantId, holder.flatMap(u -> roster.user(tenantId, u)), Set.of(ifi), token.stream().toList(), keys);
        }
        Optional<RosterUser> user = roster.user(tenantId, given)
                .or(() -> roster.holderOf(tenantId, IdentityTokens.ID + asGiven).flatMap(u -> roster.user(tenantId, u)));
        if (user.isEmpty()) {
            throw new IllegalArgumentException("--student '" + given + "' is neither a roster user (sourcedId or identifier) of district '"
                    + tenantId + "' nor an e-mail address; for a learner outside the roster give their xAPI actor identifier"
                    + " (mbox:mailto:<address>, account:<homePage>|<name>, openid:<uri>)");
        }
        return subject(tenantId, user, Set.of(), List.of(), keys);
    }

    /**
     * The {@code mbox_sha1sum} form of each e-mail identifier: a tool may name the learner of {@code mbox:mailto:x} by
     * the hex SHA-1 of {@code mailto:x} instead (xAPI 2.0 Data 2.4.2.3), and the intake keys such statements under it.
     */
    static Set<String> sha1sumForms(Set<String> identifiers) {
        Set<String> forms = new TreeSet<>();
        for (String identifier : identifiers) {
            if (identifier.startsWith(MBOX_MAILTO)) {
                forms.add(MBOX_SHA1SUM + sha1Hex(MAILTO + identifier.substring(MBOX_MAILTO.length())));
            }
        }
        return forms;
    }

    private static String sha1Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-1", e);
        }
    }

    private static ErasureSubject subject(String tenantId, Optional<RosterUser> user, Set<String> identifiers, List<String> tokens,
            StudentKeys keys) {
        Set<String> allIdentifiers = new TreeSet<>(identifiers);
        Set<String> allTokens = new TreeSet<>(tokens);
        Set<String> studentKeys = new TreeSet<>();
        user.ifPresent(u -> {
            studentKeys.add(keys.studentKey(ROSTER_PREFIX + u.getSourcedId()));
            allTokens.addAll(IdentityTokens.of(u));
            if (u.getEmail() != null && !u.getEmail().isBlank()) {
                allIdentifiers.add(MBOX_MAILTO + u.getEmail().trim().toLowerCase(Locale.ROOT));
            }
        });
        allIdentifiers.addAll(sha1sumForms(allIdentifiers));
        for (String identifier : allIdentifiers) studentKeys.add(keys.studentKey(identifier));
        return new ErasureSubject(tenantId, user.map(RosterUser::getSourcedId), allIdentifiers, allTokens, studentKeys, Set.of());
    }
}
