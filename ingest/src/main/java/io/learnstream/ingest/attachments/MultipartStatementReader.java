package io.learnstream.ingest.attachments;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.james.mime4j.MimeException;
import org.apache.james.mime4j.stream.EntityState;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.MimeTokenStream;
import org.apache.james.mime4j.stream.RecursionMode;

/**
 * Takes a {@code multipart/mixed} statement request apart (xAPI Communication 1.5.2, RFC 2046; the MIME parsing
 * is Apache James mime4j's): the first part holds the statements ({@code Content-Type: application/json}); every
 * following part holds the raw data of one attachment and carries {@code X-Experience-API-Hash} (the hex SHA-2 of
 * its data, checked here) and {@code Content-Transfer-Encoding: binary}. A part's {@code Content-Length}, when
 * given, must be its size. Whether the parts and the statements' attachments match is {@link AttachmentMatcher}'s
 * business.
 *
 * <p>Each rule broken is an {@link AttachmentRejectedException} naming the part ({@code parts[0]} is the JSON) and
 * the header; a part larger than {@code maxPartBytes} is a 413.
 */
public final class MultipartStatementReader {
    static final String HASH = "X-Experience-API-Hash";
    static final String TRANSFER_ENCODING = "Content-Transfer-Encoding";
    /** Longest boundary RFC 2046 allows. */
    private static final int MAX_BOUNDARY = 70;

    private final int maxPartBytes;
    private final MimeConfig config;

    /** @param maxPartBytes the most octets one attachment part may hold (413 beyond) */
    public MultipartStatementReader(int maxPartBytes) {
        if (maxPartBytes < 1) throw new IllegalArgumentException("maxPartBytes must be at least 1, got " + maxPartBytes);
        this.maxPartBytes = maxPartBytes;
        this.config = MimeConfig.custom()
                .setStrictParsing(true)
                .setMaxLineLen(-1)          // attachment data is binary: no line structure
                .setMaxHeaderLen(16 * 1024)
                .setMaxHeaderCount(64)
                .setMaxContentLen(-1)       // the request size limit bounds the body
                .build();
    }

    /** Whether a request's {@code Content-Type} is {@code multipart/mixed} (with or without parameters). */
    public static boolean isMultipartMixed(String contentType) {
        return contentType != null && MediaType.essence(contentType).equals("multipart/mixed");
    }

    /**
     * @param contentType the request's {@code Content-Type}: {@code multipart/mixed} with its boundary
     * @param body        the request body
     */
    public MultipartStatementRequest read(String contentType, byte[] body) {
        String boundary = MediaType.parameter(contentType, "boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw AttachmentRejectedException.invalid("Content-Type",
                    "a multipart/mixed request needs its boundary: Content-Type: multipart/mixed; boundary=<boundary>");
        }
        if (boundary.length() > MAX_BOUNDARY) {
            throw AttachmentRejectedException.invalid("Content-Type", "the boundary is " + boundary.length()
                    + " characters long; RFC 2046 allows at most " + MAX_BOUNDARY);
        }
        List<RawPart> raw = parts(contentType, body, boundary);
        if (raw.isEmpty()) throw noParts(boundary);
        RawPart first = raw.getFirst();
        if (!MediaType.essence(first.header("content-type")).equals("application/json")) {
            throw AttachmentRejectedException.invalid("parts[0].Content-Type", "must be application/json: the first part holds the statements"
                    + (first.header("content-type") == null ? "" : ", got '" + first.header("content-type") + "'"));
        }
        List<AttachmentPart> attachments = new ArrayList<>(raw.size() - 1);
        for (int i = 1; i < raw.size(); i++) attachments.add(attachment(i, raw.get(i)));
        return new MultipartStatementRequest(first.content(), attachments);
    }

    private AttachmentPart attachment(int index, RawPart part) {
        String path = "parts[" + index + "]";
        String hash = part.header(HASH.toLowerCase(Locale.ROOT));
        if (hash == null || hash.isBlank()) {
            throw AttachmentRejectedException.invalid(path + "." + HASH, "is required on every attachment part: the hex SHA-2 of the part's data");
        }
        hash = hash.strip();
        String algorithm = Sha2.algorithmOf(hash).orElseThrow(() -> AttachmentRejectedException.invalid(path + "." + HASH,
                "must be a hex SHA-2 digest (56, 64, 96 or 128 hexadecimal digits)"));
        String encoding = part.header(TRANSFER_ENCODING.toLowerCase(Locale.ROOT));
        if (encoding == null) {
            throw AttachmentRejectedException.invalid(path + "." + TRANSFER_ENCODING, "is required on every attachment part and must be binary");
        }
        if (!encoding.strip().equalsIgnoreCase("binary")) {
            throw AttachmentRejectedException.invalid(path + "." + TRANSFER_ENCODING, "must be binary (the raw octets), got '" + encoding.strip() + "'");
        }
        byte[] content = part.content();
        String actual = Sha2.digest(algorithm, content);
        if (!actual.equals(Sha2.normalized(hash))) {
            throw AttachmentRejectedException.invalid(path + "." + HASH, "is " + hash + " but the " + algorithm + " of the part's "
                    + content.length + " octets is " + actual);
        }
        String length = part.header("content-length");
        if (length != null && !length.strip().equals(Integer.toString(content.length))) {
            throw AttachmentRejectedException.invalid(path + ".Content-Length", "is '" + length.strip() + "' but the part holds "
                    + content.length + " octets");
        }
        return new AttachmentPart(index, part.header("content-type"), Sha2.normalized(hash), content);
    }

    /** The parts of the body with their headers (names lower case, first occurrence) and raw content. */
    private static AttachmentRejectedException noParts(String boundary) {
        return AttachmentRejectedException.invalid("parts[0]", "the body holds no part delimited by the boundary '" + boundary
                + "'; the first part must be the statements with Content-Type: application/json");
    }

    private List<RawPart> parts(String contentType, byte[] body, String boundary) {
        MimeTokenStream stream = new MimeTokenStream(config);
        stream.setRecursionMode(RecursionMode.M_NO_RECURSE);
        stream.parseHeadless(new ByteArrayInputStream(body), contentType);
        List<RawPart> parts = new ArrayList<>();
        Map<String, String> headers = null;
        int depth = 0;
        try {
            for (EntityState state = stream.getState(); state != EntityState.T_END_OF_STREAM; state = stream.next()) {
                switch (state) {
                    case T_START_MULTIPART -> depth++;
                    case T_END_MULTIPART -> depth--;
                    case T_START_BODYPART -> {
                        if (depth == 1) headers = new LinkedHashMap<>();
                    }
                    case T_FIELD -> {
                        if (depth == 1 && headers != null) {
                            Field field = stream.getField();
                            headers.putIfAbsent(field.getNameLowerCase(), field.getBody());
                        }
                    }
                    case T_BODY -> {
                        if (depth == 1 && headers != null) {
                            int index = parts.size();
                            parts.add(new RawPart(headers, read(stream.getInputStream(), index)));
                            headers = null;
                        }
                    }
                    default -> { }
                }
            }
        } catch (MimeException | IOException e) {
            if (parts.isEmpty()) throw noParts(boundary);
            throw AttachmentRejectedException.invalid("parts", "the body is not multipart/mixed as RFC 2046 defines it: " + e.getMessage());
        }
        return parts;
    }

    /** The content of part {@code index}; an attachment part may hold at most {@code maxPartBytes}. */
    private byte[] read(InputStream content, int index) throws IOException {
        if (index == 0) return content.readAllBytes();
        byte[] data = content.readNBytes(maxPartBytes + 1);
        if (data.length > maxPartBytes) {
            throw AttachmentRejectedException.tooLarge("parts[" + index + "]", "holds more than " + maxPartBytes
                    + " octets; this LRS stores attachments of at most " + maxPartBytes + " octets each");
        }
        return data;
    }

    private record RawPart(Map<String, String> headers, byte[] content) {
        String header(String lowerCaseName) {
            return headers.get(lowerCaseName);
        }
    }
}
