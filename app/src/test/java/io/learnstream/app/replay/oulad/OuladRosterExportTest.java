package io.learnstream.app.replay.oulad;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.app.roster.FileMode;
import io.learnstream.app.roster.KindChanges;
import io.learnstream.app.roster.RosterChangeSet;
import io.learnstream.app.roster.RosterExportReader;
import io.learnstream.schemas.avro.RosterAcademicSession;
import io.learnstream.schemas.avro.RosterClass;
import io.learnstream.schemas.avro.RosterEnrollment;
import io.learnstream.schemas.avro.RosterLineItem;
import io.learnstream.schemas.avro.RosterRole;
import io.learnstream.schemas.avro.RosterUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OuladRosterExportTest {
    @TempDir
    Path dir;

    private RosterChangeSet roster;

    @BeforeEach
    void exportAndReadBack() throws Exception {
        // given the export of the fixture, read back with every check of the roster import
        OuladRosterExport.write(OuladFixture.read(), "oulad", dir);
        roster = RosterExportReader.read(dir, "oulad", Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Test
    void shouldWriteABulkExportOfEveryKindThatPassesTheRosterImportsChecks() {
        assertThat(roster.all()).extracting(KindChanges::mode).containsOnly(FileMode.BULK);
        assertThat(roster.orgs().records().keySet()).containsExactly("oulad", "oulad-school");
        assertThat(roster.orgs().records().get("oulad-school").getParentSourcedId()).isEqualTo("oulad");
        assertThat(roster.courses().records().keySet()).containsExactly("AAA", "BBB");
        assertThat(Files.exists(dir.resolve("demographics.csv"))).isFalse();
        assertThat(roster.all()).allSatisfy(kind -> assertThat(kind.deletions()).isEmpty());
    }

    @Test
    void shouldMakeEachPresentationAClassInATermFromItsStartToItsLastDay() {
        RosterClass aaa = roster.classes().records().get("AAA-2013J");
        assertThat(roster.classes().records().keySet()).containsExactly("AAA-2013J", "BBB-2014B");
        assertThat(aaa.getCourseSourcedId()).isEqualTo("AAA");
        assertThat(aaa.getTermSourcedIds()).containsExactly("term-AAA-2013J");
        RosterAcademicSession term = roster.academicSessions().records().get("term-AAA-2013J");
        assertThat(term.getType()).isEqualTo("term");
        assertThat(term.getStartDate()).isEqualTo(LocalDate.of(2013, 10, 1));
        assertThat(term.getEndDate()).isEqualTo(LocalDate.of(2014, 6, 26)); // + 268 days
        assertThat(roster.academicSessions().records().get("term-BBB-2014B").getStartDate()).isEqualTo(LocalDate.of(2014, 2, 1));
    }

    @Test
    void shouldListEachStudentOnceAndTwoTeachersPerClass() {
        // students 11391, 28400 (in both classes), 30268, 40001; two teachers for each of the two classes
        assertThat(roster.users().records()).hasSize(4 + 2 * 2);
        RosterUser student = roster.users().records().get("student-28400");
        assertThat(student.getIdentifier()).isEqualTo("28400");
        assertThat(student.getUsername()).isEqualTo("28400");
        assertThat(student.getEmail()).isNull();
        assertThat(student.getRoles()).containsExactly(new RosterRole("student", "primary", "oulad-school"));
        RosterUser teacher = roster.users().records().get("teacher-AAA-2013J-1");
        assertThat(teacher.getEmail()).isEqualTo("teacher-AAA-2013J-1@example.org");
        assertThat(teacher.getRoles()).containsExactly(new RosterRole("teacher", "primary", "oulad-school"));
        assertThat(roster.users().records()).containsKey("teacher-AAA-2013J-2").containsKey("teacher-BBB-2014B-2");
    }

    @Test
    void shouldEnrollStudentsFromRegistrationToWithdrawalAndThePrimaryAndCoTeacherForTheTerm() {
        RosterEnrollment withdrawn = roster.enrollments().records().get("AAA-2013J-student-30268");
        assertThat(withdrawn.getUserSourcedId()).isEqualTo("student-30268");
        assertThat(withdrawn.getRole()).isEqualTo("student");
        assertThat(withdrawn.getBeginDate()).isEqualTo(LocalDate.of(2013, 7, 1)); // day -92
        assertThat(withdrawn.getEndDate()).isEqualTo(LocalDate.of(2013, 10, 13)); // day 12
        RosterEnrollment unknownStart = roster.enrollments().records().get("BBB-2014B-student-40001");
        assertThat(unknownStart.getBeginDate()).isNull();
        assertThat(unknownStart.getEndDate()).isNull();
        assertThat(roster.enrollments().records().values().stream().filter(e -> e.getRole().equals("student"))).hasSize(5);
        RosterEnrollment primary = roster.enrollments().records().get("AAA-2013J-teacher-1");
        RosterEnrollment coTeacher = roster.enrollments().records().get("AAA-2013J-teacher-2");
        assertThat(primary.getUserSourcedId()).isEqualTo("teacher-AAA-2013J-1");
        assertThat(primary.getPrimary()).isTrue();
        assertThat(coTeacher.getUserSourcedId()).isEqualTo("teacher-AAA-2013J-2");
        assertThat(coTeacher.getPrimary()).isFalse();
        assertThat(coTeacher.getEndDate()).isEqualTo(LocalDate.of(2014, 6, 26));
    }

    @Test
    void shouldMakeEachAssessmentALineItemDueAtTheEndOfItsDueDay() {
        assertThat(roster.lineItems().records().keySet()).containsExactly("1752", "1757", "15001", "15014");
        RosterLineItem tma = roster.lineItems().records().get("1752");
        assertThat(tma.getClassSourcedId()).isEqualTo("AAA-2013J");
        assertThat(tma.getAssignDate()).isEqualTo(Instant.parse("2013-10-01T00:00:00Z"));
        assertThat(tma.getDueDate()).isEqualTo(Instant.parse("2013-10-20T23:59:59Z")); // day 19
        assertThat(tma.getResultValueMin()).isEqualTo(0.0);
        assertThat(tma.getResultValueMax()).isEqualTo(100.0);
        // an exam without a date is due on the presentation's last day
        assertThat(roster.lineItems().records().get("1757").getDueDate()).isEqualTo(Instant.parse("2014-06-26T23:59:59Z"));
    }
}
