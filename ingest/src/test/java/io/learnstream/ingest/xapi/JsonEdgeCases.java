package io.learnstream.ingest.xapi;

import java.util.stream.Stream;

/** JSON that tries a writer's escaping, number forms and ordering: what {@link CompactJson} must write as Jackson does. */
final class JsonEdgeCases {
    private JsonEdgeCases() {}

    static Stream<String> documents() {
        return Stream.of(
                // escapes: quotes, backslashes, every control character Jackson writes short or as \\u00XX, DEL, slash
                "{\"actor\":{\"name\":\"say \\\"hi\\\" \\\\ o/ \\b\\f\\n\\r\\t \\u0000\\u0001\\u001f \\u007f\"}}",
                // non-ASCII: Latin-1, other planes of the BMP and a pair of surrogates (an emoji)
                "{\"verb\":{\"display\":{\"fr-FR\":\"a répondu\",\"ja-JP\":\"回答した\",\"und\":\"\\ud83d\\ude00 ok\"}}}",
                // unpaired surrogates, which JSON lets through
                "{\"x\":\"a\\ud800b\\udc00\",\"\\udbff\":1}",
                // numbers as JSON has them: integers, longs, big integers, fractions, exponents, negatives, zero
                "{\"result\":{\"score\":{\"raw\":3,\"min\":-2147483649,\"max\":123456789012345678901234567890,\"scaled\":-0.0}}}",
                "{\"result\":{\"score\":{\"raw\":1.0E-7,\"min\":0.1,\"max\":12345.678e3,\"scaled\":1}},\"x\":[1e300,-1.5E-300,0]}",
                // booleans, nulls, empty containers, nesting, arrays of objects
                "{\"result\":{\"success\":false,\"completion\":true,\"extensions\":{}},\"a\":[],\"b\":[null,[{}],[[1,2],{\"z\":1,\"a\":2}]]}",
                // keys that sort apart by UTF-16 code unit (as TreeMap sorts them): capitals before lower case, non-ASCII last
                "{\"b\":1,\"B\":2,\"é\":3,\"e\":4,\"_\":5,\"10\":6,\"9\":7,\"\":8}");
    }
}
