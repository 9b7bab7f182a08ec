package io.learnstream.ingest.http;

import io.javalin.http.Context;
import io.learnstream.ingest.xapi.XapiVersion;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /xAPI/about}: the xAPI versions this LRS speaks. Needs neither credentials nor a version header. A
 * client answered as 1.0.3 (it names a 1.0.x version, or names none and 1.0.3 is the LRS's default) is told of 1.0.3
 * only, since 1.0.3 allows nothing but 0.9, 0.95 and 1.0.x in that list; any other client is told of every version.
 * The answer's version header is the one negotiated, or the LRS's default for a client that names none.
 */
final class AboutResource {
    private static final List<String> VERSIONS = Arrays.stream(XapiVersion.values()).map(XapiVersion::header).toList();

    private final XapiVersion defaultVersion;

    AboutResource(XapiVersion defaultVersion) {
        this.defaultVersion = defaultVersion;
    }

    void get(Context ctx) {
        Optional<XapiVersion> requested = XapiVersion.negotiate(ctx.header(XapiVersion.HEADER));
        XapiVersion answered = requested.orElse(defaultVersion);
        ctx.header(XapiVersion.HEADER, answered.header());
        List<String> versions = answered == XapiVersion.V1_0_3 ? List.of(answered.header()) : VERSIONS;
        ctx.json(Map.of("version", versions, "extensions", Map.of("https://learnstream.io/xapi/extensions/product", "learnstream")));
    }
}
