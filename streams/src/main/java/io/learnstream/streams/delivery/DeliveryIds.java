package io.learnstream.streams.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The keys of the delivery topology: of a pending alert in its store, and of a delivery (its idempotency key). */
final class DeliveryIds {
    /** Neither a teacher's key nor an alert id holds it. */
    private static final char SEPARATOR = '\u0000';

    private DeliveryIds() {}

    /** The store key of an alert pending for a teacher ({@code <tenant>/<teacher>}). */
    static String pending(String teacherKey, String alertId) {
        return teacherKey + SEPARATOR + alertId;
    }

    /**
     * The id of a delivery: the same for the same teacher, channel and alerts (so a sender that sends it twice says
     * the same Message-ID), 32 hex digits of their SHA-256.
     */
    static String delivery(String teacherKey, String channel, List<String> alertIds) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(teacherKey.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) SEPARATOR);
            sha.update(channel.getBytes(StandardCharsets.UTF_8));
            for (String alertId : alertIds) {
                sha.update((byte) SEPARATOR);
                sha.update(alertId.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
