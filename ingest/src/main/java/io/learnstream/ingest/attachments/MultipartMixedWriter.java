package io.learnstream.ingest.attachments;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.UUID;

/**
 * Writes a statement answer with its attachments in the xAPI transmission format (Communication 1.5.2): a
 * {@code multipart/mixed} body whose first part is the JSON ({@code Content-Type: application/json}) and whose
 * following parts are the attachments' raw data, each with {@code Content-Type}, {@code Content-Transfer-Encoding:
 * binary} and {@code X-Experience-API-Hash}. The boundary is random and checked to occur in no part.
 */
public final class MultipartMixedWriter {
    private static final String CRLF = "\r\n";

    private MultipartMixedWriter() {}

    /** A written body and the {@code Content-Type} to answer it with (which names its boundary). */
    public record Written(String contentType, byte[] body) {}

    public static Written write(String json, Collection<AttachmentContent> attachments) {
        byte[] jsonBytes = json.getBytes(StandardCharsets.UTF_8);
        String boundary = boundary(jsonBytes, attachments);
        ByteArrayOutputStream out = new ByteArrayOutputStream(jsonBytes.length + 256
                + attachments.stream().mapToInt(a -> a.content().length + 256).sum());
        ascii(out, "--" + boundary + CRLF + "Content-Type: application/json" + CRLF + CRLF);
        out.writeBytes(jsonBytes);
        for (AttachmentContent attachment : attachments) {
            ascii(out, CRLF + "--" + boundary + CRLF
                    + "Content-Type: " + attachment.contentType() + CRLF
                    + "Content-Transfer-Encoding: binary" + CRLF
                    + MultipartStatementReader.HASH + ": " + attachment.sha2() + CRLF + CRLF);
            out.writeBytes(attachment.content());
        }
        ascii(out, CRLF + "--" + boundary + "--" + CRLF);
        return new Written("multipart/mixed; boundary=" + boundary, out.toByteArray());
    }

    private static String boundary(byte[] json, Collection<AttachmentContent> attachments) {
        while (true) {
            String boundary = "learnstream-" + UUID.randomUUID();
            byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
            boolean clash = contains(json, delimiter) || attachments.stream().anyMatch(a -> contains(a.content(), delimiter));
            if (!clash) return boundary;
        }
    }

    private static boolean contains(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) continue outer;
            }
            return true;
        }
        return false;
    }

    private static void ascii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }
}
