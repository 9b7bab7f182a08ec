package io.learnstream.app.simulate.activity;

import java.util.List;

/**
 * The quiz of a module.
 *
 * @param module the module
 * @param questions the questions, in order
 */
public record Quiz(Module module, List<Question> questions) {

    /** Share of right answers needed to pass. */
    public static final double PASS_MARK = 0.7;

    public Quiz {
        questions = List.copyOf(questions);
    }

    public String title() {
        return "Quiz: " + module.title();
    }

    /** Path of the quiz below the quiz tool's base IRI. */
    public String path() {
        return "/quizzes/" + module.section().id() + "-w" + module.week();
    }
}
