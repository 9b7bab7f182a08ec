package io.learnstream.ingest.attachments;

import java.util.Locale;
import org.apache.james.mime4j.stream.NameValuePair;
import org.apache.james.mime4j.stream.RawBody;
import org.apache.james.mime4j.stream.RawField;
import org.apache.james.mime4j.stream.RawFieldParser;

/** Reads {@code Content-Type} values (RFC 2045 syntax, parsed by mime4j): the media type and its parameters. */
final class MediaType {
    private MediaType() {}

    /** The {@code type/subtype} of a content type, lower case, without parameters ({@code ""} for none). */
    static String essence(String contentType) {
        if (contentType == null) return "";
        return parse(contentType).getValue().strip().toLowerCase(Locale.ROOT);
    }

    /** Whether two content types name the same {@code type/subtype} (parameters such as charset aside). */
    static boolean sameType(String a, String b) {
        return essence(a).equals(essence(b));
    }

    /** The value of parameter {@code name} (case-insensitive), or {@code null}. */
    static String parameter(String contentType, String name) {
        for (NameValuePair pair : parse(contentType).getParams()) {
            if (pair.getName().equalsIgnoreCase(name)) return pair.getValue();
        }
        return null;
    }

    private static RawBody parse(String contentType) {
        return RawFieldParser.DEFAULT.parseRawBody(new RawField("Content-Type", contentType));
    }
}
