package io.learnstream.app.privacy;

import io.learnstream.ingest.identity.StudentKeys;
import io.learnstream.sinks.lrs.SqlLiteral;
import io.learnstream.sinks.spi.ColumnStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Erases one student everywhere learnstream keeps them: resolves who the given id means, learns from the statement
 * archive the other identifiers (and so keys) the student was seen under and the attachment data only they sent, then
 * runs every {@link StudentDataPlace} and reports the counts. The archive's statements are looked at before any place
 * erases, so the order of places does not matter.
 */
public final class StudentEraser {
    private final StudentIdResolver resolver;
    private final ColumnStore store;
    private final List<StudentDataPlace> places;

    public StudentEraser(StudentIdResolver resolver, ColumnStore store, List<StudentDataPlace> places) {
        this.resolver = resolver;
        this.store = store;
        this.places = List.copyOf(places);
    }

    public ErasureReport erase(String tenantId, String studentId, StudentKeys keys) {
        ErasureSubject subject = expand(resolver.resolve(tenantId, studentId, keys), keys);
        List<ErasureReport.Removed> removed = new ArrayList<>();
        for (StudentDataPlace place : places) removed.add(new ErasureReport.Removed(place.name(), place.erase(subject)));
        return new ErasureReport(tenantId, subject.studentKeys().size(), removed);
    }

    /** The subject with every identifier of theirs in the archive and its key, and the attachments only they referenced. */
    ErasureSubject expand(ErasureSubject subject, StudentKeys keys) {
        String theirs = ArchiveAgents.statementsOf(subject);
        Set<String> moreIdentifiers = new TreeSet<>();
        Set<String> moreKeys = new TreeSet<>();
        for (String identifier : store.query("SELECT DISTINCT arrayJoin(arrayFilter(a -> " + ArchiveAgents.isSubject(subject)
                + ", agents)) AS a FROM " + TableRowsPlace.STATEMENTS + " WHERE " + theirs).column("a")) {
            moreIdentifiers.add(identifier);
            moreKeys.add(keys.studentKey(identifier));
        }
        Set<String> attachments = new TreeSet<>(store.query(ArchiveAgents.attachmentsOf(theirs)).column("sha2"));
        attachments.remove("");
        if (!attachments.isEmpty()) {
            String others = "tenant_id = " + SqlLiteral.string(subject.tenantId()) + " AND NOT (" + theirs + ")";
            attachments.removeAll(store.query(ArchiveAgents.attachmentsOf(others)).column("sha2"));
        }
        return subject.expandedBy(moreIdentifiers, moreKeys, attachments);
    }
}
