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
 */
public record Statement(UUID id, ObjectNode json, Instant timestamp, Instant stored, String contentHash) {}
