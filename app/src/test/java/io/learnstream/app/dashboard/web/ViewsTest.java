package io.learnstream.app.dashboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.app.dashboard.data.StudentRisk;
import io.learnstream.app.dashboard.names.StudentNames;
import io.learnstream.ingest.identity.PseudonymKey;
import io.learnstream.schemas.avro.Alert;
import io.learnstream.schemas.avro.RosterEnrollment;
import io.learnstream.schemas.avro.RosterUser;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ViewsTest {
    private static final String DISTRICT = "demo";
    private static final Instant NOW = Instant.parse("2025-09-15T08:00:00Z");
    private static final PseudonymKey KEY = new PseudonymKey("demo-district-secret-0123456789".getBytes(StandardCharsets.UTF_8));
    private static final String CARLOS = KEY.studentKey("roster:100001");
    private static final String VISITOR = KEY.studentKey("mbox:mailto:visitor@example.org");

    private final StudentNames names = new StudentNames(district -> district.equals(DISTRICT) ? Optional.of(KEY) : Optional.empty());
    private final Views views = new Views(names);

    ViewsTest() {
        names.userChanged(null, RosterUser.newBuilder().setTenantId(DISTRICT).setSourcedId("100001").setEnabledUser(true).setUsername("carlos")
                .setUserIds(List.of()).setGivenName("Carlos").setFamilyName("Kim").setRoles(List.of()).setImportedTime(NOW).build());
        names.enrollmentChanged(null, new RosterEnrollment(DISTRICT, "math-1-100001", "math-1", "100001", "northside", "student", false, null, null, NOW));
    }

    @Test
    void shouldKeepTheStudentsNameInTheLiveRiskRow() {
        assertThat(views.riskRowUpdate(DISTRICT, risk(CARLOS))).contains(">Carlos Kim</a>").contains("hx-swap-oob");
        assertThat(views.riskRowUpdate(DISTRICT, risk(VISITOR))).contains(">" + VISITOR + "</a>").doesNotContain("Carlos");
    }

    @Test
    void shouldKeepTheStudentsNameInTheLiveAlertItem() {
        assertThat(views.alertItem(alert(CARLOS))).contains(">Carlos Kim</a>");
        assertThat(views.alertItem(alert(VISITOR))).contains(">" + VISITOR + "</a>").doesNotContain("Carlos");
    }

    private static StudentRisk risk(String student) {
        return new StudentRisk("math-1", student, 0.8, true, false, List.of("no activity for 9 days"), NOW);
    }

    private static Alert alert(String student) {
        return Alert.newBuilder().setAlertId(DISTRICT + "/math-1/" + student + "/silence/1").setTenantId(DISTRICT).setClassId("math-1")
                .setStudentKey(student).setFactor("silence").setText("High risk: no activity for 9 days").setReasons(List.of())
                .setProbability(0.8).setTeachers(List.of()).setStatus("open").setRaisedTime(NOW).build();
    }
}
