package io.learnstream.ingest.attachments;

import java.util.Objects;

/**
 * The data of one attachment as the LRS keeps it: once per district and SHA-2.
 *
 * @param sha2        hex SHA-2 of {@code content}, lower case
 * @param contentType its Internet media type
 * @param content     the raw octets
 */
public record AttachmentContent(String sha2, String contentType, byte[] content) {
    public AttachmentContent {
        Objects.requireNonNull(sha2, "sha2");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(content, "content");
    }
}
