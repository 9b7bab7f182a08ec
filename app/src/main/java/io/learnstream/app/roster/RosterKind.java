package io.learnstream.app.roster;

/**
 * The kinds of OneRoster 1.2 records learnstream imports, each one CSV file of a bulk export and one compacted
 * topic. Listed in reference order: a kind's rows refer only to kinds before it (or to their own kind, as an org to
 * its parent), which is also the order the import publishes them in.
 */
public enum RosterKind {
    ORGS("orgs", "org"),
    ACADEMIC_SESSIONS("academicSessions", "academic session"),
    COURSES("courses", "course"),
    CLASSES("classes", "class"),
    USERS("users", "user"),
    ENROLLMENTS("enrollments", "enrollment"),
    LINE_ITEMS("lineItems", "line item");

    private final String name;
    private final String singular;

    RosterKind(String name, String singular) {
        this.name = name;
        this.singular = singular;
    }

    /** The name OneRoster gives the kind, e.g. {@code academicSessions}: the file and manifest property are named after it. */
    public String oneRosterName() {
        return name;
    }

    /** The file of the export, e.g. {@code academicSessions.csv}. */
    public String fileName() {
        return name + ".csv";
    }

    /** The manifest property saying whether the file is there, e.g. {@code file.academicSessions}. */
    public String manifestProperty() {
        return "file." + name;
    }

    /** One record of the kind, in words, e.g. {@code academic session}. */
    public String singular() {
        return singular;
    }
}
