package io.learnstream.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The inverse functional identifier (IFI) of an xAPI Agent or identified Group, as one canonical string:
 * {@code mbox:mailto:a@b.org}, {@code mbox_sha1sum:<hex>}, {@code openid:<uri>} or
 * {@code account:<homePage>|<name>}. This is what gets pseudonymised; it never leaves ingest.
 */
public final class ActorIdentifier {
    private ActorIdentifier() {}

    /** The IFI of a validated actor, or {@code null} for an anonymous Group. */
    public static String of(JsonNode actor) {
        if (actor.hasNonNull("mbox")) return "mbox:" + actor.get("mbox").asText().toLowerCase(java.util.Locale.ROOT);
        if (actor.hasNonNull("mbox_sha1sum")) return "mbox_sha1sum:" + actor.get("mbox_sha1sum").asText().toLowerCase(java.util.Locale.ROOT);
        if (actor.hasNonNull("openid")) return "openid:" + actor.get("openid").asText();
        JsonNode account = actor.get("account");
        if (account != null && account.isObject()) {
            return "account:" + account.path("homePage").asText() + "|" + account.path("name").asText();
        }
        return null;
    }
}
