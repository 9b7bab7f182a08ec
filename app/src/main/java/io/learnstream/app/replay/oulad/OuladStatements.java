package io.learnstream.app.replay.oulad;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * OULAD events as the xAPI 1.0.3 statements a district's tools send (IRIs in {@link OuladVocabulary}): one actor per
 * student (an account named {@code id_student} on {@link OuladVocabulary#SIS_HOME_PAGE}); the class as the
 * {@code grouping} context activity of every statement; {@code context.platform} naming the source (the SIS, the
 * VLE, the assessment tool).
 * <ul>
 *   <li>a registration: {@code registered} the class; a withdrawal: {@code unregistered} the class;</li>
 *   <li>a VLE row: {@code interacted} with the site ({@code definition.type} its activity type), the clicks as the
 *       result extension {@link OuladVocabulary#CLICKS};</li>
 *   <li>a submission: {@code submit} the line item (an assessment activity), {@code result.score} raw 0 to 100 and
 *       scaled (none where the score is missing), {@code completion} true; a banked one with the context extension
 *       {@link OuladVocabulary#BANKED}.</li>
 * </ul>
 * Statement ids are name-based UUIDs of the class, the kind, the student and (for a row) its line, so a replay of
 * the same files sends the same statements and the LRS stores each once.
 */
public final class OuladStatements {
    private final ObjectMapper json;

    public OuladStatements(ObjectMapper json) {
        this.json = json;
    }

    public UUID statementId(OuladEvent event) {
        String name = switch (event) {
            case OuladEvent.Registration r -> "registered/" + r.studentId();
            case OuladEvent.Withdrawal w -> "unregistered/" + w.studentId();
            case OuladEvent.VleActivity v -> "vle/" + v.studentId() + "/" + v.line();
            case OuladEvent.Submission s -> "assessment/" + s.studentId() + "/" + s.line();
        };
        return UUID.nameUUIDFromBytes((OuladVocabulary.HOME + "/" + event.classId() + "/" + name).getBytes(StandardCharsets.UTF_8));
    }

    public ObjectNode statement(OuladEvent event) {
        ObjectNode statement = json.createObjectNode();
        statement.put("id", statementId(event).toString());
        ObjectNode actor = statement.putObject("actor");
        actor.put("objectType", "Agent");
        actor.putObject("account").put("homePage", OuladVocabulary.SIS_HOME_PAGE).put("name", event.studentId());
        ObjectNode context;
        switch (event) {
            case OuladEvent.Registration r -> {
                verb(statement, OuladVocabulary.REGISTERED, "registered");
                classActivity(statement.putObject("object"), r.classId());
                context = context(statement, OuladVocabulary.PLATFORM_SIS, r.classId());
            }
            case OuladEvent.Withdrawal w -> {
                verb(statement, OuladVocabulary.UNREGISTERED, "unregistered");
                classActivity(statement.putObject("object"), w.classId());
                context = context(statement, OuladVocabulary.PLATFORM_SIS, w.classId());
            }
            case OuladEvent.VleActivity v -> {
                verb(statement, OuladVocabulary.INTERACTED, "interacted");
                ObjectNode object = statement.putObject("object");
                object.put("objectType", "Activity");
                object.put("id", OuladVocabulary.vleIri(v.siteId()));
                object.putObject("definition").put("type", OuladVocabulary.activityTypeIri(v.activityType()));
                statement.putObject("result").putObject("extensions").put(OuladVocabulary.CLICKS, v.clicks());
                context = context(statement, OuladVocabulary.PLATFORM_VLE, v.classId());
            }
            case OuladEvent.Submission s -> {
                verb(statement, OuladVocabulary.SUBMIT, "submitted");
                ObjectNode object = statement.putObject("object");
                object.put("objectType", "Activity");
                object.put("id", OuladVocabulary.lineItemIri(s.assessmentId()));
                object.putObject("definition").put("type", OuladVocabulary.ASSESSMENT_TYPE);
                ObjectNode result = statement.putObject("result");
                if (s.score().isPresent()) {
                    double raw = s.score().getAsDouble();
                    ObjectNode score = result.putObject("score");
                    if (raw == Math.rint(raw)) score.put("raw", (long) raw);
                    else score.put("raw", raw);
                    score.put("min", 0).put("max", (int) OuladReader.MAX_SCORE).put("scaled", raw / OuladReader.MAX_SCORE);
                }
                result.put("completion", true);
                context = context(statement, OuladVocabulary.PLATFORM_ASSESSMENT, s.classId());
                if (s.banked()) context.putObject("extensions").put(OuladVocabulary.BANKED, true);
            }
        }
        statement.put("timestamp", event.timestamp().toString());
        return statement;
    }

    /** The statements of one presentation, in the order the replay sends them ({@link OuladTimeline#of(OuladPresentation)}). */
    public Stream<ObjectNode> inOrder(OuladPresentation presentation) {
        return OuladTimeline.of(presentation).stream().map(this::statement);
    }

    /** A JSON array of the statements of {@code batch}, as one request body. */
    public byte[] body(List<OuladEvent> batch) {
        ArrayNode array = json.createArrayNode();
        batch.forEach(event -> array.add(statement(event)));
        try {
            return json.writeValueAsBytes(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render statements", e);
        }
    }

    private static void verb(ObjectNode statement, String id, String display) {
        statement.putObject("verb").put("id", id).putObject("display").put("en-US", display);
    }

    private static void classActivity(ObjectNode activity, String classId) {
        activity.put("objectType", "Activity");
        activity.put("id", OuladVocabulary.classIri(classId));
        ObjectNode definition = activity.putObject("definition");
        definition.putObject("name").put("en-US", classId);
        definition.put("type", OuladVocabulary.COURSE_TYPE);
    }

    private static ObjectNode context(ObjectNode statement, String platform, String classId) {
        ObjectNode context = statement.putObject("context");
        context.put("platform", platform);
        classActivity(context.putObject("contextActivities").putArray("grouping").addObject(), classId);
        return context;
    }
}
