package io.learnstream.ingest.http;

import io.javalin.http.Context;
import io.learnstream.ingest.xapi.XapiVersion;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** {@code GET /xAPI/about}: the xAPI versions this LRS speaks. Needs neither credentials nor a version header. */
final class AboutResource {
    private static final List<String> VERSIONS = Arrays.stream(XapiVersion.values()).map(XapiVersion::header).toList();

    void get(Context ctx) {
        ctx.header(XapiVersion.HEADER, XapiVersion.negotiate(ctx.header(XapiVersion.HEADER)).orElse(XapiVersion.V1_0_3).header());
        ctx.json(Map.of("version", VERSIONS, "extensions", Map.of("https://learnstream.io/xapi/extensions/product", "learnstream")));
    }
}
