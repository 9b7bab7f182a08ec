package io.learnstream.sinks.roster;

import io.learnstream.schemas.avro.RosterClass;
import io.learnstream.schemas.avro.RosterEnrollment;
import io.learnstream.schemas.avro.RosterOrg;
import io.learnstream.sinks.kafka.RowMapper;
import io.learnstream.sinks.spi.ColumnStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Roster records as the specs need them, written as the roster sinks write them (a tombstone for a null value). */
public final class RosterRecords {
    public static final Instant IMPORTED = Instant.parse("2026-08-20T06:00:00Z");
    public static final Clock SINK_CLOCK = Clock.fixed(Instant.parse("2026-08-20T06:00:01Z"), ZoneOffset.UTC);

    private RosterRecords() {}

    public static RosterOrg school(String tenant, String id, String name) {
        return RosterOrg.newBuilder().setTenantId(tenant).setSourcedId(id).setName(name).setType("school")
                .setParentSourcedId(tenant).setImportedTime(IMPORTED).build();
    }

    public static RosterClass rosterClass(String tenant, String id, String title, String school, List<String> grades) {
        return RosterClass.newBuilder().setTenantId(tenant).setSourcedId(id).setTitle(title).setCourseSourcedId("course-" + id)
                .setSchoolSourcedId(school).setTermSourcedIds(List.of("term-2026-08-24")).setGrades(grades).setImportedTime(IMPORTED).build();
    }

    public static RosterEnrollment teacher(String tenant, String id, String classId, String user, String school, boolean primary) {
        return RosterEnrollment.newBuilder().setTenantId(tenant).setSourcedId(id).setClassSourcedId(classId).setUserSourcedId(user)
                .setSchoolSourcedId(school).setRole("teacher").setPrimary(primary).setImportedTime(IMPORTED).build();
    }

    /** Writes the record of {@code key} at {@code offset}, or its tombstone when {@code value} is null. */
    public static <V> void write(ColumnStore store, RowMapper<String, V> rows, String key, V value, long offset) {
        List<Object> row = value == null ? rows.tombstone(key, offset).orElseThrow() : rows.row(key, value, offset);
        store.insert(rows.table(), rows.columns(), List.of(row));
    }
}
