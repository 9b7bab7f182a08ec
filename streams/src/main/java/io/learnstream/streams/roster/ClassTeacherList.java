package io.learnstream.streams.roster;

import io.learnstream.schemas.avro.ClassTeacher;
import io.learnstream.schemas.avro.ClassTeachers;
import io.learnstream.schemas.avro.RosterEnrollment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The teachers of a class as a KTable aggregate of its teacher enrollments: the aggregate holds one entry per
 * enrollment (a user enrolled twice as a teacher of one class is there twice, so removing one enrollment keeps the
 * other); what is published holds each teacher once (primary when any of their enrollments is), primary teachers
 * first, then co-teachers, each by sourcedId, and is a tombstone when the class has no teacher left.
 */
final class ClassTeacherList {
    /** Primary teachers first, then co-teachers, each ordered by sourcedId: the order the contract gives. */
    static final Comparator<ClassTeacher> ORDER = Comparator.comparing((ClassTeacher teacher) -> !teacher.getPrimary())
            .thenComparing(ClassTeacher::getUserSourcedId);

    private ClassTeacherList() {}

    static ClassTeachers none() {
        return new ClassTeachers("", "", new ArrayList<>());
    }

    static ClassTeachers add(String classKey, RosterEnrollment enrollment, ClassTeachers teachers) {
        List<ClassTeacher> entries = new ArrayList<>(teachers.getTeachers());
        entries.add(new ClassTeacher(enrollment.getUserSourcedId(), enrollment.getPrimary()));
        entries.sort(ORDER);
        return new ClassTeachers(enrollment.getTenantId(), enrollment.getClassSourcedId(), entries);
    }

    static ClassTeachers remove(String classKey, RosterEnrollment enrollment, ClassTeachers teachers) {
        List<ClassTeacher> entries = new ArrayList<>(teachers.getTeachers());
        entries.remove(new ClassTeacher(enrollment.getUserSourcedId(), enrollment.getPrimary()));
        return new ClassTeachers(enrollment.getTenantId(), enrollment.getClassSourcedId(), entries);
    }

    /** What goes to class-teachers: each teacher once, in order; null (a tombstone) when there is none. */
    static ClassTeachers published(ClassTeachers teachers) {
        if (teachers == null || teachers.getTeachers().isEmpty()) return null;
        Map<String, Boolean> primary = new LinkedHashMap<>();
        for (ClassTeacher teacher : teachers.getTeachers()) primary.merge(teacher.getUserSourcedId(), teacher.getPrimary(), Boolean::logicalOr);
        List<ClassTeacher> once = new ArrayList<>();
        primary.forEach((user, isPrimary) -> once.add(new ClassTeacher(user, isPrimary)));
        once.sort(ORDER);
        return new ClassTeachers(teachers.getTenantId(), teachers.getClassSourcedId(), once);
    }
}
