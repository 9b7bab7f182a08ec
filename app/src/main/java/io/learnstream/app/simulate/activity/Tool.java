package io.learnstream.app.simulate.activity;

/** The simulated learning tools; each sends its statements with its own {@code context.platform}. */
public enum Tool {
    /** Learning management system: course modules, pages, assignments. */
    LMS("sim-lms", "lms"),
    /** Quiz app: quizzes of skill-tagged questions. */
    QUIZ("sim-quiz", "quiz"),
    /** Video player following the xAPI video profile. */
    VIDEO("sim-video", "video");

    private final String platform;
    private final String host;

    Tool(String platform, String host) {
        this.platform = platform;
        this.host = host;
    }

    /** The value of {@code context.platform} in the tool's statements. */
    public String platform() {
        return platform;
    }

    /** The base IRI of the tool's activities for the given district, e.g. {@code https://quiz.example.com/riverside}. */
    public String baseIri(String districtSlug) {
        return "https://" + host + ".example.com/" + districtSlug;
    }
}
