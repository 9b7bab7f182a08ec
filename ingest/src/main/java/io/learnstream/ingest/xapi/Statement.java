package io.learnstream.ingest.xapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/**
 * A statement that passed validation, with the properties the server sets filled in.
 *
 * @param id the statement id (assigned by the server when the tool sent none)
 * @param json the statement as stored, including {@code id}, {@code timestamp}, {@code stored} and {@code version}
 * @param timestamp when the experience happened (event time)
 * @param stored when learnstream accepted it
 * @param contentHash what identifies its content (see {@link ContentHash}), computed before the server set anything
 * @param received its text as the tool sent it, when all the server set comes after the tool's properties in
 *                 {@code json}: then it is stored as that text with those appended; {@code null} otherwise
 */
public record Statement(UUID id, ObjectNode json, Instant timestamp, Instant stored, String contentHash, ReceivedText received) {
    /** A statement without its received text: stored as written out of {@code json}. */
    public Statement(UUID id, ObjectNode json, Instant timestamp, Instant stored, String contentHash) {
        this(id, json, timestamp, stored, contentHash, null);
    }

    /** The statement as stored, as JSON text. */
    public String storedJson() {
        return received != null ? received.withAddedProperties(json) : CompactJson.write(json);
    }
}
