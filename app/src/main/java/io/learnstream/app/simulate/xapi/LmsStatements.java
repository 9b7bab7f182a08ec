package io.learnstream.app.simulate.xapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.app.simulate.activity.LearningAction.AssignmentSubmitted;
import io.learnstream.app.simulate.activity.LearningAction.LmsAction;
import io.learnstream.app.simulate.activity.LearningAction.ModuleCompleted;
import io.learnstream.app.simulate.activity.LearningAction.ModuleLaunched;
import io.learnstream.app.simulate.activity.LearningAction.PageExperienced;
import io.learnstream.app.simulate.activity.Module;
import io.learnstream.app.simulate.activity.SimEvent;
import io.learnstream.app.simulate.activity.Tool;

/**
 * The LMS's statements: launched a module, experienced a page (with the reading time), submitted the assignment
 * (with its score), completed the module. The registration is the student's enrolment in the module.
 */
final class LmsStatements {

    /** Assignments scoring at least this share count as successful. */
    static final double ASSIGNMENT_PASS_MARK = 0.6;

    private final XapiJson xapi;

    LmsStatements(XapiJson xapi) {
        this.xapi = xapi;
    }

    ObjectNode render(SimEvent event, LmsAction action) {
        Module module = action.module();
        ObjectNode moduleActivity = xapi.activity(moduleIri(module), ActivityTypes.MODULE, module.title());
        ObjectNode statement;
        ObjectNode result = null;
        boolean withinModule = true;
        switch (action) {
            case ModuleLaunched _ -> {
                statement = xapi.statement(event, Verbs.LAUNCHED, moduleActivity);
                withinModule = false;
            }
            case PageExperienced page -> {
                statement = xapi.statement(event, Verbs.EXPERIENCED, xapi.activity(moduleIri(module) + "/pages/" + page.page(),
                        ActivityTypes.LESSON, module.title() + ", page " + page.page()));
                result = xapi.objectNode().put("duration", XapiJson.duration(page.duration()));
            }
            case AssignmentSubmitted assignment -> {
                statement = xapi.statement(event, Verbs.SUBMITTED, xapi.activity(moduleIri(module) + "/assignment",
                        ActivityTypes.ASSIGNMENT, "Assignment: " + module.title()));
                result = xapi.objectNode();
                result.set("score", xapi.score(assignment.score(), assignment.maxScore()));
                result.put("success", assignment.score() >= ASSIGNMENT_PASS_MARK * assignment.maxScore());
                result.put("completion", true);
                result.put("duration", XapiJson.duration(assignment.duration()));
            }
            case ModuleCompleted completed -> {
                statement = xapi.statement(event, Verbs.COMPLETED, moduleActivity);
                result = xapi.objectNode().put("completion", true).put("duration", XapiJson.duration(completed.duration()));
                withinModule = false;
            }
        }
        if (result != null) {
            statement.set("result", result);
        }
        ObjectNode context = xapi.context(event, action.registration());
        if (withinModule) {
            XapiJson.addContextActivity(context, "parent", xapi.activity(moduleIri(module), ActivityTypes.MODULE, module.title()));
        }
        statement.set("context", context);
        return statement;
    }

    private String moduleIri(Module module) {
        return Tool.LMS.baseIri(xapi.district().slug()) + module.path();
    }
}
