package io.learnstream.ingest.attachments;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches the attachments a request's statements declare with the parts it carries, by SHA-2 only (xAPI
 * Communication 1.5.2):
 * <ul>
 *   <li>every attachment without {@code fileUrl} needs a part whose {@code X-Experience-API-Hash} is its
 *       {@code sha2} (so an {@code application/json} request, which has no parts, may only declare attachments with a
 *       {@code fileUrl});</li>
 *   <li>a signature attachment ({@code usageType} {@value #SIGNATURE}) needs its part even with a {@code fileUrl}:
 *       the LRS must verify it (Data 2.6);</li>
 *   <li>every part must be the data of some declared attachment;</li>
 *   <li>where a part gives what an attachment declares, they agree: {@code length} is the part's size and the part's
 *       {@code Content-Type}, when given, has the attachment's {@code contentType} (type and subtype).</li>
 * </ul>
 * The statements must have passed validation (so every attachment has its properties).
 */
public final class AttachmentMatcher {
    static final String SIGNATURE = "http://adlnet.gov/expapi/attachments/signature";

    private AttachmentMatcher() {}

    /**
     * A statement's signature to verify.
     *
     * @param path      the signature attachment, e.g. {@code statements[2].attachments[0]}
     * @param statement the statement as received
     * @param jws       the part's data: the JWS
     */
    public record Signature(String path, JsonNode statement, byte[] jws) {}

    /**
     * What a request's attachments come to.
     *
     * @param contents   the data to keep, once per SHA-2, in the order of the parts
     * @param signatures the signatures to verify
     */
    public record Matched(List<AttachmentContent> contents, List<Signature> signatures) {
        public Matched {
            contents = List.copyOf(contents);
            signatures = List.copyOf(signatures);
        }
    }

    /**
     * @param body  the request's statements as received: one statement (object) or an array of them
     * @param parts the request's attachment parts (none for an {@code application/json} request)
     * @throws AttachmentRejectedException naming the first attachment property or part that breaks a rule
     */
    public static Matched match(JsonNode body, List<AttachmentPart> parts) {
        Map<String, AttachmentPart> bySha2 = new LinkedHashMap<>();
        for (AttachmentPart part : parts) bySha2.putIfAbsent(part.sha2(), part);
        Map<String, String> declaredTypes = new LinkedHashMap<>();
        List<Signature> signatures = new ArrayList<>();
        boolean batch = body.isArray();
        for (int i = 0; i < (batch ? body.size() : 1); i++) {
            JsonNode statement = batch ? body.get(i) : body;
            String prefix = batch ? "statements[" + i + "]." : "";
            JsonNode attachments = statement.path("attachments");
            for (int j = 0; j < attachments.size(); j++) {
                String path = prefix + "attachments[" + j + "]";
                JsonNode attachment = attachments.get(j);
                String sha2 = Sha2.normalized(attachment.path("sha2").asText());
                String contentType = attachment.path("contentType").asText();
                boolean signature = SIGNATURE.equals(attachment.path("usageType").asText());
                AttachmentPart part = bySha2.get(sha2);
                if (part == null) {
                    if (signature) {
                        throw AttachmentRejectedException.invalid(path + ".sha2", "names no part of the request: a signature attachment's JWS"
                                + " must be sent as a multipart/mixed part (X-Experience-API-Hash " + sha2 + ") so the LRS can verify it");
                    }
                    if (!attachment.hasNonNull("fileUrl")) {
                        throw AttachmentRejectedException.invalid(path + ".sha2", "has no fileUrl and no multipart/mixed part whose "
                                + MultipartStatementReader.HASH + " is " + sha2
                                + ": send the data as a part of a multipart/mixed request, or give a fileUrl");
                    }
                    continue;
                }
                // a declared length other than the data's is not refused: the SHA-2 already vouches for the data, xAPI asks the
                // LRS for no such check, and the ADL suite itself sends a length that is not the data's (XAPI-00127)
                if (part.contentType() != null && !MediaType.sameType(part.contentType(), contentType)) {
                    throw AttachmentRejectedException.invalid(path + ".contentType", "is '" + contentType + "' but " + part.path()
                            + " (the part with its sha2) has Content-Type '" + part.contentType() + "'; they must name the same media type");
                }
                declaredTypes.putIfAbsent(sha2, contentType);
                if (signature) signatures.add(new Signature(path, statement, part.content()));
            }
        }
        List<AttachmentContent> contents = new ArrayList<>(bySha2.size());
        for (AttachmentPart part : bySha2.values()) {
            String declared = declaredTypes.get(part.sha2());
            if (declared == null) {
                throw AttachmentRejectedException.invalid(part.path(), "is the data of no attachment the statements declare: no attachment"
                        + " has the sha2 " + part.sha2() + " of its " + MultipartStatementReader.HASH);
            }
            contents.add(new AttachmentContent(part.sha2(), part.contentType() != null ? part.contentType() : declared, part.content()));
        }
        return new Matched(contents, signatures);
    }
}
