package io.learnstream.ingest.http;

import io.javalin.http.Context;
import io.learnstream.ingest.xapi.XapiVersion;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /xAPI/about}: the xAPI versions this LRS speaks. Needs neither credentials nor a version header. A
 * client that names a 1.0.x version is told of 1.0.3 only, since 1.0.3 allows nothing but 0.9, 0.95 and 1.0.x in that
 * list; any other client (naming 2.0.x or nothing) is told of every version.
 */
final class AboutResource {
    private static final List<String> VERSIONS = Arrays.stream(XapiVersion.values()).map(XapiVersion::header).toList();

    void get(Context ctx) {
        Optional<XapiVersion> requested = XapiVersion.negotiate(ctx.header(XapiVersion.HEADER));
        ctx.header(XapiVersion.HEADER, requested.orElse(XapiVersion.V1_0_3).header());
        List<String> versions = requested.filter(v -> v == XapiVersion.V1_0_3).map(v -> List.of(v.header())).orElse(VERSIONS);
        ctx.json(Map.of("version", versions, "extensions", Map.of("https://learnstream.io/xapi/extensions/product", "learnstream")));
    }
}
