package io.learnstream.app.simulate.activity;

import io.learnstream.app.simulate.district.CourseSection;
import io.learnstream.app.simulate.district.Skill;

import java.util.List;

/**
 * The unit of a class for one week of the term: {@value #PAGES} pages to read, a video, a quiz and an assignment.
 *
 * @param section the class
 * @param week the week of the term (from 1)
 * @param focus the skill the week is about
 * @param review skills of earlier weeks that the quiz revisits
 */
public record Module(CourseSection section, int week, Skill focus, List<Skill> review) {

    public static final int PAGES = 3;

    public Module {
        review = List.copyOf(review);
    }

    public String title() {
        return "Week " + week + ": " + focus.title();
    }

    /** Path of the module below the LMS base IRI. */
    public String path() {
        return "/courses/" + section.id() + "/modules/w" + week;
    }

    /** Every skill the module touches: the focus first. */
    public List<Skill> skills() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(focus), review.stream()).toList();
    }
}
