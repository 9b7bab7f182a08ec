package io.learnstream.ingest;

/** A statement id the district already has, with other content: xAPI answers 409 Conflict. */
public final class StatementConflictException extends RuntimeException {
    private final String statementId;

    public StatementConflictException(String statementId) {
        super("statement " + statementId + " already exists with different content; a statement id can be stored only once");
        this.statementId = statementId;
    }

    public String statementId() {
        return statementId;
    }
}
