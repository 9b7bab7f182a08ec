package io.learnstream.app.roster;

import io.learnstream.schemas.avro.RosterAcademicSession;
import io.learnstream.schemas.avro.RosterClass;
import io.learnstream.schemas.avro.RosterCourse;
import io.learnstream.schemas.avro.RosterEnrollment;
import io.learnstream.schemas.avro.RosterLineItem;
import io.learnstream.schemas.avro.RosterOrg;
import io.learnstream.schemas.avro.RosterUser;
import java.time.Instant;
import java.util.List;

/**
 * A whole OneRoster export of one district, read and validated, ready to publish: nothing of it has been written
 * yet. One typed field per kind, so each goes to its own typed topic.
 *
 * @param district the district the export is imported for
 * @param importedTime the time the records carry as their {@code importedTime}
 */
public record RosterChangeSet(
        String district,
        Instant importedTime,
        KindChanges<RosterOrg> orgs,
        KindChanges<RosterAcademicSession> academicSessions,
        KindChanges<RosterCourse> courses,
        KindChanges<RosterClass> classes,
        KindChanges<RosterUser> users,
        KindChanges<RosterEnrollment> enrollments,
        KindChanges<RosterLineItem> lineItems) {

    /** Every kind's changes, in {@link RosterKind} order. */
    public List<KindChanges<?>> all() {
        return List.of(orgs, academicSessions, courses, classes, users, enrollments, lineItems);
    }

    public KindChanges<?> of(RosterKind kind) {
        return all().get(kind.ordinal());
    }
}
