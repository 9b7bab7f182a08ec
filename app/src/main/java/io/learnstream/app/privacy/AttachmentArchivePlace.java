package io.learnstream.app.privacy;

import io.learnstream.sinks.lrs.SqlLiteral;
import io.learnstream.sinks.spi.ColumnStore;

/** The attachment archive ({@code xapi_attachments}): the data only the student's statements referenced. */
public final class AttachmentArchivePlace implements StudentDataPlace {
    static final String TABLE = "xapi_attachments";

    private final ColumnStore store;

    public AttachmentArchivePlace(ColumnStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "table " + TABLE;
    }

    @Override
    public long erase(ErasureSubject subject) {
        if (subject.attachments().isEmpty()) return 0;
        return ColumnStoreDeletes.delete(store, TABLE, "tenant_id = " + SqlLiteral.string(subject.tenantId())
                + " AND sha2 IN " + SqlLiteral.stringList(subject.attachments()));
    }
}
