package io.learnstream.app.simulate.xapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.app.simulate.activity.LearningAction.QuestionAnswered;
import io.learnstream.app.simulate.activity.LearningAction.QuizAction;
import io.learnstream.app.simulate.activity.LearningAction.QuizAttempted;
import io.learnstream.app.simulate.activity.LearningAction.QuizCompleted;
import io.learnstream.app.simulate.activity.Question;
import io.learnstream.app.simulate.activity.Quiz;
import io.learnstream.app.simulate.activity.SimEvent;
import io.learnstream.app.simulate.activity.Tool;

/**
 * The quiz app's statements: attempted a quiz, answered each question (a choice interaction, tagged with its
 * skill as described in {@link SkillTagging}), completed the quiz with its score. The registration is the attempt.
 */
final class QuizStatements {

    private final XapiJson xapi;

    QuizStatements(XapiJson xapi) {
        this.xapi = xapi;
    }

    ObjectNode render(SimEvent event, QuizAction action) {
        Quiz quiz = action.quiz();
        ObjectNode statement;
        ObjectNode result = null;
        ObjectNode context = xapi.context(event, action.attempt());
        switch (action) {
            case QuizAttempted _ -> statement = xapi.statement(event, Verbs.ATTEMPTED, quizActivity(quiz));
            case QuestionAnswered answered -> {
                statement = xapi.statement(event, Verbs.ANSWERED, questionActivity(quiz, answered.question()));
                result = xapi.objectNode();
                result.set("score", xapi.score(answered.correct() ? 1 : 0, 1));
                result.put("success", answered.correct());
                result.put("response", answered.response());
                result.put("duration", XapiJson.duration(answered.duration()));
                XapiJson.addContextActivity(context, "parent", quizActivity(quiz));
                XapiJson.addContextActivity(context, SkillTagging.CONTEXT_ACTIVITIES_LIST,
                        xapi.activity(xapi.district().skillIri(answered.question().skill()).toString(),
                                SkillTagging.SKILL_ACTIVITY_TYPE, answered.question().skill().title()));
            }
            case QuizCompleted completed -> {
                statement = xapi.statement(event, Verbs.COMPLETED, quizActivity(quiz));
                result = xapi.objectNode();
                result.set("score", xapi.score(completed.correct(), completed.total()));
                result.put("success", completed.passed());
                result.put("completion", true);
                result.put("duration", XapiJson.duration(completed.duration()));
            }
        }
        if (result != null) {
            statement.set("result", result);
        }
        statement.set("context", context);
        return statement;
    }

    private ObjectNode quizActivity(Quiz quiz) {
        return xapi.activity(quizIri(quiz), ActivityTypes.ASSESSMENT, quiz.title());
    }

    private ObjectNode questionActivity(Quiz quiz, Question question) {
        ObjectNode activity = xapi.activity(quizIri(quiz) + "/questions/" + question.number(), ActivityTypes.INTERACTION,
                question.prompt());
        ObjectNode definition = (ObjectNode) activity.get("definition");
        definition.put("interactionType", "choice");
        definition.putArray("correctResponsesPattern").add(question.correctChoice());
        ArrayNode choices = definition.putArray("choices");
        for (String choice : Question.CHOICES) {
            choices.addObject().put("id", choice).set("description", xapi.languageMap("Option " + choice.toUpperCase(java.util.Locale.ROOT)));
        }
        return activity;
    }

    private String quizIri(Quiz quiz) {
        return Tool.QUIZ.baseIri(xapi.district().slug()) + quiz.path();
    }
}
