package io.learnstream.app.simulate.district;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A synthetic school district: schools, teachers, classes and students. Built by {@link DistrictGenerator}
 * from a seed; immutable. Two districts are equal when all their parts are.
 */
public final class District {

    private final String slug;
    private final String name;
    private final ZoneId zone;
    private final List<School> schools;
    private final List<Teacher> teachers;
    private final List<CourseSection> sections;
    private final List<Student> students;
    private final Map<String, CourseSection> sectionsById;
    private final Map<String, Teacher> teachersById;

    /**
     * @param slug lowercase identifier, e.g. {@code riverside}; names the district's hosts
     * @param name display name
     * @param zone the district's time zone: school hours and evenings are local times there
     */
    public District(String slug, String name, ZoneId zone, List<School> schools, List<Teacher> teachers,
                    List<CourseSection> sections, List<Student> students) {
        this.slug = Objects.requireNonNull(slug, "slug");
        this.name = Objects.requireNonNull(name, "name");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.schools = List.copyOf(schools);
        this.teachers = List.copyOf(teachers);
        this.sections = List.copyOf(sections);
        this.students = List.copyOf(students);
        this.sectionsById = this.sections.stream()
                .collect(Collectors.toUnmodifiableMap(CourseSection::id, Function.identity()));
        this.teachersById = this.teachers.stream()
                .collect(Collectors.toUnmodifiableMap(Teacher::sisId, Function.identity()));
        for (int i = 0; i < this.students.size(); i++) {
            if (this.students.get(i).index() != i) {
                throw new IllegalArgumentException("student at position " + i + " has index " + this.students.get(i).index());
            }
        }
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public ZoneId zone() {
        return zone;
    }

    public List<School> schools() {
        return schools;
    }

    public List<Teacher> teachers() {
        return teachers;
    }

    public List<CourseSection> sections() {
        return sections;
    }

    public List<Student> students() {
        return students;
    }

    /** The home page of the district's student information system: the namespace of students' and teachers' accounts. */
    public URI sisHomePage() {
        return URI.create("https://sis." + slug + ".example.org");
    }

    /** The IRI of a class, e.g. {@code https://sis.riverside.example.org/classes/northside-math-7-2}. */
    public URI sectionIri(CourseSection section) {
        return URI.create(sisHomePage() + "/classes/" + section.id());
    }

    /** The IRI of a skill, e.g. {@code https://sis.riverside.example.org/skills/math/fractions}. */
    public URI skillIri(Skill skill) {
        return URI.create(sisHomePage() + "/skills/" + skill.id());
    }

    public CourseSection section(String id) {
        return lookup(sectionsById, id, "class");
    }

    public Teacher teacher(String sisId) {
        return lookup(teachersById, sisId, "teacher");
    }

    private static <T> T lookup(Map<String, T> index, String id, String what) {
        T found = index.get(id);
        if (found == null) {
            throw new NoSuchElementException("no " + what + " with id '" + id + "' in the district");
        }
        return found;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof District that
                && slug.equals(that.slug) && name.equals(that.name) && zone.equals(that.zone)
                && schools.equals(that.schools) && teachers.equals(that.teachers)
                && sections.equals(that.sections) && students.equals(that.students);
    }

    @Override
    public int hashCode() {
        return Objects.hash(slug, name, zone, schools, teachers, sections, students);
    }

    @Override
    public String toString() {
        return "District[" + slug + ": " + schools.size() + " schools, " + teachers.size() + " teachers, "
                + sections.size() + " classes, " + students.size() + " students]";
    }
}
