package io.learnstream.ingest.xapi.validation;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Attachments (xAPI Data 2.4.11): an array of objects with usageType (IRI), display (language map), contentType
 * (Internet media type), length (a non-negative integer number of octets) and sha2 (hex SHA-2 digest: 224, 256, 384 or
 * 512 bits), all required, and optional description (language map) and fileUrl (IRL). A signature attachment
 * (Data 2.6) has the content type application/octet-stream; verifying the JWS itself needs the attachment's bytes
 * and is not a data-model check.
 */
final class AttachmentRules {
    static final String SIGNATURE = "http://adlnet.gov/expapi/attachments/signature";

    private AttachmentRules() {}

    static void requireAttachments(JsonNode attachments, JsonPath path) {
        Shapes.requireArray(attachments, path, "an array of Attachments");
        for (int i = 0; i < attachments.size(); i++) requireAttachment(attachments.get(i), path.index(i));
    }

    private static void requireAttachment(JsonNode attachment, JsonPath path) {
        Shapes.requireObject(attachment, path, "an Attachment");
        JsonNode usageType = Shapes.required(attachment, "usageType", path);
        Iris.requireIri(usageType, path.field("usageType"));
        LanguageMaps.requireLanguageMap(Shapes.required(attachment, "display", path), path.field("display"));
        JsonPath contentTypePath = path.field("contentType");
        String contentType = Shapes.requireString(Shapes.required(attachment, "contentType", path), contentTypePath);
        if (!MediaTypes.isMediaType(contentType)) {
            throw Shapes.reject(contentTypePath, "must be an Internet media type such as text/plain or image/png; charset=...");
        }
        JsonNode length = Shapes.required(attachment, "length", path);
        if (!length.isIntegralNumber() || !length.canConvertToLong() || length.longValue() < 0) {
            throw Shapes.reject(path.field("length"), "must be the length in octets: a whole number, 0 or more");
        }
        JsonPath sha2Path = path.field("sha2");
        String sha2 = Shapes.requireString(Shapes.required(attachment, "sha2", path), sha2Path);
        int digits = sha2.length();
        if (!(digits == 56 || digits == 64 || digits == 96 || digits == 128) || !Hex.isHex(sha2, digits)) {
            throw Shapes.reject(sha2Path, "must be the hex-encoded SHA-2 hash of the attachment (56, 64, 96 or 128 hexadecimal digits)");
        }
        JsonNode description = attachment.get("description");
        if (description != null) LanguageMaps.requireLanguageMap(description, path.field("description"));
        JsonNode fileUrl = attachment.get("fileUrl");
        if (fileUrl != null) Iris.requireIrl(fileUrl, path.field("fileUrl"));
        PropertySets.requireOnly(attachment, path, PropertySets.ATTACHMENT);
        if (SIGNATURE.equals(usageType.textValue()) && !isOctetStream(contentType)) {
            throw Shapes.reject(contentTypePath, "must be application/octet-stream for a signature attachment (usageType " + SIGNATURE + ")");
        }
    }

    private static boolean isOctetStream(String contentType) {
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).strip();
        return type.equalsIgnoreCase("application/octet-stream");
    }
}
