package io.learnstream.ingest.lrs;

/**
 * A GET request to the statement (or activities) resource carried a parameter this LRS cannot accept: answered with
 * {@code 400 Bad Request}. Names the parameter and the rule it broke, so the caller can fix the request.
 */
public final class StatementQueryException extends RuntimeException {
    private final String parameter;
    private final String rule;

    public StatementQueryException(String parameter, String rule) {
        super(parameter + ": " + rule);
        this.parameter = parameter;
        this.rule = rule;
    }

    /** The query parameter at fault, e.g. {@code since}. */
    public String parameter() {
        return parameter;
    }

    /** The rule it broke, in words. */
    public String rule() {
        return rule;
    }
}
