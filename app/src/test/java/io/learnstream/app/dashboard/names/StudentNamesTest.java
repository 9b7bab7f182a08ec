package io.learnstream.app.dashboard.names;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.ingest.identity.PseudonymKey;
import io.learnstream.schemas.avro.RosterEnrollment;
import io.learnstream.schemas.avro.RosterUser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StudentNamesTest {
    private static final String DISTRICT = "demo";
    private static final String OTHER = "other";
    private static final Instant IMPORTED = Instant.parse("2025-08-20T08:00:00Z");
    private static final PseudonymKey KEY = new PseudonymKey("demo-district-secret-0123456789".getBytes(StandardCharsets.UTF_8));
    private static final PseudonymKey OTHER_KEY = new PseudonymKey("other-district-secret-012345678".getBytes(StandardCharsets.UTF_8));
    private static final String CARLOS = KEY.studentKey("roster:100001");

    private final StudentNames names = new StudentNames(district -> Optional.ofNullable(Map.of(DISTRICT, KEY, OTHER, OTHER_KEY).get(district)));

    @Test
    void shouldNameARosterStudentByTheKeyTheDistrictsPseudonymKeyGivesThem() {
        // given
        names.userChanged(null, user(DISTRICT, "100001", "Carlos", "Kim"));
        names.enrollmentChanged(null, enrollment(DISTRICT, "math-1-100001", "100001", "student"));

        // then
        assertThat(names.of(DISTRICT, CARLOS)).contains("Carlos Kim");
        assertThat(names.displayName(DISTRICT, CARLOS)).isEqualTo("Carlos Kim");
    }

    @Test
    void shouldShowTheKeyOfALearnerOutsideTheRoster() {
        // given
        names.userChanged(null, user(DISTRICT, "100001", "Carlos", "Kim"));
        names.enrollmentChanged(null, enrollment(DISTRICT, "math-1-100001", "100001", "student"));
        String visitor = KEY.studentKey("mbox:mailto:visitor@example.org");

        // then
        assertThat(names.of(DISTRICT, visitor)).isEmpty();
        assertThat(names.displayName(DISTRICT, visitor)).isEqualTo(visitor);
    }

    @Test
    void shouldNotNameATeacherOrAUserWithoutAStudentEnrollment() {
        // given
        names.userChanged(null, user(DISTRICT, "T0001", "Ana", "Rivera"));
        names.enrollmentChanged(null, enrollment(DISTRICT, "math-1-T0001", "T0001", "teacher"));
        names.userChanged(null, user(DISTRICT, "100002", "Mia", "Lopez"));

        // then
        assertThat(names.of(DISTRICT, KEY.studentKey("roster:T0001"))).isEmpty();
        assertThat(names.of(DISTRICT, KEY.studentKey("roster:100002"))).isEmpty();
    }

    @Test
    void shouldKeepEachDistrictsStudentsToItself() {
        // given the same roster imported into two districts
        for (String district : List.of(DISTRICT, OTHER)) {
            names.userChanged(null, user(district, "100001", "Carlos", "Kim"));
            names.enrollmentChanged(null, enrollment(district, "math-1-100001", "100001", "student"));
        }

        // then a key of one district names no one in the other
        assertThat(names.of(OTHER, CARLOS)).isEmpty();
        assertThat(names.of(OTHER, OTHER_KEY.studentKey("roster:100001"))).contains("Carlos Kim");
        assertThat(names.of("elsewhere", CARLOS)).isEmpty();
    }

    @Test
    void shouldFollowTheRosterAsImportsRenameAndRemoveStudents() {
        // given
        RosterUser carlos = user(DISTRICT, "100001", "Carlos", "Kim");
        RosterEnrollment enrolled = enrollment(DISTRICT, "math-1-100001", "100001", "student");
        names.userChanged(null, carlos);
        names.enrollmentChanged(null, enrolled);
        assertThat(names.of(DISTRICT, CARLOS)).contains("Carlos Kim");

        // when renamed
        RosterUser renamed = user(DISTRICT, "100001", "Carlos", "Kim-Ortega");
        names.userChanged(carlos, renamed);
        // then
        assertThat(names.of(DISTRICT, CARLOS)).contains("Carlos Kim-Ortega");

        // when the last student enrollment goes
        names.enrollmentChanged(enrolled, null);
        // then
        assertThat(names.of(DISTRICT, CARLOS)).isEmpty();

        // when enrolled again, then the user removed
        names.enrollmentChanged(null, enrolled);
        assertThat(names.of(DISTRICT, CARLOS)).contains("Carlos Kim-Ortega");
        names.userChanged(renamed, null);
        assertThat(names.of(DISTRICT, CARLOS)).isEmpty();
    }

    private static RosterUser user(String district, String sourcedId, String given, String family) {
        return RosterUser.newBuilder().setTenantId(district).setSourcedId(sourcedId).setEnabledUser(true).setUsername(given.toLowerCase())
                .setUserIds(List.of()).setGivenName(given).setFamilyName(family).setRoles(List.of()).setImportedTime(IMPORTED).build();
    }

    private static RosterEnrollment enrollment(String district, String sourcedId, String userId, String role) {
        return new RosterEnrollment(district, sourcedId, "math-1", userId, "northside", role, false, null, null, IMPORTED);
    }
}
