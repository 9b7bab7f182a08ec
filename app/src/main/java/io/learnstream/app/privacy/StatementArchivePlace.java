package io.learnstream.app.privacy;

import io.learnstream.sinks.spi.ColumnStore;

/** The statement archive ({@code xapi_statements}): every statement whose actor or object agent is the student. */
public final class StatementArchivePlace implements StudentDataPlace {
    static final String TABLE = "xapi_statements";

    private final ColumnStore store;

    public StatementArchivePlace(ColumnStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "table " + TABLE;
    }

    @Override
    public long erase(ErasureSubject subject) {
        return ColumnStoreDeletes.delete(store, TABLE, ArchiveAgents.statementsOf(subject));
    }
}
