package io.learnstream.app.alerts;

import io.learnstream.schemas.avro.Alert;
import io.learnstream.schemas.avro.ClassTeacher;
import java.util.Optional;

/**
 * Which alerts {@code alerts list} shows: those of a district, a class, addressed to a teacher (primary or
 * co-teacher), open only or whatever their status. An absent criterion matches every alert.
 */
public record AlertFilter(Optional<String> district, Optional<String> classId, Optional<String> teacher, boolean openOnly) {
    public static final String OPEN = "open";

    public boolean matches(Alert alert) {
        return district.map(alert.getTenantId()::equals).orElse(true)
                && classId.map(alert.getClassId()::equals).orElse(true)
                && teacher.map(id -> alert.getTeachers().stream().map(ClassTeacher::getUserSourcedId).anyMatch(id::equals)).orElse(true)
                && (!openOnly || OPEN.equals(alert.getStatus()));
    }
}
