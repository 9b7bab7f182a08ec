package io.learnstream.app.replay.oulad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OuladDataTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadEveryPresentationOfTheDirectoryWithItsAssessmentsSitesAndRows() {
        // when the fixture is read (four files gzipped, three not, one quoted, one with CRLF line ends)
        OuladData data = OuladFixture.read();

        // then it has both presentations in the order of courses, each with what its files say of it
        assertThat(data.presentations()).extracting(OuladPresentation::id).containsExactly(OuladFixture.AAA, OuladFixture.BBB);
        OuladPresentation aaa = data.presentation(OuladFixture.AAA).orElseThrow();
        assertThat(aaa.module()).isEqualTo("AAA");
        assertThat(aaa.presentation()).isEqualTo("2013J");
        assertThat(aaa.lengthDays()).isEqualTo(268);
        assertThat(aaa.start()).isEqualTo(LocalDate.of(2013, 10, 1));
        assertThat(aaa.endDate()).isEqualTo(LocalDate.of(2014, 6, 26));
        assertThat(aaa.assessments().keySet()).containsExactly("1752", "1757");
        assertThat(aaa.vleSites()).containsEntry("546652", "forumng").containsEntry("546943", "resource");
        assertThat(aaa.students().keySet()).containsExactly("11391", "28400", "30268");
        assertThat(aaa.submissions()).hasSize(3);
        assertThat(aaa.vleActivity()).hasSize(5).first().satisfies(row -> {
            assertThat(row.studentId()).isEqualTo("28400");
            assertThat(row.siteId()).isEqualTo("546652");
            assertThat(row.activityType()).isEqualTo("forumng");
            assertThat(row.day()).isEqualTo(-10);
            assertThat(row.clicks()).isEqualTo(4);
            assertThat(row.line()).isEqualTo(2);
        });
        assertThat(aaa.hasVleActivity()).isTrue();
        // a presentation whose VLE sent no logs has none
        OuladPresentation bbb = data.presentation(OuladFixture.BBB).orElseThrow();
        assertThat(bbb.start()).isEqualTo(LocalDate.of(2014, 2, 1));
        assertThat(bbb.hasVleActivity()).isFalse();
        assertThat(bbb.vleSites()).isEmpty();
        assertThat(data.statementCount()).isEqualTo(OuladFixture.STATEMENTS);
    }

    @Test
    void shouldReadStudentsWithTheirResultDemographicsAndRegistrationDays() {
        OuladData data = OuladFixture.read();
        OuladPresentation aaa = data.presentation(OuladFixture.AAA).orElseThrow();
        OuladPresentation bbb = data.presentation(OuladFixture.BBB).orElseThrow();

        OuladStudent withdrawn = aaa.students().get("30268");
        assertThat(withdrawn).isEqualTo(new OuladStudent("30268", FinalResult.WITHDRAWN, "F", "North Western Region", "A Level or Equivalent",
                Optional.of("30-40%"), "35-55", 0, 60, true, OptionalInt.of(-92), OptionalInt.of(12)));
        assertThat(withdrawn.finalResult().atRisk()).isTrue();
        assertThat(withdrawn.rosterSourcedId()).isEqualTo("student-30268");
        // the same student in another presentation is another record there, with that presentation's result
        assertThat(aaa.students().get("28400").finalResult()).isEqualTo(FinalResult.PASS);
        assertThat(bbb.students().get("28400").finalResult()).isEqualTo(FinalResult.DISTINCTION);
        assertThat(bbb.students().get("28400").previousAttempts()).isEqualTo(1);
        assertThat(bbb.students().get("28400").unregistrationDay()).isEmpty();
        // an empty IMD band and an empty registration day are absent, not zero
        OuladStudent failed = bbb.students().get("40001");
        assertThat(failed.finalResult().atRisk()).isTrue();
        assertThat(failed.imdBand()).isEmpty();
        assertThat(failed.registrationDay()).isEmpty();
        assertThat(failed.disability()).isFalse();
    }

    @Test
    void shouldDateEachAssessmentFromThePresentationsStartAndAnExamWithoutDateOnItsLastDay() {
        OuladPresentation aaa = OuladFixture.read().presentation(OuladFixture.AAA).orElseThrow();

        assertThat(aaa.assessments().get("1752")).isEqualTo(new OuladAssessment("1752", "TMA", OptionalInt.of(19), 10, LocalDate.of(2013, 10, 20)));
        OuladAssessment exam = aaa.assessments().get("1757");
        assertThat(exam.type()).isEqualTo("Exam");
        assertThat(exam.day()).isEmpty();
        assertThat(exam.dueDate()).isEqualTo(aaa.endDate());
    }

    @Test
    void shouldReadAMissingScoreAsNoneAndKeepABankedSubmission() {
        OuladData data = OuladFixture.read();

        OuladEvent.Submission exam = data.presentation(OuladFixture.AAA).orElseThrow().submissions().get(2);
        assertThat(exam.assessmentId()).isEqualTo("1757");
        assertThat(exam.score()).isEmpty();
        List<OuladEvent.Submission> bbb = data.presentation(OuladFixture.BBB).orElseThrow().submissions();
        assertThat(bbb.getFirst().banked()).isTrue();
        assertThat(bbb.getFirst().day()).isEqualTo(-1);
        assertThat(bbb.getFirst().score()).isEqualTo(OptionalDouble.of(85));
        assertThat(bbb.get(1).score()).isEqualTo(OptionalDouble.of(49.5));
        assertThat(bbb.get(1).banked()).isFalse();
    }

    @Test
    void shouldTellGzipFromPlainByContentNotByName() throws Exception {
        // given a copy whose gzipped courses are named .csv and whose plain studentVle is named .csv.gz
        OuladFixture.plainCopy(dir);
        Path courses = dir.resolve("courses.csv");
        Path gzipped = dir.resolve("courses.tmp");
        OuladFixture.gzip(courses, gzipped);
        Files.move(gzipped, courses, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.move(dir.resolve("studentVle.csv"), dir.resolve("studentVle.csv.gz"));

        // when it is read, then it reads as the fixture does
        OuladData data = OuladData.read(dir);
        assertThat(data.presentations()).hasSize(2);
        assertThat(data.statementCount()).isEqualTo(OuladFixture.STATEMENTS);
    }

    @Test
    void shouldReadOnlyThePresentationsAsked() throws Exception {
        OuladData data = OuladData.read(OuladFixture.dir(), Set.of(OuladFixture.BBB));

        assertThat(data.presentations()).extracting(OuladPresentation::id).containsExactly(OuladFixture.BBB);
        assertThat(data.statementCount()).isEqualTo(3);
    }

    @Test
    void shouldRefuseAPresentationNotInCourses() {
        assertThatThrownBy(() -> OuladData.read(OuladFixture.dir(), Set.of("CCC-2014J")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--presentations: CCC-2014J not in courses.csv (it has AAA-2013J, BBB-2014B)");
    }

    @Test
    void shouldRefuseABadValueNamingFileLineAndColumn() throws Exception {
        OuladFixture.plainCopy(dir);
        List<String> vle = new ArrayList<>(OuladFixture.lines(dir, "studentVle"));
        vle.set(3, "AAA,2013J,28400,546652,-10,many");
        OuladFixture.write(dir, "studentVle", vle);

        assertThatThrownBy(() -> OuladData.read(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("studentVle.csv: line 4, column 6 (sum_click): must be a whole number, was 'many'");
    }

    @Test
    void shouldRefuseAScoreBeyond100() throws Exception {
        OuladFixture.plainCopy(dir);
        List<String> rows = new ArrayList<>(OuladFixture.lines(dir, "studentAssessment"));
        rows.set(1, "1752,11391,18,0,101");
        OuladFixture.write(dir, "studentAssessment", rows);

        assertThatThrownBy(() -> OuladData.read(dir)).hasMessage("studentAssessment.csv: line 2, column 5 (score): must be from 0 to 100 (or ?), was 101");
    }

    @Test
    void shouldRefuseARowNamingWhatItsPresentationDoesNotHave() throws Exception {
        OuladFixture.plainCopy(dir);
        List<String> original = OuladFixture.lines(dir, "studentVle");

        // a student of another presentation
        OuladFixture.write(dir, "studentVle", List.of(original.get(0), "AAA,2013J,40001,546652,1,1"));
        assertThatThrownBy(() -> OuladData.read(dir))
                .hasMessage("studentVle.csv: line 2, column 3 (id_student): student 40001 is not in studentInfo.csv of AAA-2013J");
        // a site of no presentation
        OuladFixture.write(dir, "studentVle", List.of(original.get(0), "AAA,2013J,28400,999,1,1"));
        assertThatThrownBy(() -> OuladData.read(dir))
                .hasMessage("studentVle.csv: line 2, column 4 (id_site): site 999 of AAA-2013J is not in vle.csv");
        // a presentation courses does not list
        OuladFixture.write(dir, "studentVle", List.of(original.get(0), "ZZZ,2013J,28400,546652,1,1"));
        assertThatThrownBy(() -> OuladData.read(dir))
                .hasMessage("studentVle.csv: line 2, column 2 (code_presentation): presentation ZZZ-2013J is not in courses.csv");
        // an assessment assessments does not list
        OuladFixture.write(dir, "studentVle", original);
        OuladFixture.write(dir, "studentAssessment", List.of("id_assessment,id_student,date_submitted,is_banked,score", "42,28400,3,0,50"));
        assertThatThrownBy(() -> OuladData.read(dir))
                .hasMessage("studentAssessment.csv: line 2, column 1 (id_assessment): assessment 42 is not in assessments.csv");
    }

    @Test
    void shouldRefuseAPresentationCodeWithoutAMonthLetter() throws Exception {
        OuladFixture.plainCopy(dir);
        OuladFixture.write(dir, "courses", List.of("code_module,code_presentation,module_presentation_length", "AAA,2013X,268"));

        assertThatThrownBy(() -> OuladData.read(dir)).hasMessageStartingWith(
                "courses.csv: line 2, column 2 (code_presentation): presentation '2013X': must be a year and a letter from A to L");
    }

    @Test
    void shouldNameEveryFileTheDirectoryLacks() throws Exception {
        OuladFixture.plainCopy(dir);
        Files.delete(dir.resolve("vle.csv"));
        Files.delete(dir.resolve("studentVle.csv"));

        assertThatThrownBy(() -> OuladData.read(dir)).hasMessageStartingWith("--data " + dir + ": has no vle.csv[.gz], studentVle.csv[.gz]");
    }

    @Test
    void shouldFindColumnsByNameInAnyOrder() throws Exception {
        OuladFixture.plainCopy(dir);
        OuladFixture.write(dir, "courses", List.of("module_presentation_length,extra,code_presentation,code_module", "268,x,2013J,AAA",
                "234,y,2014B,BBB"));

        assertThat(OuladData.read(dir).presentation(OuladFixture.AAA).orElseThrow().lengthDays()).isEqualTo(268);
    }
}
