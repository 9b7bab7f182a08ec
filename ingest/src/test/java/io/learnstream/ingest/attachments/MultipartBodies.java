package io.learnstream.ingest.attachments;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds multipart/mixed request bodies part by part, headers as given, for specs of the multipart handling. */
public final class MultipartBodies {
    public static final String BOUNDARY = "xapi-boundary-7f3a";
    public static final String CONTENT_TYPE = "multipart/mixed; boundary=" + BOUNDARY;

    public MultipartBodies() {}

    private final List<Map<String, String>> headers = new ArrayList<>();
    private final List<byte[]> contents = new ArrayList<>();

    public static MultipartBodies statements(String json) {
        MultipartBodies body = new MultipartBodies();
        body.part(Map.of("Content-Type", "application/json"), json.getBytes(StandardCharsets.UTF_8));
        return body;
    }

    /** An attachment part with Content-Type, Content-Transfer-Encoding: binary and its SHA-256 as X-Experience-API-Hash. */
    public MultipartBodies attachment(String contentType, byte[] content) {
        Map<String, String> partHeaders = new LinkedHashMap<>();
        partHeaders.put("Content-Type", contentType);
        partHeaders.put("Content-Transfer-Encoding", "binary");
        partHeaders.put("X-Experience-API-Hash", Sha2.digest("SHA-256", content));
        return part(partHeaders, content);
    }

    public MultipartBodies part(Map<String, String> partHeaders, byte[] content) {
        headers.add(new LinkedHashMap<>(partHeaders));
        contents.add(content);
        return this;
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < contents.size(); i++) {
            StringBuilder head = new StringBuilder(i == 0 ? "" : "\r\n").append("--").append(BOUNDARY).append("\r\n");
            headers.get(i).forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            out.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(contents.get(i));
        }
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    public static String sha256(String text) {
        return Sha2.digest("SHA-256", text.getBytes(StandardCharsets.UTF_8));
    }
}
