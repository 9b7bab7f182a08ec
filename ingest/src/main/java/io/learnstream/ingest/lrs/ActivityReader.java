package io.learnstream.ingest.lrs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.ingest.xapi.ContextActivities;
import io.learnstream.ingest.xapi.XapiVersion;
import io.learnstream.ingest.xapi.validation.Iris;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The GET side of the xAPI Activities resource ({@code GET /xAPI/activities?activityId=}), apart from HTTP: the
 * Activity object with all the district's statements say of its definition (xAPI 1.0.3 Communication 2.5, 2.0
 * 4.1.6.4: "all available information about an activity from any statements").
 *
 * <ul>
 *   <li>The definitions the activity has in the statements that name it (as their object, as a context activity, or
 *       inside a SubStatement object), not voided, are merged newest stored first: the languages of {@code name} and
 *       {@code description} and the keys of {@code extensions} are gathered, each from the newest statement that has
 *       it; every other property ({@code type}, {@code moreInfo}, the interaction properties) is the newest one. So a
 *       tool that changes a definition changes what is returned (every credential of a district is trusted to).</li>
 *   <li>An activity no statement defined, or none of the district's statements names, is still answered, with its
 *       id alone, as the specification asks ("SHOULD still return an Activity Object").</li>
 *   <li>The id is compared as a string, as sent (RFC 3987 5.3.1), never normalized.</li>
 *   <li>The newest {@link #MAX_SCANNED} statements naming an activity are read; a definition given only before
 *       those is not seen. Statements are seen once the archive is consistent through them (see
 *       {@link StatementArchive#consistentThrough()}); a read waits a moment for those this instance just stored
 *       for the district ({@link LatestWrites}).</li>
 * </ul>
 */
public final class ActivityReader {
    /** The one parameter of the resource. */
    public static final String ACTIVITY_ID = "activityId";
    /** How many of the statements naming an activity are looked through for its definition, newest first. */
    static final int MAX_SCANNED = 2_000;
    /** Statements read per page: the largest page, so a popular activity (a course named in every statement) costs few scans. */
    private static final String PAGE = String.valueOf(StatementQuery.MAX_LIMIT);
    /** The properties of a definition whose keys are gathered from every statement: language maps and extensions. */
    private static final Set<String> MERGED_MAPS = Set.of("name", "description", "extensions");

    private final StatementArchive archive;
    private final LatestWrites latestWrites;
    private final Duration readYourWrites;

    /** A reader of what the archive holds, whatever this instance stored a moment ago. */
    public ActivityReader(StatementArchive archive) {
        this(archive, LatestWrites.NONE, Duration.ZERO);
    }

    /**
     * A reader that first lets the archive take in what this instance stored for the district ({@code latestWrites}),
     * waiting up to {@code readYourWrites}: a tool that posts a statement and then asks for its activity gets the
     * definition it just sent.
     */
    public ActivityReader(StatementArchive archive, LatestWrites latestWrites, Duration readYourWrites) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.latestWrites = Objects.requireNonNull(latestWrites, "latestWrites");
        this.readYourWrites = Objects.requireNonNull(readYourWrites, "readYourWrites");
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
        Instant through = consistentThrough(tenantId);
        ObjectNode definition = JsonNodeFactory.instance.objectNode();
        Optional<PagePosition> after = Optional.empty();
        int scanned = 0;
        while (scanned < MAX_SCANNED) {
            StatementPage page = archive.query(tenantId, naming, after, through);
            for (ArchivedStatement statement : page.statements()) {
                for (JsonNode given : definitionsIn(statement.tree(), activityId)) mergeOlder(definition, given);
            }
            scanned += page.statements().size();
            if (!page.more() || page.statements().isEmpty()) break;
            after = Optional.of(page.statements().getLast().position());
        }
        return activity(activityId, definition);
    }

    /**
     * The archive's consistent-through instant once it reaches the latest statements this instance stored for the
     * district, or when {@link #readYourWrites} has passed: then with what the archive has.
     */
    private Instant consistentThrough(String tenantId) {
        Instant through = archive.consistentThrough();
        Optional<Instant> written = latestWrites.latestStored(tenantId);
        if (written.isEmpty()) return through;
        long deadline = System.nanoTime() + readYourWrites.toNanos();
        while (written.get().isAfter(through) && System.nanoTime() < deadline && ArchivePolling.pause()) {
            through = archive.consistentThrough();
        }
        return through;
    }

    /** Adds to {@code merged} what an older {@code definition} has and it lacks (languages, extension keys, properties). */
    private static void mergeOlder(ObjectNode merged, JsonNode definition) {
        for (Map.Entry<String, JsonNode> property : definition.properties()) {
            String name = property.getKey();
            JsonNode value = property.getValue();
            JsonNode held = merged.get(name);
            if (held == null) {
                merged.set(name, value.deepCopy());
            } else if (MERGED_MAPS.contains(name) && held.isObject() && value.isObject()) {
                for (Map.Entry<String, JsonNode> entry : value.properties()) {
                    if (!held.has(entry.getKey())) ((ObjectNode) held).set(entry.getKey(), entry.getValue().deepCopy());
                }
            }
        }
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

    /** The definitions the statement gives the activity, the object's before the context's, then the SubStatement's. */
    private static List<JsonNode> definitionsIn(JsonNode statement, String activityId) {
        List<JsonNode> definitions = new ArrayList<>(1);
        definitionsIn(statement.path("object"), statement.path("context"), activityId, definitions);
        JsonNode object = statement.path("object");
        if (object.path("objectType").asText("").equals("SubStatement")) {
            definitionsIn(object.path("object"), object.path("context"), activityId, definitions);
        }
        return definitions;
    }

    private static void definitionsIn(JsonNode object, JsonNode context, String activityId, List<JsonNode> into) {
        if (object.path("objectType").asText("Activity").equals("Activity")) addDefinition(object, activityId, into);
        JsonNode contextActivities = context.path("contextActivities");
        for (String kind : ContextActivities.KINDS) {
            JsonNode value = contextActivities.path(kind);
            for (JsonNode activity : value.isArray() ? value : List.of(value)) addDefinition(activity, activityId, into);
        }
    }

    private static void addDefinition(JsonNode activity, String activityId, List<JsonNode> into) {
        if (!activity.isObject() || !activity.path("id").asText("").equals(activityId)) return;
        JsonNode definition = activity.get("definition");
        if (definition != null && definition.isObject()) into.add(definition);
    }

    private static ObjectNode activity(String activityId, ObjectNode definition) {
        ObjectNode activity = JsonNodeFactory.instance.objectNode();
        activity.put("objectType", "Activity");
        activity.put("id", activityId);
        if (!definition.isEmpty()) activity.set("definition", definition);
        return activity;
    }
}
