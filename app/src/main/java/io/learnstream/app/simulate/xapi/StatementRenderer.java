package io.learnstream.app.simulate.xapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.app.simulate.activity.LearningAction.LmsAction;
import io.learnstream.app.simulate.activity.LearningAction.QuizAction;
import io.learnstream.app.simulate.activity.LearningAction.VideoAction;
import io.learnstream.app.simulate.activity.SimEvent;
import io.learnstream.app.simulate.district.District;

/**
 * Turns a simulated event into an xAPI 1.0.3 statement (also valid xAPI 2.0): id, actor (Agent with an account
 * in the district's SIS), verb, object Activity, result where the tool reports one, context (registration, the
 * teacher as instructor, the class in {@code contextActivities.grouping}, platform, language) and the event time
 * as timestamp with the district's offset.
 */
public final class StatementRenderer {

    private final District district;
    private final LmsStatements lms;
    private final QuizStatements quiz;
    private final VideoStatements video;

    public StatementRenderer(District district) {
        this.district = district;
        XapiJson xapi = new XapiJson(district);
        this.lms = new LmsStatements(xapi);
        this.quiz = new QuizStatements(xapi);
        this.video = new VideoStatements(xapi);
    }

    public ObjectNode render(SimEvent event) {
        ObjectNode statement = switch (event.action()) {
            case LmsAction action -> lms.render(event, action);
            case QuizAction action -> quiz.render(event, action);
            case VideoAction action -> video.render(event, action);
        };
        statement.put("timestamp", XapiJson.timestamp(event.time(), district.zone()));
        return statement;
    }
}
