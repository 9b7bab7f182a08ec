package io.learnstream.ingest.xapi;

import java.util.Optional;

/**
 * The xAPI versions this LRS speaks, chosen by the request's {@code X-Experience-API-Version} header.
 * 1.0.x is answered as 1.0.3 and 2.0.x as 2.0.0; anything else is refused.
 */
public enum XapiVersion {
    V1_0_3("1.0.3", "1.0.0"),
    V2_0_0("2.0.0", "2.0.0");

    public static final String HEADER = "X-Experience-API-Version";

    private final String header;
    private final String statementVersion;

    XapiVersion(String header, String statementVersion) {
        this.header = header;
        this.statementVersion = statementVersion;
    }

    /** What the LRS writes into a statement's {@code version} when the statement has none. */
    public String statementVersion() {
        return statementVersion;
    }

    public String header() {
        return header;
    }

    /**
     * The version a setting names, exactly as the header carries it ({@code 1.0.3} or {@code 2.0.0}).
     *
     * @throws IllegalArgumentException naming {@code setting} and the versions allowed, for anything else
     */
    public static XapiVersion ofSetting(String setting, String value) {
        for (XapiVersion version : values()) {
            if (value != null && version.header.equals(value.trim())) return version;
        }
        throw new IllegalArgumentException(setting + " must be one of " + java.util.Arrays.stream(values()).map(XapiVersion::header).toList()
                + ", got '" + value + "'");
    }

    /** The version a request header asks for, or empty when it names one this LRS does not speak. */
    public static Optional<XapiVersion> negotiate(String requested) {
        if (requested == null) return Optional.empty();
        String v = requested.trim();
        if (v.equals("1.0") || v.matches("1\\.0\\.\\d+")) return Optional.of(V1_0_3);
        if (v.equals("2.0") || v.matches("2\\.0\\.\\d+")) return Optional.of(V2_0_0);
        return Optional.empty();
    }
}
