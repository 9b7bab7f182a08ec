package io.learnstream.ingest.xapi;

/**
 * A statement broke a rule of the xAPI data model. Carries the JSON path of the offending property
 * (e.g. {@code statements[3].actor.mbox}) and the rule in words, so the tool's developer can fix it.
 */
public final class StatementRejectedException extends RuntimeException {
    private final String path;
    private final String rule;

    public StatementRejectedException(String path, String rule) {
        super(path + ": " + rule);
        this.path = path;
        this.rule = rule;
    }

    public String path() {
        return path;
    }

    public String rule() {
        return rule;
    }

    /** The same rejection seen from an enclosing document, e.g. the index of the statement in a batch. */
    public StatementRejectedException under(String prefix) {
        return new StatementRejectedException(path.isEmpty() ? prefix : prefix + "." + path, rule);
    }
}
