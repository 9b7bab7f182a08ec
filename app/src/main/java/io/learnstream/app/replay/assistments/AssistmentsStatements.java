package io.learnstream.app.replay.assistments;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.streams.mastery.model.Answer;
import io.learnstream.streams.mastery.model.AnswerRow;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * ASSISTments rows as the xAPI statements a quiz tool sends, and as the answers the models are fitted on, with the
 * same ids on both sides: one actor per user (an account on {@value #HOME_PAGE}), verb {@code answered}, the item as
 * the object ({@code <home>/items/<item_id>}), the outcome as {@code result.success}, the skill as a
 * {@code category} context activity of type objective ({@code <home>/skills/<skill_id>}), and the data set as the
 * course ({@code grouping}). Statement ids are name-based UUIDs of the file, the user and the answer's place, so a
 * replay of the same file sends the same statements.
 */
public final class AssistmentsStatements {
    public static final String HOME_PAGE = "https://assistments.replay.learnstream.io";
    public static final String ITEMS = HOME_PAGE + "/items/";
    public static final String SKILLS = HOME_PAGE + "/skills/";
    public static final String COURSE = HOME_PAGE + "/course";
    static final String ANSWERED = "http://adlnet.gov/expapi/verbs/answered";
    static final String QUESTION = "http://adlnet.gov/expapi/activities/question";
    static final String OBJECTIVE = "http://adlnet.gov/expapi/activities/objective";
    static final String COURSE_TYPE = "http://adlnet.gov/expapi/activities/course";
    /** Where the replay's event clock starts: the beginning of the 2009-10 school year. */
    public static final Instant START = Instant.parse("2009-09-01T08:00:00Z");

    private final ObjectMapper json;
    private final String fileName;
    private final Instant start;

    /** @param fileName which file the rows come from ({@code train}, {@code test}): part of each statement id */
    public AssistmentsStatements(ObjectMapper json, String fileName, Instant start) {
        this.json = json;
        this.fileName = fileName;
        this.start = start;
    }

    public static String itemIri(String itemId) {
        return ITEMS + segment(itemId);
    }

    public static String skillIri(String skillId) {
        return SKILLS + segment(skillId);
    }

    /** The answer as the mastery topology sees the statement: the item's IRI and its skill's IRI. */
    public static AnswerRow answer(AssistmentsRow row) {
        List<String> skills = row.skillId().isEmpty() ? List.of() : List.of(skillIri(row.skillId()));
        return new AnswerRow(row.userId(), new Answer(itemIri(row.itemId()), skills, row.correct()));
    }

    public UUID statementId(AnswerSchedule.Scheduled answer) {
        return UUID.nameUUIDFromBytes((HOME_PAGE + "/" + fileName + "/" + answer.row().userId() + "/" + answer.index())
                .getBytes(StandardCharsets.UTF_8));
    }

    public Instant timestamp(AnswerSchedule.Scheduled answer) {
        return start.plus(Duration.ofMinutes(answer.index()));
    }

    public ObjectNode statement(AnswerSchedule.Scheduled answer) {
        AssistmentsRow row = answer.row();
        ObjectNode statement = json.createObjectNode();
        statement.put("id", statementId(answer).toString());
        ObjectNode actor = statement.putObject("actor");
        actor.put("objectType", "Agent");
        actor.putObject("account").put("homePage", HOME_PAGE).put("name", row.userId());
        statement.putObject("verb").put("id", ANSWERED).putObject("display").put("en-US", "answered");
        ObjectNode object = statement.putObject("object");
        object.put("objectType", "Activity");
        object.put("id", itemIri(row.itemId()));
        object.putObject("definition").put("type", QUESTION);
        statement.putObject("result").put("success", row.correct()).put("completion", true);
        ObjectNode context = statement.putObject("context");
        context.put("platform", "ASSISTments (replayed by learnstream)");
        ObjectNode activities = context.putObject("contextActivities");
        if (!row.skillId().isEmpty()) {
            ObjectNode skill = activities.putArray("category").addObject();
            skill.put("id", skillIri(row.skillId()));
            skill.putObject("definition").put("type", OBJECTIVE);
        }
        ObjectNode course = activities.putArray("grouping").addObject();
        course.put("id", COURSE);
        course.putObject("definition").put("type", COURSE_TYPE);
        statement.put("timestamp", timestamp(answer).toString());
        return statement;
    }

    /** A JSON array of the statements of {@code batch}, as one request body. */
    public byte[] body(List<AnswerSchedule.Scheduled> batch) {
        ArrayNode array = json.createArrayNode();
        batch.forEach(answer -> array.add(statement(answer)));
        try {
            return json.writeValueAsBytes(array);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot render statements", e);
        }
    }

    /** An id as one IRI path segment: unreserved characters as they are, everything else percent-encoded. */
    static String segment(String id) {
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
    }
}
