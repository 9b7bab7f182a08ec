package io.learnstream.ingest.attachments;

/**
 * A statement request's attachments broke a rule of xAPI (Communication 1.5.2 "Multipart/Mixed", Data 2.4.11
 * "Attachments", Data 2.6 "Signed Statements") or a limit of this LRS. Carries the answer's status, the place
 * that broke it ({@code parts[2].X-Experience-API-Hash} for a part of the request, where {@code parts[0]} is the
 * statements' JSON; {@code statements[1].attachments[0].sha2} or {@code attachments[0].length} for a property of
 * a statement) and the rule in words.
 */
public final class AttachmentRejectedException extends RuntimeException {
    private final int status;
    private final String error;
    private final String path;
    private final String rule;

    private AttachmentRejectedException(int status, String error, String path, String rule) {
        super(path + ": " + rule);
        this.status = status;
        this.error = error;
        this.path = path;
        this.rule = rule;
    }

    /** A 400: the request does not follow the rules for attachments. */
    public static AttachmentRejectedException invalid(String path, String rule) {
        return new AttachmentRejectedException(400, "invalid_attachment", path, rule);
    }

    /** A 413: an attachment is larger than this LRS stores. */
    public static AttachmentRejectedException tooLarge(String path, String rule) {
        return new AttachmentRejectedException(413, "attachment_too_large", path, rule);
    }

    public int status() {
        return status;
    }

    /** The error code of the answer's JSON body. */
    public String error() {
        return error;
    }

    public String path() {
        return path;
    }

    public String rule() {
        return rule;
    }
}
