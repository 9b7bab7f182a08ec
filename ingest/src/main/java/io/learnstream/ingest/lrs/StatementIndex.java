package io.learnstream.ingest.lrs;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnstream.ingest.xapi.ActorIdentifier;
import io.learnstream.ingest.xapi.ContextActivities;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the GET filters of the statement resource look at in one stored statement, extracted once when the
 * statement is archived so a query compares plain values instead of walking JSON.
 *
 * <p>Agents are named by their canonical inverse functional identifier ({@link ActorIdentifier}), the same string
 * the query side computes from the {@code agent} parameter. A Group stands for itself (when identified) and for
 * each of its members, as the specification asks of the {@code agent} filter.
 *
 * @param verbId the verb IRI
 * @param agents IFIs of the agents the statement is about: the actor and an Agent or Group object, with Group
 *     members (the {@code agent} filter)
 * @param relatedAgents {@code agents} plus authority, context instructor and team, xAPI 2.0 context agents and
 *     context groups, and the same positions of a SubStatement object (the {@code agent} filter with
 *     {@code related_agents=true})
 * @param activities the id of the object when it is an Activity (the {@code activity} filter)
 * @param relatedActivities {@code activities} plus the context activities of all four kinds, and the object and
 *     context activities of a SubStatement object (the {@code activity} filter with {@code related_activities=true})
 * @param registration the context registration (lower case), or empty
 * @param statementRef the id (lower case) of the statement a StatementRef object targets, or empty
 * @param voidedStatementId for a voiding statement (verb {@link #VOIDED}, StatementRef object), the id of the
 *     statement it voids, or empty
 */
public record StatementIndex(
        String verbId,
        List<String> agents,
        List<String> relatedAgents,
        List<String> activities,
        List<String> relatedActivities,
        Optional<String> registration,
        Optional<String> statementRef,
        Optional<String> voidedStatementId) {

    /** The verb of a voiding statement. */
    public static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";


    public StatementIndex {
        agents = List.copyOf(agents);
        relatedAgents = List.copyOf(relatedAgents);
        activities = List.copyOf(activities);
        relatedActivities = List.copyOf(relatedActivities);
    }

    /**
     * The index of a statement as the LRS stored it. Properties of the wrong shape are skipped, not refused: the
     * statement was validated on the way in, and the archive must never stop on one it cannot fully index.
     */
    public static StatementIndex of(JsonNode statement) {
        Set<String> agents = new LinkedHashSet<>();
        Set<String> relatedAgents = new LinkedHashSet<>();
        Set<String> activities = new LinkedHashSet<>();
        Set<String> relatedActivities = new LinkedHashSet<>();

        addActor(statement.path("actor"), agents);
        JsonNode object = statement.path("object");
        String objectType = objectType(object, "Activity");
        switch (objectType) {
            case "Agent", "Group" -> addActor(object, agents);
            case "Activity" -> addActivity(object, activities);
            default -> { }
        }
        relatedAgents.addAll(agents);
        relatedActivities.addAll(activities);

        addActor(statement.path("authority"), relatedAgents);
        addContext(statement.path("context"), relatedAgents, relatedActivities);
        if (objectType.equals("SubStatement")) {
            addActor(object.path("actor"), relatedAgents);
            JsonNode inner = object.path("object");
            switch (objectType(inner, "Activity")) {
                case "Agent", "Group" -> addActor(inner, relatedAgents);
                case "Activity" -> addActivity(inner, relatedActivities);
                default -> { }
            }
            addContext(object.path("context"), relatedAgents, relatedActivities);
        }

        Optional<String> statementRef = objectType.equals("StatementRef") ? text(object.path("id")).map(StatementIndex::lower)
                : Optional.empty();
        String verbId = text(statement.path("verb").path("id")).orElse("");
        Optional<String> voided = verbId.equals(VOIDED) ? statementRef : Optional.empty();
        Optional<String> registration = text(statement.path("context").path("registration")).map(StatementIndex::lower);
        return new StatementIndex(verbId, List.copyOf(agents), List.copyOf(relatedAgents), List.copyOf(activities),
                List.copyOf(relatedActivities), registration, statementRef, voided);
    }

    /** The canonical IFI of an Agent or identified Group, as the index holds it; empty for an anonymous Group. */
    public static Optional<String> identifierOf(JsonNode agentOrGroup) {
        return agentOrGroup.isObject() ? Optional.ofNullable(ActorIdentifier.of(agentOrGroup)) : Optional.empty();
    }

    /** Whether this is a voiding statement, which can itself never be voided. */
    public boolean isVoiding() {
        return voidedStatementId.isPresent();
    }

    private static void addContext(JsonNode context, Set<String> agents, Set<String> activities) {
        if (!context.isObject()) return;
        addActor(context.path("instructor"), agents);
        addActor(context.path("team"), agents);
        for (JsonNode contextAgent : context.path("contextAgents")) {
            addActor(contextAgent.path("agent"), agents);
        }
        for (JsonNode contextGroup : context.path("contextGroups")) {
            addActor(contextGroup.path("group"), agents);
        }
        JsonNode contextActivities = context.path("contextActivities");
        for (String kind : ContextActivities.KINDS) {
            JsonNode value = contextActivities.path(kind);
            if (value.isArray()) {
                value.forEach(activity -> addActivity(activity, activities));
            } else {
                addActivity(value, activities);
            }
        }
    }

    private static void addActor(JsonNode actor, Set<String> into) {
        if (!actor.isObject()) return;
        identifierOf(actor).ifPresent(into::add);
        for (JsonNode member : actor.path("member")) {
            identifierOf(member).ifPresent(into::add);
        }
    }

    private static void addActivity(JsonNode activity, Set<String> into) {
        if (activity.isObject()) text(activity.path("id")).ifPresent(into::add);
    }

    private static String objectType(JsonNode node, String absent) {
        return node.path("objectType").isTextual() ? node.get("objectType").asText() : absent;
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() && !node.asText().isEmpty() ? Optional.of(node.asText()) : Optional.empty();
    }

    private static String lower(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
