package io.learnstream.ingest.xapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Where a statement names the skills its object exercises, in order of precedence:
 * <ol>
 *   <li>{@code context.contextActivities} ({@code category}, {@code parent}, {@code other}) activities whose
 *       {@code definition.type} is one of {@link #activityTypes()} (by default ADL's {@code objective}, the type the
 *       simulator and the ASSISTments replay use): each such activity's id is a skill;</li>
 *   <li>else the extension {@link #extensionKey()} of the object's definition, a skill id or an array of them.</li>
 * </ol>
 * An item-to-skill mapping imported for the district takes precedence over both; that is applied in the mastery
 * topology, which has the mapping.
 *
 * @param activityTypes activity types that mark a context activity as a skill or competency
 * @param extensionKey the object-definition extension that lists skills
 */
public record SkillSources(Set<String> activityTypes, String extensionKey) {
    /** ADL's activity type for what a learner is to achieve. */
    public static final String OBJECTIVE = "http://adlnet.gov/expapi/activities/objective";
    /** The default extension key of the object's definition that lists skill ids. */
    public static final String SKILLS_EXTENSION = "https://learnstream.io/xapi/extensions/skills";
    private static final String[] CONTEXT_LISTS = {"category", "parent", "other"};

    public SkillSources {
        activityTypes = Set.copyOf(Objects.requireNonNull(activityTypes, "activityTypes"));
        Objects.requireNonNull(extensionKey, "extensionKey");
        if (extensionKey.isBlank()) throw new IllegalArgumentException("extensionKey must not be blank");
    }

    public static SkillSources defaults() {
        return new SkillSources(Set.of(OBJECTIVE), SKILLS_EXTENSION);
    }

    /** The skills a statement names, in the order it names them, each once; empty when it names none. */
    public List<String> of(JsonNode statement) {
        Set<String> skills = new LinkedHashSet<>();
        JsonNode activities = statement.path("context").path("contextActivities");
        for (String list : CONTEXT_LISTS) {
            for (JsonNode activity : asArray(activities.get(list))) {
                if (activityTypes.contains(activity.path("definition").path("type").asText())) {
                    skills.add(activity.get("id").asText());
                }
            }
        }
        if (skills.isEmpty()) {
            JsonNode extension = objectOf(statement).path("definition").path("extensions").get(extensionKey);
            for (JsonNode skill : asArray(extension)) {
                if (skill.isTextual() && !skill.asText().isBlank()) skills.add(skill.asText());
            }
        }
        return new ArrayList<>(skills);
    }

    private static JsonNode objectOf(JsonNode statement) {
        JsonNode object = statement.path("object");
        return "SubStatement".equals(object.path("objectType").asText()) ? object.path("object") : object;
    }

    private static Iterable<JsonNode> asArray(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) return List.of();
        if (node.isArray()) return node;
        return List.of(node);
    }
}
