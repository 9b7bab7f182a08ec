package io.learnstream.streams.intake;

import io.learnstream.ingest.identity.PseudonymKey;
import io.learnstream.ingest.identity.StudentKeys;
import io.learnstream.schemas.avro.RosterClass;
import io.learnstream.schemas.avro.RosterIdentity;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.streams.roster.IdentityTokens;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * What one district's roster says while the intake normalizes one record of it: who a learner is, and which class
 * an id names. Read from the global roster-identities and roster-classes stores, so a roster import takes effect
 * without a restart.
 *
 * <p>A learner whose identifier's token ({@link IdentityTokens#ofLearner}) is a roster identity of the district gets
 * the key of the roster user, {@code key.studentKey("roster:" + userSourcedId)}, whichever tool and identifier named
 * them; any other keeps the key of its own identifier. Either way only the key leaves the intake.
 */
final class DistrictRoster implements StudentKeys {
    /** Prefix of a roster user's sourcedId pseudonymised into the student key, apart from xAPI IFIs and Caliper ids. */
    static final String ROSTER_PREFIX = "roster:";

    private final String tenantId;
    private final PseudonymKey key;
    private final TimestampedKeyValueStore<String, RosterIdentity> identities;
    private final TimestampedKeyValueStore<String, RosterClass> classes;
    private boolean linked;

    DistrictRoster(String tenantId, PseudonymKey key, TimestampedKeyValueStore<String, RosterIdentity> identities,
            TimestampedKeyValueStore<String, RosterClass> classes) {
        this.tenantId = tenantId;
        this.key = key;
        this.identities = identities;
        this.classes = classes;
    }

    /** The district's pseudonymisation secret. */
    PseudonymKey key() {
        return key;
    }

    @Override
    public String studentKey(String learnerIdentifier) {
        Optional<String> token = IdentityTokens.ofLearner(learnerIdentifier);
        ValueAndTimestamp<RosterIdentity> identity = token.isEmpty() ? null : identities.get(Topics.tenantScopedKey(tenantId, token.get()));
        linked = identity != null;
        return linked ? key.studentKey(ROSTER_PREFIX + identity.value().getUserSourcedId()) : key.studentKey(learnerIdentifier);
    }

    /** Whether the last learner asked for was linked to a roster user. */
    boolean linked() {
        return linked;
    }

    /**
     * The sourcedId of the district's roster class that {@code id} names: the sourcedId itself, else the last segment
     * of the path of an IRI such as {@code https://sis.example.org/classes/math-6-1} (percent-decoded; query and
     * fragment ignored); empty when neither is a class of the roster.
     */
    Optional<String> classOf(String id) {
        if (id == null || id.isBlank()) return Optional.empty();
        if (classes.get(Topics.tenantScopedKey(tenantId, id)) != null) return Optional.of(id);
        return lastPathSegment(id).filter(segment -> classes.get(Topics.tenantScopedKey(tenantId, segment)) != null);
    }

    /** The last non-empty segment of an IRI's path ({@code scheme://authority/path}), or empty when it has none. */
    static Optional<String> lastPathSegment(String iri) {
        int authority = iri.indexOf("://");
        if (authority < 0) return Optional.empty();
        int end = iri.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = iri.indexOf(stop, authority + 3);
            if (at >= 0 && at < end) end = at;
        }
        int path = iri.indexOf('/', authority + 3);
        if (path < 0 || path >= end) return Optional.empty();
        while (end > path + 1 && iri.charAt(end - 1) == '/') end--;
        String segment = iri.substring(iri.lastIndexOf('/', end - 1) + 1, end);
        if (segment.isEmpty()) return Optional.empty();
        if (segment.indexOf('%') >= 0) {
            try {
                segment = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notEncoded) {
                // a '%' that starts no escape: the segment as written
            }
        }
        return Optional.of(segment);
    }
}
