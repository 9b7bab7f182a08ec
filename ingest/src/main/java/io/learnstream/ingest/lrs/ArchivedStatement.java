package io.learnstream.ingest.lrs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Objects;

/**
 * One statement as the archive holds it.
 *
 * @param id     the statement id (lower case)
 * @param stored when the LRS accepted it (millisecond precision, as the archive keeps it)
 * @param json   the statement as stored (JSON), with id, timestamp, stored, authority and version set
 */
public record ArchivedStatement(String id, Instant stored, String json) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public ArchivedStatement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stored, "stored");
        Objects.requireNonNull(json, "json");
    }

    /** Where this statement stands in a listing: what a {@code more} cursor continues after. */
    public PagePosition position() {
        return new PagePosition(stored, id);
    }

    /**
     * The statement read as a tree.
     *
     * @throws IllegalStateException when the archive holds text that is not JSON (the LRS stored only valid JSON)
     */
    public JsonNode tree() {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("archived statement " + id + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
