package io.learnstream.app.roster;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.app.simulate.activity.Term;
import io.learnstream.app.simulate.district.CourseSection;
import io.learnstream.app.simulate.district.District;
import io.learnstream.app.simulate.district.DistrictGenerator;
import io.learnstream.app.simulate.district.DistrictSpec;
import io.learnstream.app.simulate.district.Student;
import io.learnstream.schemas.avro.RosterEnrollment;
import io.learnstream.schemas.avro.RosterRole;
import io.learnstream.schemas.avro.RosterUser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RosterExportTest {
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final Term TERM = new Term(LocalDate.of(2025, 8, 25), 16, ZONE);

    @TempDir
    Path dir;

    @Test
    void shouldWriteAnExportOfTheSimulatedDistrictThatImportsWithoutError() throws Exception {
        // given the export of a simulated district
        District district = DistrictGenerator.generate(new DistrictSpec("riverside", 7, 2, 120, ZONE, 16));
        RosterExport.write(district, TERM, dir);

        // when it is read as an import
        RosterChangeSet changes = RosterExportReader.read(dir, "riverside", Instant.parse("2025-09-01T00:00:00Z"));

        // then it has the district, its schools, one term, its classes under the ids statements' class IRIs end with,
        // every student and teacher, and each class's students, teacher, co-teacher and line items
        assertThat(changes.orgs().records()).hasSize(district.schools().size() + 1);
        assertThat(changes.academicSessions().records()).hasSize(1);
        assertThat(changes.classes().records().keySet())
                .containsExactlyElementsOf(district.sections().stream().map(CourseSection::id).toList());
        for (CourseSection section : district.sections()) {
            assertThat(district.sectionIri(section).toString()).isEqualTo(district.sisHomePage() + "/classes/" + section.id());
        }
        assertThat(changes.users().records()).hasSize(district.students().size() + district.teachers().size());
        Student student = district.students().getFirst();
        RosterUser user = changes.users().records().get(student.sisId());
        assertThat(user.getIdentifier()).isEqualTo(student.sisId());
        assertThat(user.getRoles()).containsExactly(new RosterRole("student", "primary", student.schoolCode()));
        long studentEnrollments = district.students().stream().mapToLong(s -> s.sectionIds().size()).sum();
        List<RosterEnrollment> enrollments = List.copyOf(changes.enrollments().records().values());
        assertThat(enrollments.stream().filter(e -> e.getRole().equals("student"))).hasSize((int) studentEnrollments);
        assertThat(enrollments.stream().filter(e -> e.getRole().equals("teacher") && e.getPrimary())).hasSize(district.sections().size());
        assertThat(enrollments.stream().filter(e -> e.getRole().equals("teacher") && !e.getPrimary())).hasSize(district.sections().size());
        assertThat(changes.lineItems().records()).hasSize(district.sections().size() * RosterExport.LINE_ITEMS_PER_CLASS);
        assertThat(changes.lineItems().records().values()).allSatisfy(item -> assertThat(item.getDueDate())
                .isBetween(TERM.startInstant(), TERM.endInstant()));
    }

    @Test
    void shouldKeepTheCommittedSampleAsTheExportOfTheSimulatorsDistrict() throws Exception {
        // given the sample committed with the sources
        Path committed = Path.of(RosterExport.class.getResource(RosterExport.SAMPLE_RESOURCE + "manifest.csv").toURI()).getParent();

        // when the sample is written again
        RosterExport.main(new String[] {dir.toString()});

        // then it is the same, file for file (else: java ... RosterExport app/src/main/resources/io/learnstream/app/roster/sample)
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                assertThat(committed.resolve(file.getFileName().toString())).as(file.getFileName().toString()).hasSameTextualContentAs(file);
            }
        }
        assertThat(RosterExportReader.read(committed, "riverside", Instant.now()).classes().records()).isNotEmpty();
    }

}
