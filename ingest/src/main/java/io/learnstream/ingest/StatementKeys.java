package io.learnstream.ingest;

import io.learnstream.ingest.xapi.ActorIdentifier;
import io.learnstream.ingest.xapi.Statement;
import io.learnstream.schemas.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Kafka key a stored statement is written under: its district and a hash of its actor's identifier, so every
 * statement of one learner lands on one partition, in the order stored, and the intake (one task per partition)
 * hands them on in that order: the analytics see each student's activity in order without re-sorting it. Every copy
 * of a statement (same id, same content, so the same actor) still meets the intake's duplicate check on one
 * partition. The identifier is hashed (SHA-256, 128 bits shown): keys say nothing of the learner. A statement
 * whose actor has no identifier (an anonymous Group) is keyed by its id.
 */
public final class StatementKeys {
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    });
    private static final int KEY_BYTES = 16;

    private StatementKeys() {}

    public static String of(String tenantId, Statement statement) {
        String actor = ActorIdentifier.of(statement.json().path("actor"));
        if (actor == null) return Topics.tenantScopedKey(tenantId, statement.id().toString());
        return actorKey(tenantId, actor);
    }

    /**
     * {@code <tenant>/actor-<hash>}: what every record about one learner of a district is keyed by or starts with
     * (statements, State and Agent Profile documents), so an erasure finds them all from the learner's identifier.
     *
     * @param actorIdentifier the canonical identifier ({@link ActorIdentifier#of})
     */
    public static String actorKey(String tenantId, String actorIdentifier) {
        return Topics.tenantScopedKey(tenantId, "actor-" + hash(actorIdentifier));
    }

    /** SHA-256 of the text's UTF-8, its first 128 bits in hex: a name for a value that says nothing of it. */
    public static String hash(String text) {
        byte[] digest = SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, KEY_BYTES);
    }
}
