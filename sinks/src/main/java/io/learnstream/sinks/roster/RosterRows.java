package io.learnstream.sinks.roster;

import io.learnstream.schemas.avro.RosterClass;
import io.learnstream.schemas.avro.RosterEnrollment;
import io.learnstream.schemas.avro.RosterOrg;
import io.learnstream.sinks.kafka.RowMapper;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A compacted roster topic's records (keyed {@code <tenant>/<sourcedId>}) as rows of its {@code roster_*_versions}
 * table: {@code version} is the Kafka offset (a record's versions share a partition, the latest written wins), and a
 * tombstone is a row with {@code deleted = 1} and blank fields, which the table's {@code ReplacingMergeTree(version,
 * deleted)} and the view leave out. One instance per table: {@link #orgs}, {@link #classes}, {@link #enrollments}.
 *
 * @param <V> the roster record
 */
public final class RosterRows<V> implements RowMapper<String, V> {
    public static final String ORGS_TABLE = "roster_orgs_versions";
    public static final String CLASSES_TABLE = "roster_classes_versions";
    public static final String ENROLLMENTS_TABLE = "roster_enrollments_versions";
    private static final List<String> TRAILING = List.of("imported_time", "deleted", "version", "updated_at");

    private final String table;
    private final List<String> columns;
    private final List<Object> blankFields;
    private final Function<V, String> tenant;
    private final Function<V, String> sourcedId;
    private final Function<V, List<Object>> fields;
    private final Function<V, Instant> imported;
    private final Clock clock;

    private RosterRows(String table, String idColumn, List<String> fieldColumns, List<Object> blankFields, Function<V, String> tenant,
            Function<V, String> sourcedId, Function<V, List<Object>> fields, Function<V, Instant> imported, Clock clock) {
        if (fieldColumns.size() != blankFields.size()) throw new IllegalArgumentException("one blank value per field column of " + table);
        this.table = table;
        List<String> all = new ArrayList<>(List.of("tenant_id", idColumn));
        all.addAll(fieldColumns);
        all.addAll(TRAILING);
        this.columns = List.copyOf(all);
        this.blankFields = blankFields;
        this.tenant = tenant;
        this.sourcedId = sourcedId;
        this.fields = fields;
        this.imported = imported;
        this.clock = clock;
    }

    /** {@code learnstream.roster-orgs} into {@code roster_orgs_versions}. */
    public static RosterRows<RosterOrg> orgs(Clock clock) {
        return new RosterRows<>(ORGS_TABLE, "sourced_id", List.of("name", "type", "parent_sourced_id"), List.of("", "", ""),
                RosterOrg::getTenantId, RosterOrg::getSourcedId,
                org -> List.of(org.getName(), org.getType(), Objects.requireNonNullElse(org.getParentSourcedId(), "")),
                RosterOrg::getImportedTime, clock);
    }

    /** {@code learnstream.roster-classes} into {@code roster_classes_versions}, with the class's school and grades. */
    public static RosterRows<RosterClass> classes(Clock clock) {
        return new RosterRows<>(CLASSES_TABLE, "class_id", List.of("title", "class_code", "course_id", "school_id", "term_ids", "grades"),
                List.of("", "", "", "", List.of(), List.of()),
                RosterClass::getTenantId, RosterClass::getSourcedId,
                rosterClass -> List.of(rosterClass.getTitle(), Objects.requireNonNullElse(rosterClass.getClassCode(), ""),
                        rosterClass.getCourseSourcedId(), rosterClass.getSchoolSourcedId(), rosterClass.getTermSourcedIds(),
                        rosterClass.getGrades()),
                RosterClass::getImportedTime, clock);
    }

    /** {@code learnstream.roster-enrollments} into {@code roster_enrollments_versions}. */
    public static RosterRows<RosterEnrollment> enrollments(Clock clock) {
        return new RosterRows<>(ENROLLMENTS_TABLE, "sourced_id",
                List.of("class_id", "user_sourced_id", "school_id", "role", "is_primary", "begin_date", "end_date"),
                Arrays.asList("", "", "", "", 0, null, null),
                RosterEnrollment::getTenantId, RosterEnrollment::getSourcedId,
                enrollment -> Arrays.asList(enrollment.getClassSourcedId(), enrollment.getUserSourcedId(), enrollment.getSchoolSourcedId(),
                        enrollment.getRole(), enrollment.getPrimary() ? 1 : 0, enrollment.getBeginDate(), enrollment.getEndDate()),
                RosterEnrollment::getImportedTime, clock);
    }

    @Override
    public String table() {
        return table;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public List<Object> row(String key, V value, long offset) {
        return row(tenant.apply(value), sourcedId.apply(value), fields.apply(value), imported.apply(value), false, offset);
    }

    /** The removal of the record of {@code key}: its district and sourcedId from the key, blank fields, {@code deleted = 1}. */
    @Override
    public Optional<List<Object>> tombstone(String key, long offset) {
        int slash = key == null ? -1 : key.indexOf('/');
        if (slash <= 0 || slash == key.length() - 1) {
            throw new IllegalArgumentException("a tombstone of " + table + " needs the key <tenant>/<sourcedId>, was '" + key + "'");
        }
        return Optional.of(row(key.substring(0, slash), key.substring(slash + 1), blankFields, Instant.EPOCH, true, offset));
    }

    private List<Object> row(String tenantId, String id, List<Object> values, Instant importedTime, boolean deleted, long offset) {
        List<Object> row = new ArrayList<>(columns.size());
        row.add(tenantId);
        row.add(id);
        row.addAll(values);
        row.add(importedTime);
        row.add(deleted ? 1 : 0);
        row.add(offset);
        row.add(clock.instant());
        return row;
    }
}
