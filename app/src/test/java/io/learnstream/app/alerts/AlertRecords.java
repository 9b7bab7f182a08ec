package io.learnstream.app.alerts;

import io.learnstream.schemas.avro.Alert;
import io.learnstream.schemas.avro.ClassTeacher;
import io.learnstream.schemas.avro.RiskReason;
import java.time.Instant;
import java.util.List;

/** Alerts as the specs of {@code alerts list|ack|dismiss} need them. */
public final class AlertRecords {
    /** Raised times in the specs are hours after this instant. */
    public static final Instant T0 = Instant.parse("2026-09-14T08:00:00Z");

    private AlertRecords() {}

    public static ClassTeacher teacher(String userSourcedId, boolean primary) {
        return ClassTeacher.newBuilder().setUserSourcedId(userSourcedId).setPrimary(primary).build();
    }

    /** An open alert of the student, about silence, raised {@code hours} after {@link #T0}. */
    public static Alert open(String tenant, String classId, String student, long hours, double probability, ClassTeacher... teachers) {
        Instant raised = T0.plusSeconds(hours * 3600);
        RiskReason silence = RiskReason.newBuilder().setFactor("silence").setText("no activity for 9 days").setValue(9)
                .setContribution(1.2).build();
        return Alert.newBuilder()
                .setAlertId(tenant + "/" + classId + "/" + student + "/silence/" + raised.toEpochMilli())
                .setTenantId(tenant).setClassId(classId).setStudentKey(student).setFactor("silence")
                .setText(Math.round(probability * 100) + "% risk: no activity for 9 days").setReasons(List.of(silence))
                .setProbability(probability).setTeachers(List.of(teachers)).setStatus("open").setRaisedTime(raised).build();
    }

    /** The alert closed with {@code status} (acknowledged, dismissed or cleared) at {@code when}, by {@code by} (or null). */
    public static Alert closed(Alert alert, String status, Instant when, String by) {
        return Alert.newBuilder(alert).setStatus(status).setClosedTime(when).setClosedBy(by).build();
    }
}
