package io.learnstream.app.simulate.activity;

/**
 * A lesson video; the same video serves all classes of a subject and grade in a week.
 *
 * @param slug identifier, e.g. {@code math-g7-w3}
 * @param title display name
 * @param lengthSeconds the video's length
 */
public record Video(String slug, String title, double lengthSeconds) {

    /** Share of the video to watch for it to count as completed. */
    public static final double COMPLETION_THRESHOLD = 0.9;

    /** Path of the video below the video tool's base IRI. */
    public String path() {
        return "/videos/" + slug;
    }
}
