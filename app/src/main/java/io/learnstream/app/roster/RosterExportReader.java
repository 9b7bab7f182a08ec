package io.learnstream.app.roster;

import io.learnstream.schemas.avro.RosterAcademicSession;
import io.learnstream.schemas.avro.RosterClass;
import io.learnstream.schemas.avro.RosterCourse;
import io.learnstream.schemas.avro.RosterEnrollment;
import io.learnstream.schemas.avro.RosterLineItem;
import io.learnstream.schemas.avro.RosterOrg;
import io.learnstream.schemas.avro.RosterRole;
import io.learnstream.schemas.avro.RosterUser;
import io.learnstream.schemas.avro.RosterUserId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a OneRoster 1.2 CSV export directory (its {@code manifest.csv} and the files it names) into a
 * {@link RosterChangeSet}, checking all of it before anything is published, so that a bad export changes nothing:
 * <ul>
 *   <li>each file's required columns are in its header, required fields are filled, vocabularies (org, session,
 *       role types) hold, dates are {@code YYYY-MM-DD} and date-times ISO 8601 with their offset;</li>
 *   <li>no sourcedId is twice in one file;</li>
 *   <li>references resolve: a reference to a kind whose file is {@code bulk} in this import must name one of its
 *       records (a bulk file lists them all); one to a kind given as {@code delta} or {@code absent} may name a record
 *       imported before, so it is accepted unknown; one to a record this import deletes is refused either way;</li>
 *   <li>{@code tobedeleted} rows are only in delta files; they need only their sourcedId.</li>
 * </ul>
 * Roles: a {@code users.csv} of OneRoster 1.1's shape ({@code role}, {@code orgSourcedIds}) gives each user its role at
 * those orgs; a {@code roles.csv} (1.2) adds its rows to the users of the same import, whose {@code users.csv} must list
 * them (a user record is written whole, so a role cannot be changed without its user). Columns not named here are
 * ignored. Every failure is an {@link IllegalArgumentException} naming the file, line and column.
 */
public final class RosterExportReader {
    static final Set<String> ORG_TYPES = Set.of("department", "school", "district", "local", "state", "national");
    static final Set<String> SESSION_TYPES = Set.of("gradingPeriod", "semester", "schoolYear", "term");
    static final Set<String> CLASS_TYPES = Set.of("homeroom", "scheduled");
    static final Set<String> ENROLLMENT_ROLES = Set.of("administrator", "proctor", "student", "teacher");
    /** OneRoster 1.2's roles, and 1.1's {@code administrator}. */
    static final Set<String> USER_ROLES = Set.of("administrator", "aide", "counselor", "districtAdministrator", "guardian", "parent",
            "principal", "proctor", "relative", "siteAdministrator", "student", "systemAdministrator", "teacher");
    static final Set<String> ROLE_TYPES = Set.of("primary", "secondary");
    static final Set<String> STATUSES = Set.of("active", "tobedeleted");
    static final String ROLES_FILE = "roles.csv";
    private static final Pattern USER_ID = Pattern.compile("\\s*\\{([^{}:]+):([^{}]+)\\}\\s*");

    private final Path dir;
    private final String district;
    private final Instant importedTime;
    private final RosterManifest manifest;
    private final List<Reference> references = new ArrayList<>();

    /** A sourcedId one row names of another record, checked once every file is read. */
    private record Reference(RosterRow row, String column, RosterKind target, String id) {}

    private RosterExportReader(Path dir, String district, Instant importedTime, RosterManifest manifest) {
        this.dir = dir;
        this.district = district;
        this.importedTime = importedTime;
        this.manifest = manifest;
    }

    /** Reads and checks the export in {@code dir} for {@code district}; its records carry {@code importedTime}. */
    public static RosterChangeSet read(Path dir, String district, Instant importedTime) throws IOException {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException(dir + " is not a directory (a OneRoster CSV export is one)");
        return new RosterExportReader(dir, district, importedTime, RosterManifest.read(dir)).read();
    }

    private RosterChangeSet read() throws IOException {
        KindChanges<RosterOrg> orgs = readKind(RosterKind.ORGS, List.of("sourcedId", "name", "type"), this::org);
        KindChanges<RosterAcademicSession> sessions = readKind(RosterKind.ACADEMIC_SESSIONS,
                List.of("sourcedId", "title", "type", "startDate", "endDate"), this::academicSession);
        KindChanges<RosterCourse> courses = readKind(RosterKind.COURSES, List.of("sourcedId", "title", "orgSourcedId"), this::course);
        KindChanges<RosterClass> classes = readKind(RosterKind.CLASSES,
                List.of("sourcedId", "title", "courseSourcedId", "schoolSourcedId", "termSourcedIds"), this::rosterClass);
        KindChanges<RosterUser> users = readKind(RosterKind.USERS,
                List.of("sourcedId", "enabledUser", "username", "givenName", "familyName"), this::user);
        readRoles(users);
        KindChanges<RosterEnrollment> enrollments = readKind(RosterKind.ENROLLMENTS,
                List.of("sourcedId", "classSourcedId", "schoolSourcedId", "userSourcedId", "role"), this::enrollment);
        KindChanges<RosterLineItem> lineItems = readKind(RosterKind.LINE_ITEMS,
                List.of("sourcedId", "title", "assignDate", "dueDate", "classSourcedId"), this::lineItem);
        RosterChangeSet changes = new RosterChangeSet(district, importedTime, orgs, sessions, courses, classes, users, enrollments, lineItems);
        checkReferences(changes);
        return changes;
    }

    private <V> KindChanges<V> readKind(RosterKind kind, List<String> requiredColumns, Function<RosterRow, V> toRecord) throws IOException {
        FileMode mode = manifest.mode(kind);
        if (mode == FileMode.ABSENT) return KindChanges.absent(kind);
        Map<String, V> records = new LinkedHashMap<>();
        Set<String> deletions = new LinkedHashSet<>();
        Map<String, Long> firstLines = new HashMap<>();
        for (RosterRow row : rows(kind.fileName(), kind.manifestProperty(), mode, requiredColumns)) {
            String sourcedId = sourcedId(row, firstLines);
            if (toBeDeleted(row, mode)) deletions.add(sourcedId);
            else records.put(sourcedId, toRecord.apply(row));
        }
        return new KindChanges<>(kind, mode, records, deletions);
    }

    private List<RosterRow> rows(String fileName, String property, FileMode mode, List<String> requiredColumns) throws IOException {
        Path file = dir.resolve(fileName);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(RosterManifest.FILE_NAME + " gives " + property + " as " + mode.manifestValue()
                    + ", but " + dir + " has no " + fileName);
        }
        return RosterCsv.read(file, fileName, requiredColumns);
    }

    private static String sourcedId(RosterRow row, Map<String, Long> firstLines) {
        String sourcedId = row.required("sourcedId");
        Long first = firstLines.putIfAbsent(sourcedId, row.line());
        if (first != null) throw row.error("sourcedId", "duplicate sourcedId '" + sourcedId + "' (first on line " + first + ")");
        return sourcedId;
    }

    /** Whether the row removes its record; also checks the status and dateLastModified columns. */
    private static boolean toBeDeleted(RosterRow row, FileMode mode) {
        String status = row.oneOf("status", STATUSES, mode == FileMode.DELTA);
        row.dateTime("dateLastModified", false);
        boolean deleted = "tobedeleted".equals(status);
        if (deleted && mode == FileMode.BULK) {
            throw row.error("status", "tobedeleted is for delta files; a bulk file lists what exists (what it leaves out is removed)");
        }
        return deleted;
    }

    private RosterOrg org(RosterRow row) {
        return RosterOrg.newBuilder().setTenantId(district).setSourcedId(row.required("sourcedId"))
                .setName(row.required("name"))
                .setType(row.oneOf("type", ORG_TYPES, true))
                .setParentSourcedId(reference(row, "parentSourcedId", RosterKind.ORGS))
                .setImportedTime(importedTime).build();
    }

    private RosterAcademicSession academicSession(RosterRow row) {
        LocalDate start = row.date("startDate", true);
        LocalDate end = row.date("endDate", true);
        if (end.isBefore(start)) throw row.error("endDate", "must not be before startDate (" + start + "), was " + end);
        return RosterAcademicSession.newBuilder().setTenantId(district).setSourcedId(row.required("sourcedId"))
                .setTitle(row.required("title"))
                .setType(row.oneOf("type", SESSION_TYPES, true))
                .setStartDate(start).setEndDate(end)
                .setParentSourcedId(reference(row, "parentSourcedId", RosterKind.ACADEMIC_SESSIONS))
                .setImportedTime(importedTime).build();
    }

    private RosterCourse course(RosterRow row) {
        return RosterCourse.newBuilder().setTenantId(district).setSourcedId(row.required("sourcedId"))
                .setTitle(row.required("title"))
                .setCourseCode(row.optional("courseCode"))
                .setOrgSourcedId(requiredReference(row, "orgSourcedId", RosterKind.ORGS))
                .setImportedTime(importedTime).build();
    }

    private RosterClass rosterClass(RosterRow row) {
        row.oneOf("classType", CLASS_TYPES, false);
        List<String> terms = row.list("termSourcedIds", true);
        for (String term : terms) references.add(new Reference(row, "termSourcedIds", RosterKind.ACADEMIC_SESSIONS, term));
        return RosterClass.newBuilder().setTenantId(district).setSourcedId(row.required("sourcedId"))
                .setTitle(row.required("title"))
                .setClassCode(row.optional("classCode"))
                .setCourseSourcedId(requiredReference(row, "courseSourcedId", RosterKind.COURSES))
                .setSchoolSourcedId(requiredReference(row, "schoolSourcedId", RosterKind.ORGS))
                .setTermSourcedIds(terms)
                .setGrades(row.list("grades", false))
                .setImportedTime(importedTime).build();
    }

    private RosterUser user(RosterRow row) {
        List<RosterRole> roles = new ArrayList<>();
        String role = row.oneOf("role", USER_ROLES, false);
        List<String> orgs = row.list("orgSourcedIds", false);
        for (String org : orgs) references.add(new Reference(row, "orgSourcedIds", RosterKind.ORGS, org));
        if (role != null && orgs.isEmpty()) roles.add(new RosterRole(role, "primary", null));
        if (role != null) for (String org : orgs) roles.add(new RosterRole(role, "primary", org));
        return RosterUser.newBuilder().setTenantId(district).setSourcedId(row.required("sourcedId"))
                .setEnabledUser(row.bool("enabledUser", true, true))
                .setUsername(row.required("username"))
                .setUserIds(userIds(row))
                .setIdentifier(row.optional("identifier"))
                .setEmail(row.optional("email"))
                .setGivenName(row.required("givenName"))
                .setFamilyName(row.required("familyName"))
                .setRoles(roles)
                .setPrimaryOrgSourcedId(reference(row, "primaryOrgSourcedId", RosterKind.ORGS))
                .setImportedTime(importedTime).build();
    }

    /** OneRoster's {@code {type:identifier}} list, e.g. {@code {LDAP:ann.lee},{LTI:8f3c}}. */
    private static List<RosterUserId> userIds(RosterRow row) {
        String value = row.optional("userIds");
        List<RosterUserId> ids = new ArrayList<>();
        if (value == null) return ids;
        Matcher matcher = USER_ID.matcher(value);
        int at = 0;
        while (at < value.length()) {
            if (!matcher.find(at) || matcher.start() != at) {
                throw row.error("userIds", "must be a comma-separated list of {type:identifier}, was '" + value + "'");
            }
            ids.add(new RosterUserId(matcher.group(1).strip(), matcher.group(2).strip()));
            at = matcher.end();
            if (at < value.length() && value.charAt(at) == ',') at++;
        }
        return ids;
    }

    /** Adds the rows of roles.csv to the users of this import. */
    private void readRoles(KindChanges<RosterUser> users) throws IOException {
        FileMode mode = manifest.roles();
        if (mode == FileMode.ABSENT) return;
        Map<String, Long> firstLines = new HashMap<>();
        for (RosterRow row : rows(ROLES_FILE, RosterManifest.ROLES_PROPERTY, mode,
                List.of("sourcedId", "userSourcedId", "roleType", "role", "orgSourcedId"))) {
            sourcedId(row, firstLines);
            if (toBeDeleted(row, mode)) continue; // the user's record is rewritten with the roles listed
            String userId = row.required("userSourcedId");
            RosterUser user = users.records().get(userId);
            if (user == null) {
                throw row.error("userSourcedId", "user '" + userId + "' is not in users.csv of this import (a role is imported with its user)");
            }
            String org = requiredReference(row, "orgSourcedId", RosterKind.ORGS);
            row.date("beginDate", false);
            row.date("endDate", false);
            user.getRoles().add(new RosterRole(row.oneOf("role", USER_ROLES, true), row.oneOf("roleType", ROLE_TYPES, true), org));
        }
    }

    private RosterEnrollment enrollment(RosterRow row) {
        LocalDate begin = row.date("beginDate", false);
        LocalDate end = row.date("endDate", false);
        if (begin != null && end != null && end.isBefore(begin)) {
            throw row.error("endDate", "must not be before beginDate (" + begin + "), was " + end);
        }
        return RosterEnrollment.newBuilder().setTenantId(district).setSourcedId(row.required("sourcedId"))
                .setClassSourcedId(requiredReference(row, "classSourcedId", RosterKind.CLASSES))
                .setUserSourcedId(requiredReference(row, "userSourcedId", RosterKind.USERS))
                .setSchoolSourcedId(requiredReference(row, "schoolSourcedId", RosterKind.ORGS))
                .setRole(row.oneOf("role", ENROLLMENT_ROLES, true))
                .setPrimary(row.bool("primary", false, false))
                .setBeginDate(begin).setEndDate(end)
                .setImportedTime(importedTime).build();
    }

    private RosterLineItem lineItem(RosterRow row) {
        Instant assigned = row.dateTime("assignDate", true);
        Instant due = row.dateTime("dueDate", true);
        if (due.isBefore(assigned)) throw row.error("dueDate", "must not be before assignDate (" + assigned + "), was " + due);
        Double min = row.decimal("resultValueMin");
        Double max = row.decimal("resultValueMax");
        if (min != null && max != null && max < min) throw row.error("resultValueMax", "must not be below resultValueMin (" + min + "), was " + max);
        reference(row, "gradingPeriodSourcedId", RosterKind.ACADEMIC_SESSIONS);
        reference(row, "schoolSourcedId", RosterKind.ORGS);
        return RosterLineItem.newBuilder().setTenantId(district).setSourcedId(row.required("sourcedId"))
                .setClassSourcedId(requiredReference(row, "classSourcedId", RosterKind.CLASSES))
                .setTitle(row.required("title"))
                .setAssignDate(assigned).setDueDate(due)
                .setResultValueMin(min).setResultValueMax(max)
                .setImportedTime(importedTime).build();
    }

    private String requiredReference(RosterRow row, String column, RosterKind target) {
        String id = row.required(column);
        references.add(new Reference(row, column, target, id));
        return id;
    }

    private String reference(RosterRow row, String column, RosterKind target) {
        String id = row.optional(column);
        if (id != null) references.add(new Reference(row, column, target, id));
        return id;
    }

    private void checkReferences(RosterChangeSet changes) {
        for (Reference reference : references) {
            KindChanges<?> target = changes.of(reference.target());
            String what = reference.target().singular() + " '" + reference.id() + "'";
            if (target.deletions().contains(reference.id())) {
                throw reference.row().error(reference.column(), what + " is tobedeleted in " + reference.target().fileName());
            }
            if (target.mode() == FileMode.BULK && !target.records().containsKey(reference.id())) {
                throw reference.row().error(reference.column(), "no " + what + " in " + reference.target().fileName()
                        + " (a bulk file lists every " + reference.target().singular() + ")");
            }
        }
    }
}
