package io.learnstream.ingest.attachments;

import java.util.List;
import java.util.Objects;

/**
 * A multipart/mixed statement request taken apart: the statements' JSON (the first part) and the attachment parts
 * that follow it, in request order.
 */
public record MultipartStatementRequest(byte[] json, List<AttachmentPart> parts) {
    public MultipartStatementRequest {
        Objects.requireNonNull(json, "json");
        parts = List.copyOf(parts);
    }
}
