package io.learnstream.app.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnstream.schemas.avro.RosterClass;
import io.learnstream.schemas.avro.RosterEnrollment;
import io.learnstream.schemas.avro.RosterLineItem;
import io.learnstream.schemas.avro.RosterRole;
import io.learnstream.schemas.avro.RosterUser;
import io.learnstream.schemas.avro.RosterUserId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterExportReaderTest {
    private static final Instant NOW = Instant.parse("2025-09-01T12:00:00Z");
    private static final String ORGS = """
            sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId
            riverside,,,Riverside School District,district,,
            northside,,,Northside Middle School,school,,riverside
            """;
    private static final String SESSIONS = """
            sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear
            fall-2025,,,Fall 2025,term,2025-08-25,2025-12-19,,2026
            """;
    private static final String COURSES = """
            sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,orgSourcedId,subjects
            math-7,,,,Mathematics 7,M7,07,northside,Mathematics
            """;
    private static final String CLASSES = """
            sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,location,schoolSourcedId,termSourcedIds,subjects
            northside-math-7-2,,,"Mathematics 7, section 2",07,math-7,M7-2,scheduled,Room 12,northside,fall-2025,Mathematics
            """;
    private static final String USERS = """
            sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredFirstName,preferredMiddleName,preferredLastName,primaryOrgSourcedId,pronouns
            100042,,,true,ann.lee,"{SIS:100042},{LDAP:alee}",Ann,Lee,,100042,ann.lee@example.org,,,,07,,,,,,,northside,
            T0007,,,true,bo.chen,,Bo,Chen,,T0007,,,,,,,,,,,,northside,
            """;
    private static final String ROLES = """
            sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId
            r1,,,100042,primary,student,2025-08-25,,northside,
            r2,,,T0007,primary,teacher,,,northside,
            """;
    private static final String ENROLLMENTS = """
            sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate
            e1,,,northside-math-7-2,northside,100042,student,false,2025-08-25,2025-12-19
            e2,,,northside-math-7-2,northside,T0007,teacher,true,,
            """;
    private static final String LINE_ITEMS = """
            sourcedId,status,dateLastModified,title,description,assignDate,dueDate,classSourcedId,categorySourcedId,gradingPeriodSourcedId,resultValueMin,resultValueMax,schoolSourcedId
            quiz-1,,,Fractions quiz,,2025-09-15,2025-09-19T23:59:00Z,northside-math-7-2,,,0,100,northside
            """;

    @TempDir
    Path dir;

    @Test
    void shouldReadEveryKindOfABulkExportWithTheColumnsAnalyticsNeed() throws Exception {
        // given a whole bulk export, users' roles in roles.csv as OneRoster 1.2 puts them
        givenBulkExport();

        // when it is read
        RosterChangeSet changes = RosterExportReader.read(dir, "riverside", NOW);

        // then every row is one record of its kind, with the district and the import time
        assertThat(changes.orgs().records()).containsOnlyKeys("riverside", "northside");
        assertThat(changes.orgs().records().get("northside").getParentSourcedId()).isEqualTo("riverside");
        assertThat(changes.academicSessions().records().get("fall-2025").getEndDate()).isEqualTo(LocalDate.of(2025, 12, 19));
        assertThat(changes.courses().records().get("math-7").getOrgSourcedId()).isEqualTo("northside");
        RosterClass rosterClass = changes.classes().records().get("northside-math-7-2");
        assertThat(rosterClass.getTitle()).isEqualTo("Mathematics 7, section 2");
        assertThat(rosterClass.getTermSourcedIds()).containsExactly("fall-2025");
        assertThat(rosterClass.getGrades()).containsExactly("07");
        assertThat(rosterClass.getTenantId()).isEqualTo("riverside");
        assertThat(rosterClass.getImportedTime()).isEqualTo(NOW);
        RosterUser ann = changes.users().records().get("100042");
        assertThat(ann.getUserIds()).containsExactly(new RosterUserId("SIS", "100042"), new RosterUserId("LDAP", "alee"));
        assertThat(ann.getRoles()).containsExactly(new RosterRole("student", "primary", "northside"));
        assertThat(ann.getIdentifier()).isEqualTo("100042");
        assertThat(ann.getEmail()).isEqualTo("ann.lee@example.org");
        assertThat(changes.users().records().get("T0007").getEmail()).isNull();
        RosterEnrollment teacher = changes.enrollments().records().get("e2");
        assertThat(teacher.getRole()).isEqualTo("teacher");
        assertThat(teacher.getPrimary()).isTrue();
        assertThat(teacher.getBeginDate()).isNull();
        RosterLineItem quiz = changes.lineItems().records().get("quiz-1");
        assertThat(quiz.getAssignDate()).isEqualTo(Instant.parse("2025-09-15T00:00:00Z"));
        assertThat(quiz.getDueDate()).isEqualTo(Instant.parse("2025-09-19T23:59:00Z"));
        assertThat(quiz.getResultValueMax()).isEqualTo(100.0);
        assertThat(changes.all()).allSatisfy(kind -> {
            assertThat(kind.mode()).isEqualTo(FileMode.BULK);
            assertThat(kind.deletions()).isEmpty();
        });
    }

    @Test
    void shouldRejectAnEnrollmentRoleOutsideTheVocabularyNamingFileLineAndColumn() throws Exception {
        // given an enrollment whose role OneRoster does not know
        givenBulkExport();
        write("enrollments.csv", ENROLLMENTS.replace("T0007,teacher,true", "T0007,instructor,true"));

        // when read, then the message names the file, the line and the column
        assertThatThrownBy(() -> RosterExportReader.read(dir, "riverside", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("enrollments.csv: line 3, column 7 (role): must be one of administrator, proctor, student, teacher"
                        + " (or an ext: value), was 'instructor'");
    }

    @Test
    void shouldAcceptAnExtensionValueOfAVocabulary() throws Exception {
        // given an org type extending OneRoster's vocabulary as 1.2 allows
        givenBulkExport();
        write("orgs.csv", ORGS.replace("Middle School,school", "Middle School,ext:campus"));

        // when read, then it is kept as given
        assertThat(RosterExportReader.read(dir, "riverside", NOW).orgs().records().get("northside").getType()).isEqualTo("ext:campus");
    }

    @Test
    void shouldRejectADuplicateSourcedIdNamingTheLineOfTheFirst() throws Exception {
        // given a class listed twice
        givenBulkExport();
        write("classes.csv", CLASSES + "northside-math-7-2,,,Again,07,math-7,,scheduled,,northside,fall-2025,\n");

        // when read, then the second row is refused
        assertThatThrownBy(() -> RosterExportReader.read(dir, "riverside", NOW))
                .hasMessage("classes.csv: line 3, column 1 (sourcedId): duplicate sourcedId 'northside-math-7-2' (first on line 2)");
    }

    @Test
    void shouldRejectAnEnrollmentOfAnUnknownClassInABulkExport() throws Exception {
        // given a bulk export whose enrollment names a class classes.csv does not list
        givenBulkExport();
        write("enrollments.csv", ENROLLMENTS.replace("e2,,,northside-math-7-2", "e2,,,northside-math-7-9"));

        // when read, then the reference is refused
        assertThatThrownBy(() -> RosterExportReader.read(dir, "riverside", NOW))
                .hasMessage("enrollments.csv: line 3, column 4 (classSourcedId): no class 'northside-math-7-9' in classes.csv"
                        + " (a bulk file lists every class)");
    }

    @Test
    void shouldRejectAClassOfAnUnknownTermInABulkExport() throws Exception {
        // given a class in two terms, one of which academicSessions.csv does not list
        givenBulkExport();
        write("classes.csv", CLASSES.replace("northside,fall-2025,", "northside,\"fall-2025,spring-2026\","));

        // when read, then the unknown term is named
        assertThatThrownBy(() -> RosterExportReader.read(dir, "riverside", NOW))
                .hasMessage("classes.csv: line 2, column 11 (termSourcedIds): no academic session 'spring-2026' in academicSessions.csv"
                        + " (a bulk file lists every academic session)");
    }

    @Test
    void shouldAcceptEnrollmentsOfClassesAndUsersNotInADeltaImport() throws Exception {
        // given a delta import of enrollments alone, naming a class and a user imported before
        manifest("file.enrollments,delta");
        write("enrollments.csv", """
                sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate
                e9,active,2025-09-02T10:00:00Z,northside-math-7-2,northside,100042,student,false,,
                """);

        // when read
        RosterChangeSet changes = RosterExportReader.read(dir, "riverside", NOW);

        // then the enrollment is kept and the other kinds are left as they are
        assertThat(changes.enrollments().mode()).isEqualTo(FileMode.DELTA);
        assertThat(changes.enrollments().records()).containsOnlyKeys("e9");
        assertThat(changes.classes().mode()).isEqualTo(FileMode.ABSENT);
    }

    @Test
    void shouldTurnATobedeletedRowOfADeltaFileIntoADeletion() throws Exception {
        // given a delta file that removes one enrollment (only its sourcedId given) and changes another
        manifest("file.enrollments,delta");
        write("enrollments.csv", """
                sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate
                e1,tobedeleted,2025-09-02T10:00:00Z,,,,,,,
                e2,active,2025-09-02T10:00:00Z,northside-math-7-2,northside,T0007,teacher,false,,
                """);

        // when read
        KindChanges<RosterEnrollment> enrollments = RosterExportReader.read(dir, "riverside", NOW).enrollments();

        // then the removed one is a deletion, the changed one a record
        assertThat(enrollments.deletions()).containsExactly("e1");
        assertThat(enrollments.records()).containsOnlyKeys("e2");
    }

    @Test
    void shouldRequireTheStatusOfEveryRowOfADeltaFile() throws Exception {
        // given a delta row without a status
        manifest("file.enrollments,delta");
        write("enrollments.csv", """
                sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,primary,beginDate,endDate
                e2,,,northside-math-7-2,northside,T0007,teacher,false,,
                """);

        // when read, then the status is asked for
        assertThatThrownBy(() -> RosterExportReader.read(dir, "riverside", NOW))
                .hasMessage("enrollments.csv: line 2, column 2 (status): must not be empty");
    }

    @Test
    void shouldRefuseATobedeletedRowInABulkFile() throws Exception {
        // given a bulk file with a tobedeleted row
        givenBulkExport();
        write("courses.csv", COURSES + "old-course,tobedeleted,,,,,,,\n");

        // when read, then the row is refused: a bulk file removes by leaving out
        assertThatThrownBy(() -> RosterExportReader.read(dir, "riverside", NOW))
                .hasMessageStartingWith("courses.csv: line 3, column 2 (status): tobedeleted is for delta files");
    }

    @Test
    void shouldRefuseAReferenceToARecordTheImportDeletes() throws Exception {
        // given a delta import that deletes a class and adds an enrollment in it
        manifest("file.classes,delta", "file.enrollments,delta");
        write("classes.csv", """
                sourcedId,status,dateLastModified,title,courseSourcedId,schoolSourcedId,termSourcedIds
                northside-math-7-2,tobedeleted,2025-09-02T10:00:00Z,,,,
                """);
        write("enrollments.csv", """
                sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role
                e9,active,2025-09-02T10:00:00Z,northside-math-7-2,northside,100042,student
                """);

        // when read, then the enrollment is refused
        assertThatThrownBy(() -> RosterExportReader.read(dir, "riverside", NOW))
                .hasMessage("enrollments.csv: line 2, column 4 (classSourcedId): class 'northside-math-7-2' is tobedeleted in classes.csv");
    }

    @Test
    void shouldSkipFilesTheManifestGivesAsAbsent() throws Exception {
        // given an export whose manifest gives users as absent, and a users.csv that would not be valid
        manifest("file.orgs,bulk", "file.users,absent");
        write("orgs.csv", ORGS);
        write("users.csv", "not,a,roster\n1,2\n");

        // when read
        RosterChangeSet changes = RosterExportReader.read(dir, "riverside", NOW);

        // then the users file is not read
        assertThat(changes.orgs().records()).hasSize(2);
        assertThat(changes.users()).isEqualTo(KindChanges.absent(RosterKind.USERS));
    }

    @Test
    void shouldRejectAFileTheManifestGivesButTheExportLacks() throws Exception {
        // given a manifest naming courses as bulk, and no courses.csv
        manifest("file.orgs,bulk", "file.courses,bulk");
        write("orgs.csv", ORGS);

        // when read, then the missing file is named
        assertThatThrownBy(() -> RosterExportReader.read(dir, "riverside", NOW))
                .hasMessage("manifest.csv gives file.courses as bulk, but " + dir + " has no courses.csv");
    }

    @Test
    void shouldRejectAManifestModeItDoesNotKnow() throws Exception {
        // given a manifest with a mode OneRoster does not define
        manifest("file.orgs,full");

        // when read, then the manifest's line and column are named
        assertThatThrownBy(() -> RosterExportReader.read(dir, "riverside", NOW))
                .hasMessage("manifest.csv: line 2, column 2 (value): must be one of absent, bulk, delta (or an ext: value), was 'full'");
    }

    @Test
    void shouldRejectADirectoryWithoutManifest() {
        // given an empty directory, when read, then the manifest is asked for
        assertThatThrownBy(() -> RosterExportReader.read(dir, "riverside", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(dir + " has no manifest.csv (a OneRoster CSV export names its files in it)");
    }

    @Test
    void shouldRejectADateThatIsNotIso() throws Exception {
        // given a session whose start is written the US way
        givenBulkExport();
        write("academicSessions.csv", SESSIONS.replace("2025-08-25", "08/25/2025"));

        // when read, then the format is named
        assertThatThrownBy(() -> RosterExportReader.read(dir, "riverside", NOW))
                .hasMessage("academicSessions.csv: line 2, column 6 (startDate): must be a date (YYYY-MM-DD), was '08/25/2025'");
    }

    @Test
    void shouldRejectADueDateThatIsNeitherADateNorADateTimeWithOffset() throws Exception {
        // given a due date without its offset
        givenBulkExport();
        write("lineItems.csv", LINE_ITEMS.replace("2025-09-19T23:59:00Z", "2025-09-19T23:59"));

        // when read, then the forms accepted are named
        assertThatThrownBy(() -> RosterExportReader.read(dir, "riverside", NOW))
                .hasMessageStartingWith("lineItems.csv: line 2, column 7 (dueDate): must be a date (YYYY-MM-DD) or a date-time with its offset");
    }

    @Test
    void shouldRejectAnEmptyRequiredField() throws Exception {
        // given a user without a family name
        givenBulkExport();
        write("users.csv", USERS.replace("Bo,Chen", "Bo,"));

        // when read, then the field is named
        assertThatThrownBy(() -> RosterExportReader.read(dir, "riverside", NOW))
                .hasMessage("users.csv: line 3, column 8 (familyName): must not be empty");
    }

    @Test
    void shouldNameARequiredColumnTheHeaderLacks() throws Exception {
        // given a classes.csv without the school column
        givenBulkExport();
        write("classes.csv", "sourcedId,title,courseSourcedId,termSourcedIds\nc1,Algebra,math-7,fall-2025\n");

        // when read, then the header is refused
        assertThatThrownBy(() -> RosterExportReader.read(dir, "riverside", NOW))
                .hasMessageStartingWith("classes.csv: line 1: the header has no column 'schoolSourcedId'");
    }

    @Test
    void shouldRejectUserIdsNotOfTheTypeIdentifierForm() throws Exception {
        // given userIds without braces
        givenBulkExport();
        write("users.csv", USERS.replace("\"{SIS:100042},{LDAP:alee}\"", "SIS:100042"));

        // when read, then the form is named
        assertThatThrownBy(() -> RosterExportReader.read(dir, "riverside", NOW))
                .hasMessage("users.csv: line 2, column 6 (userIds): must be a comma-separated list of {type:identifier}, was 'SIS:100042'");
    }

    @Test
    void shouldReadTheRoleAndOrgsOfAUsersFileOfOneRoster11Shape() throws Exception {
        // given a users.csv with role and orgSourcedIds columns, and no roles.csv
        manifest("file.orgs,bulk", "file.users,bulk");
        write("orgs.csv", ORGS);
        write("users.csv", """
                sourcedId,status,dateLastModified,enabledUser,orgSourcedIds,role,username,userIds,givenName,familyName,identifier,email
                T0007,,,true,"northside,riverside",teacher,bo.chen,,Bo,Chen,T0007,
                """);

        // when read
        RosterUser bo = RosterExportReader.read(dir, "riverside", NOW).users().records().get("T0007");

        // then the user has the role at each org
        assertThat(bo.getRoles()).containsExactly(new RosterRole("teacher", "primary", "northside"), new RosterRole("teacher", "primary", "riverside"));
    }

    @Test
    void shouldRejectARoleOfAUserTheImportDoesNotList() throws Exception {
        // given roles.csv naming a user users.csv does not list
        givenBulkExport();
        write("roles.csv", ROLES + "r3,,,T0099,secondary,teacher,,,northside,\n");

        // when read, then the role is refused
        assertThatThrownBy(() -> RosterExportReader.read(dir, "riverside", NOW))
                .hasMessage("roles.csv: line 4, column 4 (userSourcedId): user 'T0099' is not in users.csv of this import"
                        + " (a role is imported with its user)");
    }

    @Test
    void shouldIgnoreColumnsItDoesNotUseAndReadColumnsInAnyOrder() throws Exception {
        // given an orgs.csv with its columns reordered and one of a vendor's own
        manifest("file.orgs,bulk");
        write("orgs.csv", "type,vendorColour,name,sourcedId\ndistrict,blue,Riverside,riverside\n");

        // when read, then the org is read by column name
        assertThat(RosterExportReader.read(dir, "riverside", NOW).orgs().records().get("riverside").getName()).isEqualTo("Riverside");
    }

    private void givenBulkExport() throws IOException {
        manifest("manifest.version,1.0", "oneroster.version,1.2", "file.orgs,bulk", "file.academicSessions,bulk", "file.courses,bulk",
                "file.classes,bulk", "file.users,bulk", "file.roles,bulk", "file.enrollments,bulk", "file.lineItems,bulk",
                "file.demographics,absent");
        write("orgs.csv", ORGS);
        write("academicSessions.csv", SESSIONS);
        write("courses.csv", COURSES);
        write("classes.csv", CLASSES);
        write("users.csv", USERS);
        write("roles.csv", ROLES);
        write("enrollments.csv", ENROLLMENTS);
        write("lineItems.csv", LINE_ITEMS);
    }

    private void manifest(String... rows) throws IOException {
        write("manifest.csv", "propertyName,value\n" + String.join("\n", List.of(rows)) + "\n");
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
