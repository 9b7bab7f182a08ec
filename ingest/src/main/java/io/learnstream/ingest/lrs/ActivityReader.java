package io.learnstream.ingest.lrs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.ingest.xapi.ContextActivities;
import io.learnstream.ingest.xapi.XapiVersion;
import io.learnstream.ingest.xapi.validation.Iris;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The GET side of the xAPI Activities resource ({@code GET /xAPI/activities?activityId=}), apart from HTTP: the
 * Activity object with the definition the district's statements last gave it (xAPI 1.0.3 Communication 2.5, 2.0
 * 4.1.6.4).
 *
 * <ul>
 *   <li>The definition is the one of the most recently stored statement, not voided, that holds the activity with
 *       a definition: as its object, as a context activity, or inside a SubStatement object. A tool that changes an
 *       activity's definition changes what is returned (every credential of a district is trusted to).</li>
 *   <li>An activity no statement defined, or none of the district's statements names, is still answered, with its
 *       id alone, as the specification asks ("SHOULD still return an Activity Object").</li>
 *   <li>The id is compared as a string, as sent (RFC 3987 5.3.1), never normalized.</li>
 *   <li>At most {@link #MAX_SCANNED} statements naming the activity are read, newest first; an activity whose
 *       newest ones all omit its definition is answered with its id alone.</li>
 * </ul>
 */
public final class ActivityReader {
    /** The one parameter of the resource. */
    public static final String ACTIVITY_ID = "activityId";
    /** How many of the statements naming an activity are looked through for its definition, newest first. */
    static final int MAX_SCANNED = 2_000;
    /** Statements read per page: the newest one naming an activity usually defines it. */
    private static final String PAGE = "100";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StatementArchive archive;

    public ActivityReader(StatementArchive archive) {
        this.archive = Objects.requireNonNull(archive, "archive");
    }

    /**
     * The Activity object for the {@code activityId} parameter, as the district {@code tenantId} defined it.
     *
     * @throws StatementQueryException when {@code activityId} is missing, repeated or not an IRI, or another parameter
     *     is given (answer {@code 400})
     */
    public ObjectNode read(String tenantId, Map<String, List<String>> queryParams) {
        Objects.requireNonNull(tenantId, "tenantId");
        String activityId = activityId(queryParams);
        StatementQuery naming = StatementQuery.parse(Map.of("activity", List.of(activityId), "related_activities", List.of("true"),
                "limit", List.of(PAGE)),
                XapiVersion.V2_0_0);
        Instant through = archive.consistentThrough();
        Optional<PagePosition> after = Optional.empty();
        int scanned = 0;
        while (scanned < MAX_SCANNED) {
            StatementPage page = archive.query(tenantId, naming, after, through);
            for (ArchivedStatement statement : page.statements()) {
                JsonNode definition = definitionIn(parse(statement), activityId);
                if (definition != null) return activity(activityId, definition);
            }
            scanned += page.statements().size();
            if (!page.more() || page.statements().isEmpty()) break;
            after = Optional.of(page.statements().getLast().position());
        }
        return activity(activityId, null);
    }

    private static String activityId(Map<String, List<String>> queryParams) {
        for (String name : queryParams.keySet()) {
            if (!name.equals(ACTIVITY_ID)) {
                throw new StatementQueryException(name, "is not a parameter of GET activities; its one parameter is " + ACTIVITY_ID);
            }
        }
        List<String> values = queryParams.get(ACTIVITY_ID);
        if (values == null || values.isEmpty()) {
            throw new StatementQueryException(ACTIVITY_ID, "is required: the IRI of the activity to fetch");
        }
        if (values.size() != 1) {
            throw new StatementQueryException(ACTIVITY_ID, "must be given exactly once, got " + values.size() + " values");
        }
        String activityId = values.getFirst();
        if (!Iris.isAbsoluteIri(activityId)) {
            throw new StatementQueryException(ACTIVITY_ID, "must be an absolute IRI such as http://example.org/courses/algebra-1, got '"
                    + activityId + "'");
        }
        return activityId;
    }

    /** The definition the statement gives the activity, the object's before the context's; {@code null} for none. */
    private static JsonNode definitionIn(JsonNode statement, String activityId) {
        JsonNode found = definitionIn(statement.path("object"), statement.path("context"), activityId);
        if (found != null) return found;
        JsonNode object = statement.path("object");
        if (object.path("objectType").asText("").equals("SubStatement")) {
            return definitionIn(object.path("object"), object.path("context"), activityId);
        }
        return null;
    }

    private static JsonNode definitionIn(JsonNode object, JsonNode context, String activityId) {
        if (object.path("objectType").asText("Activity").equals("Activity")) {
            JsonNode definition = definitionOf(object, activityId);
            if (definition != null) return definition;
        }
        JsonNode contextActivities = context.path("contextActivities");
        for (String kind : ContextActivities.KINDS) {
            JsonNode value = contextActivities.path(kind);
            for (JsonNode activity : value.isArray() ? value : List.of(value)) {
                JsonNode definition = definitionOf(activity, activityId);
                if (definition != null) return definition;
            }
        }
        return null;
    }

    private static JsonNode definitionOf(JsonNode activity, String activityId) {
        if (!activity.isObject() || !activity.path("id").asText("").equals(activityId)) return null;
        JsonNode definition = activity.get("definition");
        return definition != null && definition.isObject() ? definition : null;
    }

    private static ObjectNode activity(String activityId, JsonNode definition) {
        ObjectNode activity = JsonNodeFactory.instance.objectNode();
        activity.put("objectType", "Activity");
        activity.put("id", activityId);
        if (definition != null) activity.set("definition", definition);
        return activity;
    }

    private static JsonNode parse(ArchivedStatement statement) {
        try {
            return JSON.readTree(statement.json());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("archived statement " + statement.id() + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
