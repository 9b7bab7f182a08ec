package io.learnstream.ingest.lrs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.ingest.xapi.ContextActivities;
import java.util.ArrayList;
import java.util.List;

/**
 * Shapes a stored statement for the {@code format} a GET asked for (xAPI "GET Statements", parameter
 * {@code format}):
 * <ul>
 *   <li>{@code exact}: the statement as stored, untouched.</li>
 *   <li>{@code ids}: every Agent reduced to its {@code objectType} and IFI; an identified Group likewise (its IFI
 *       identifies it); an anonymous Group to its {@code objectType} and its members, each reduced like an Agent;
 *       every Activity to its {@code id}; every Verb to its {@code id}. Applies to actor,
 *       object, authority, context instructor, team, context activities, context agents and groups, and the same
 *       positions inside a SubStatement. Everything else (result, timestamps, extensions...) stays.</li>
 *   <li>{@code canonical}: Agents and Groups as stored; each language map of Activity definitions (name,
 *       description, interaction components) and of Verb displays reduced to the one language the caller prefers
 *       ({@link LanguagePreference}).</li>
 * </ul>
 * The stored statement is never modified: shaping works on a copy.
 */
public final class StatementFormatter {
    private static final List<String> IFIS = List.of("mbox", "mbox_sha1sum", "openid", "account");
    private static final List<String> INTERACTION_COMPONENTS = List.of("choices", "scale", "source", "target", "steps");

    private StatementFormatter() {}

    /** The statement shaped for {@code format}; {@code languages} matters only to {@link ResponseFormat#CANONICAL}. */
    public static JsonNode format(JsonNode statement, ResponseFormat format, LanguagePreference languages) {
        return switch (format) {
            case EXACT -> statement;
            case IDS -> ids(statement.deepCopy());
            case CANONICAL -> canonical(statement.deepCopy(), languages);
        };
    }

    private static JsonNode ids(JsonNode statement) {
        if (!(statement instanceof ObjectNode root)) return statement;
        replace(root, "actor", StatementFormatter::idsActor);
        replace(root, "verb", StatementFormatter::idsVerb);
        replace(root, "object", StatementFormatter::idsObject);
        replace(root, "authority", StatementFormatter::idsActor);
        if (root.get("context") instanceof ObjectNode context) {
            replace(context, "instructor", StatementFormatter::idsActor);
            replace(context, "team", StatementFormatter::idsActor);
            eachContextActivity(context, StatementFormatter::idsActivity);
            for (JsonNode contextAgent : context.path("contextAgents")) {
                if (contextAgent instanceof ObjectNode node) replace(node, "agent", StatementFormatter::idsActor);
            }
            for (JsonNode contextGroup : context.path("contextGroups")) {
                if (contextGroup instanceof ObjectNode node) replace(node, "group", StatementFormatter::idsActor);
            }
        }
        return root;
    }

    private static JsonNode idsObject(JsonNode object) {
        String objectType = object.path("objectType").asText("Activity");
        return switch (objectType) {
            case "Agent", "Group" -> idsActor(object);
            case "SubStatement" -> ids(object);
            case "StatementRef" -> object;
            default -> idsActivity(object);
        };
    }

    private static JsonNode idsActor(JsonNode actor) {
        if (!actor.isObject()) return actor;
        ObjectNode reduced = JsonNodeFactory.instance.objectNode();
        if (actor.has("objectType")) reduced.set("objectType", actor.get("objectType"));
        boolean identified = false;
        for (String ifi : IFIS) {
            if (actor.hasNonNull(ifi)) {
                JsonNode value = actor.get(ifi);
                if (ifi.equals("account") && value.isObject()) {
                    ObjectNode account = reduced.putObject("account");
                    if (value.has("homePage")) account.set("homePage", value.get("homePage"));
                    if (value.has("name")) account.set("name", value.get("name"));
                } else {
                    reduced.set(ifi, value);
                }
                identified = true;
            }
        }
        if (!identified && actor.get("member") instanceof ArrayNode members) {
            ArrayNode reducedMembers = reduced.putArray("member");
            members.forEach(member -> reducedMembers.add(idsActor(member)));
        }
        return reduced;
    }

    private static JsonNode idsActivity(JsonNode activity) {
        if (!activity.isObject()) return activity;
        // its id alone identifies an Activity (an object without objectType is one): the ADL suite holds ids to exactly that
        ObjectNode reduced = JsonNodeFactory.instance.objectNode();
        if (activity.has("id")) reduced.set("id", activity.get("id"));
        return reduced;
    }

    private static JsonNode idsVerb(JsonNode verb) {
        if (!verb.isObject()) return verb;
        ObjectNode reduced = JsonNodeFactory.instance.objectNode();
        if (verb.has("id")) reduced.set("id", verb.get("id"));
        return reduced;
    }

    private static JsonNode canonical(JsonNode statement, LanguagePreference languages) {
        if (!(statement instanceof ObjectNode root)) return statement;
        if (root.get("verb") instanceof ObjectNode verb) reduceLanguageMap(verb, "display", languages);
        JsonNode object = root.path("object");
        String objectType = object.path("objectType").asText("Activity");
        if (objectType.equals("Activity")) {
            canonicalActivity(object, languages);
        } else if (objectType.equals("SubStatement")) {
            canonical(object, languages);
        }
        if (root.get("context") instanceof ObjectNode context) {
            eachContextActivity(context, activity -> {
                canonicalActivity(activity, languages);
                return activity;
            });
        }
        return root;
    }

    private static void canonicalActivity(JsonNode activity, LanguagePreference languages) {
        if (!(activity.path("definition") instanceof ObjectNode definition)) return;
        reduceLanguageMap(definition, "name", languages);
        reduceLanguageMap(definition, "description", languages);
        for (String component : INTERACTION_COMPONENTS) {
            for (JsonNode item : definition.path(component)) {
                if (item instanceof ObjectNode node) reduceLanguageMap(node, "description", languages);
            }
        }
    }

    private static void reduceLanguageMap(ObjectNode parent, String field, LanguagePreference languages) {
        if (!(parent.get(field) instanceof ObjectNode map) || map.isEmpty()) return;
        List<String> tags = new ArrayList<>();
        map.fieldNames().forEachRemaining(tags::add);
        String chosen = languages.choose(tags);
        ObjectNode reduced = JsonNodeFactory.instance.objectNode();
        reduced.set(chosen, map.get(chosen));
        parent.set(field, reduced);
    }

    private static void eachContextActivity(ObjectNode context, java.util.function.UnaryOperator<JsonNode> shape) {
        if (!(context.get("contextActivities") instanceof ObjectNode activities)) return;
        for (String kind : ContextActivities.KINDS) {
            JsonNode value = activities.get(kind);
            if (value instanceof ArrayNode array) {
                for (int i = 0; i < array.size(); i++) array.set(i, shape.apply(array.get(i)));
            } else if (value != null && value.isObject()) {
                activities.set(kind, shape.apply(value));
            }
        }
    }

    private static void replace(ObjectNode parent, String field, java.util.function.UnaryOperator<JsonNode> shape) {
        JsonNode value = parent.get(field);
        if (value != null && !value.isNull()) parent.set(field, shape.apply(value));
    }
}
