package io.learnstream.ingest.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code If-Match} and {@code If-None-Match} headers of a write, as RFC 2616 (14.24, 14.26) reads them: a list of
 * entity tags or {@code *}. Tags are compared strongly by their opaque value; a weak tag ({@code W/"…"}) and a tag
 * sent without quotes are read by their value too, so they match only a document whose SHA-1 they name.
 *
 * @param ifMatch the tags of If-Match ({@code *} as itself), empty when the header was not sent
 * @param ifNoneMatch the tags of If-None-Match, empty when the header was not sent
 */
public record Preconditions(Optional<List<String>> ifMatch, Optional<List<String>> ifNoneMatch) {
    public static final Preconditions NONE = new Preconditions(Optional.empty(), Optional.empty());
    private static final String ANY = "*";

    public Preconditions {
        ifMatch = ifMatch.map(List::copyOf);
        ifNoneMatch = ifNoneMatch.map(List::copyOf);
    }

    /** Reads the two headers' values; null for a header not sent. */
    public static Preconditions of(String ifMatch, String ifNoneMatch) {
        return new Preconditions(Optional.ofNullable(ifMatch).map(Preconditions::tags), Optional.ofNullable(ifNoneMatch).map(Preconditions::tags));
    }

    /** Whether the request sent either header. */
    public boolean any() {
        return ifMatch.isPresent() || ifNoneMatch.isPresent();
    }

    /**
     * @param currentEtag the ETag (hex SHA-1) of the document as stored now, empty when there is none
     * @throws DocumentRejectedException 412 when a header's condition does not hold
     */
    public void require(Optional<String> currentEtag, String what) {
        if (ifMatch.isPresent()) {
            List<String> tags = ifMatch.get();
            boolean holds = currentEtag.isPresent() && (tags.contains(ANY) || tags.contains(currentEtag.get()));
            if (!holds) {
                throw new DocumentRejectedException(412, "precondition_failed", currentEtag.isEmpty()
                        ? "If-Match names " + String.join(", ", tags) + " but there is no " + what + " document; GET it again (or send If-None-Match: * to create it)"
                        : "If-Match does not name the " + what + " document's current ETag \"" + currentEtag.get()
                                + "\": it was changed since you read it; GET it again and merge your change");
            }
        }
        if (ifNoneMatch.isPresent() && currentEtag.isPresent()) {
            List<String> tags = ifNoneMatch.get();
            if (tags.contains(ANY) || tags.contains(currentEtag.get())) {
                throw new DocumentRejectedException(412, "precondition_failed", "If-None-Match: " + String.join(", ", tags)
                        + " but the " + what + " document exists (ETag \"" + currentEtag.get() + "\"); GET it and send If-Match with its ETag to replace it");
            }
        }
    }

    /** The entity tags of a header value: quoted, weak or bare, separated by commas. */
    static List<String> tags(String header) {
        List<String> tags = new ArrayList<>();
        for (String part : header.split(",")) {
            String tag = part.trim();
            if (tag.isEmpty()) continue;
            if (tag.startsWith("W/")) tag = tag.substring(2);
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) tag = tag.substring(1, tag.length() - 1);
            tags.add(tag);
        }
        return tags;
    }
}
