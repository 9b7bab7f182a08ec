package io.learnstream.app.dashboard.authz;

import io.learnstream.schemas.avro.ClassTeachers;
import io.learnstream.schemas.avro.RosterClass;
import io.learnstream.schemas.topic.TopicTable;
import io.learnstream.schemas.topic.TopicTableConfig;
import io.learnstream.schemas.topic.Topics;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The roster's classes and their teachers as the dashboard reads them: the compacted roster-classes and class-teachers
 * topics held in memory ({@link TopicTable}s), kept current as imports change them.
 */
public final class RosterClasses implements AutoCloseable {
    private final TopicTable<String, RosterClass> classes;
    private final TopicTable<String, ClassTeachers> teachers;

    private RosterClasses(TopicTable<String, RosterClass> classes, TopicTable<String, ClassTeachers> teachers) {
        this.classes = classes;
        this.teachers = teachers;
    }

    public static RosterClasses open(Topics topics, TopicTableConfig config) {
        TopicTable<String, RosterClass> classes = TopicTable.open(topics.rosterClasses(), config);
        try {
            return new RosterClasses(classes, TopicTable.open(topics.classTeachers(), config));
        } catch (RuntimeException e) {
            classes.close();
            throw e;
        }
    }

    /** Every class of the district. */
    public Stream<RosterClass> ofDistrict(String tenantId) {
        return classes.values().stream().filter(c -> c.getTenantId().equals(tenantId));
    }

    public Optional<RosterClass> find(String tenantId, String classId) {
        return classes.get(Topics.tenantScopedKey(tenantId, classId));
    }

    /** Whether the roster names {@code teacherSourcedId} a teacher (primary or co-teacher) of the class. */
    public boolean teaches(String tenantId, String classId, String teacherSourcedId) {
        return teachers.get(Topics.tenantScopedKey(tenantId, classId))
                .map(t -> t.getTeachers().stream().anyMatch(teacher -> teacher.getUserSourcedId().equals(teacherSourcedId)))
                .orElse(false);
    }

    @Override
    public void close() {
        teachers.close();
        classes.close();
    }
}
