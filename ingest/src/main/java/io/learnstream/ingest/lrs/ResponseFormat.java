package io.learnstream.ingest.lrs;

import java.util.Locale;

/** The {@code format} parameter of GET statements: how much of Agents, Groups, Activities and Verbs to return. */
public enum ResponseFormat {
    /** Only what identifies each Agent, Group, Activity and Verb. */
    IDS,
    /** Everything as the statement was received (the default). */
    EXACT,
    /** As received, but each language map of Activities and Verbs reduced to the one language the caller prefers. */
    CANONICAL;

    /** The parameter value naming this format. */
    public String parameterValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ResponseFormat parse(String value) {
        for (ResponseFormat format : values()) {
            if (format.parameterValue().equals(value)) return format;
        }
        throw new StatementQueryException("format", "must be ids, exact or canonical, got '" + value + "'");
    }
}
