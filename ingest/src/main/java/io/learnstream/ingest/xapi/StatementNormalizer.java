package io.learnstream.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnstream.ingest.identity.StudentKeys;
import io.learnstream.schemas.avro.LearningEvent;

/** Turns a validated xAPI statement into the pipeline's {@link LearningEvent}: pseudonymous, flat, typed. */
public final class StatementNormalizer {
    /** Activity type that marks a course in context activities. */
    public static final String COURSE_TYPE = "http://adlnet.gov/expapi/activities/course";
    /** Course id used when a statement names no course at all. */
    public static final String UNKNOWN_COURSE = "unknown";
    public static final String SOURCE_FORMAT = "xapi";

    private final SkillSources skillSources;

    public StatementNormalizer(SkillSources skillSources) {
        this.skillSources = java.util.Objects.requireNonNull(skillSources, "skillSources");
    }

    public StatementNormalizer() {
        this(SkillSources.defaults());
    }

    /**
     * The learning event of a statement.
     *
     * @param keys how the actor's identifier ({@link ActorIdentifier}) becomes the student key: the district's
     *     {@link io.learnstream.ingest.identity.PseudonymKey}, or the intake's roster linking
     */
    public LearningEvent normalize(Statement statement, String tenantId, StudentKeys keys, String tool)
            throws UnprocessableStatementException {
        JsonNode json = statement.json();
        JsonNode actor = json.get("actor");
        String identifier = ActorIdentifier.of(actor);
        if (identifier == null) {
            throw new UnprocessableStatementException(
                    "actor: an anonymous Group has no stable identity to attribute learning to");
        }
        JsonNode object = json.get("object");
        JsonNode context = json.path("context");
        JsonNode result = json.path("result");
        JsonNode score = result.path("score");
        String duration = result.path("duration").asText(null);

        return LearningEvent.newBuilder()
                .setEventId(statement.id().toString())
                .setTenantId(tenantId)
                .setStudentKey(keys.studentKey(identifier))
                .setCourseId(courseOf(context))
                .setActivityId(activityIdOf(object))
                .setActivityType(object.path("definition").path("type").asText(null))
                .setVerb(json.get("verb").get("id").asText())
                .setEventTime(statement.timestamp())
                .setStoredTime(statement.stored())
                .setSourceFormat(SOURCE_FORMAT)
                .setTool(context.hasNonNull("platform") ? context.get("platform").asText() : tool)
                .setScoreScaled(score.hasNonNull("scaled") ? score.get("scaled").asDouble() : null)
                .setSuccess(result.hasNonNull("success") ? result.get("success").asBoolean() : null)
                .setCompletion(result.hasNonNull("completion") ? result.get("completion").asBoolean() : null)
                .setDurationMs(duration == null ? null : XapiDuration.parseMillis(duration))
                .setRegistration(context.hasNonNull("registration") ? context.get("registration").asText() : null)
                .setSkills(skillSources.of(json))
                .build();
    }

    /**
     * The course a statement belongs to: the first context activity typed as a course (grouping, then parent,
     * then other), else the first grouping activity, else the first parent, else {@link #UNKNOWN_COURSE}.
     */
    static String courseOf(JsonNode context) {
        JsonNode activities = context.path("contextActivities");
        for (String kind : new String[] {"grouping", "parent", "other"}) {
            for (JsonNode activity : asArray(activities.get(kind))) {
                if (COURSE_TYPE.equals(activity.path("definition").path("type").asText())) {
                    return activity.get("id").asText();
                }
            }
        }
        for (String kind : new String[] {"grouping", "parent"}) {
            for (JsonNode activity : asArray(activities.get(kind))) {
                return activity.get("id").asText();
            }
        }
        return UNKNOWN_COURSE;
    }

    private static String activityIdOf(JsonNode object) {
        String type = object.path("objectType").asText("Activity");
        return switch (type) {
            case "Activity" -> object.get("id").asText();
            case "StatementRef" -> "urn:xapi:statement:" + object.get("id").asText();
            case "SubStatement" -> activityIdOf(object.get("object"));
            default -> "urn:xapi:" + type.toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static Iterable<JsonNode> asArray(JsonNode node) {
        if (node == null || node.isNull()) return java.util.List.of();
        if (node.isArray()) return node;
        return java.util.List.of(node);
    }
}
