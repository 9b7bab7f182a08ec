package io.learnstream.ingest.attachments;

import java.util.Objects;

/**
 * One attachment part of a multipart/mixed statement request, its hash already checked against its data.
 *
 * @param index       the part's position in the request ({@code parts[0]} is the statements' JSON, so 1 or more)
 * @param contentType the part's {@code Content-Type} header, or {@code null} when it had none
 * @param sha2        the part's {@code X-Experience-API-Hash}, lower case: the SHA-2 of {@code content}
 * @param content     the raw octets of the part
 */
public record AttachmentPart(int index, String contentType, String sha2, byte[] content) {
    public AttachmentPart {
        Objects.requireNonNull(sha2, "sha2");
        Objects.requireNonNull(content, "content");
    }

    /** How rejections name this part: {@code parts[<index>]}. */
    public String path() {
        return "parts[" + index + "]";
    }
}
