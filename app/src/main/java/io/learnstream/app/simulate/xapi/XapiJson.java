package io.learnstream.app.simulate.xapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.app.simulate.activity.SimEvent;
import io.learnstream.app.simulate.district.CourseSection;
import io.learnstream.app.simulate.district.District;
import io.learnstream.app.simulate.district.Teacher;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Builds the parts every simulated statement shares: id, actor, verb, activities, context, scores, times. */
final class XapiJson {

    static final String LANGUAGE = "en-US";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private final JsonNodeFactory json = JsonNodeFactory.instance;
    private final District district;

    XapiJson(District district) {
        this.district = district;
    }

    District district() {
        return district;
    }

    /** A statement with id, actor, verb and object; result, context and timestamp are added after. */
    ObjectNode statement(SimEvent event, Verb verb, ObjectNode object) {
        ObjectNode statement = json.objectNode();
        statement.put("id", event.id().toString());
        statement.set("actor", agent(event.student().sisId(), event.student().name()));
        ObjectNode verbNode = statement.putObject("verb");
        verbNode.put("id", verb.id());
        verbNode.set("display", languageMap(verb.display()));
        statement.set("object", object);
        return statement;
    }

    ObjectNode agent(String sisId, String name) {
        ObjectNode agent = json.objectNode();
        agent.put("objectType", "Agent");
        agent.put("name", name);
        ObjectNode account = agent.putObject("account");
        account.put("homePage", district.sisHomePage().toString());
        account.put("name", sisId);
        return agent;
    }

    ObjectNode activity(String id, String type, String name) {
        ObjectNode activity = json.objectNode();
        activity.put("objectType", "Activity");
        activity.put("id", id);
        ObjectNode definition = activity.putObject("definition");
        definition.set("name", languageMap(name));
        definition.put("type", type);
        return activity;
    }

    ObjectNode course(CourseSection section) {
        return activity(district.sectionIri(section).toString(), ActivityTypes.COURSE, section.title());
    }

    /**
     * The context every statement has: registration (when given), the class's teacher as instructor, the class in
     * {@code contextActivities.grouping}, the tool as platform, and the language.
     */
    ObjectNode context(SimEvent event, UUID registration) {
        ObjectNode context = json.objectNode();
        if (registration != null) {
            context.put("registration", registration.toString());
        }
        Teacher teacher = district.teacher(event.section().teacherId());
        context.set("instructor", agent(teacher.sisId(), teacher.name()));
        context.putObject("contextActivities").putArray("grouping").add(course(event.section()));
        context.put("platform", event.action().tool().platform());
        context.put("language", LANGUAGE);
        return context;
    }

    /** Adds an activity to one of the context's {@code contextActivities} lists. */
    static void addContextActivity(ObjectNode context, String list, ObjectNode activity) {
        ObjectNode lists = (ObjectNode) context.get("contextActivities");
        ArrayNode array = lists.has(list) ? (ArrayNode) lists.get(list) : lists.putArray(list);
        array.add(activity);
    }

    ObjectNode languageMap(String text) {
        return json.objectNode().put(LANGUAGE, text);
    }

    /** A score with scaled = raw / max (so within [0, 1] ⊂ [-1, 1]) and min 0. */
    ObjectNode score(int raw, int max) {
        if (max <= 0 || raw < 0 || raw > max) {
            throw new IllegalArgumentException("score needs 0 <= raw <= max and max > 0, was " + raw + "/" + max);
        }
        ObjectNode score = json.objectNode();
        score.put("scaled", decimal((double) raw / max, 4));
        score.put("raw", raw);
        score.put("min", 0);
        score.put("max", max);
        return score;
    }

    ObjectNode objectNode() {
        return json.objectNode();
    }

    /** ISO 8601 with the district's offset and milliseconds, e.g. {@code 2025-09-02T19:04:11.250-05:00}. */
    static String timestamp(Instant time, ZoneId zone) {
        return TIMESTAMP.format(time.atZone(zone));
    }

    /** ISO 8601 duration to the hundredth of a second, as xAPI compares them, e.g. {@code PT4M2.35S}. */
    static String duration(Duration duration) {
        long centis = Math.round(duration.toMillis() / 10.0);
        return Duration.ofMillis(centis * 10).toString();
    }

    /** The value rounded to {@code scale} decimals. */
    static double decimal(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).doubleValue();
    }
}
