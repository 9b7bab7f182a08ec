package io.learnstream.app.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.app.simulate.xapi.ActivityTypes;
import io.learnstream.app.simulate.xapi.SkillTagging;
import io.learnstream.app.simulate.xapi.VideoProfile;
import io.learnstream.ingest.xapi.StatementValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class StatementShapeTest {

    private static final Set<String> STATEMENT_PROPERTIES = Set.of("id", "actor", "verb", "object", "result", "context", "timestamp");
    private static final Set<String> CONTEXT_PROPERTIES = Set.of("registration", "instructor", "contextActivities", "platform", "language", "extensions");
    private static final Set<String> RESULT_PROPERTIES = Set.of("score", "success", "completion", "response", "duration", "extensions");
    private static final Set<String> CONTEXT_ACTIVITY_LISTS = Set.of("parent", "grouping", "category", "other");
    private static final Set<String> DEFINITION_PROPERTIES = Set.of("name", "description", "type", "interactionType", "correctResponsesPattern", "choices");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern TIMESTAMP_WITH_OFFSET = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{2}:\\d{2}");
    private static final Pattern PLAYED_SEGMENTS = Pattern.compile("\\d+(\\.\\d+)?\\[\\.]\\d+(\\.\\d+)?(\\[,]\\d+(\\.\\d+)?\\[\\.]\\d+(\\.\\d+)?)*");
    private static final Pattern CLASS_IRI = Pattern.compile("https://sis\\.riverside\\.example\\.org/classes/[a-z0-9-]+");
    private static final String SIS = "https://sis.riverside.example.org";

    /** Four weeks of a 60-student district: every kind of statement, many times. */
    private static final List<ObjectNode> STATEMENTS = new ArrayList<>();

    @BeforeAll
    static void generate() {
        TestTerms.generator(21, 2, 60, 4).forEachRemaining(STATEMENTS::add);
    }

    @Test
    void everyStatementHasTheRequiredXapiPropertiesAndNoOthers() {
        assertThat(STATEMENTS).hasSizeGreaterThan(10_000);
        for (ObjectNode s : STATEMENTS) {
            assertThat(fieldNames(s)).as("properties of %s", s).isSubsetOf(STATEMENT_PROPERTIES)
                    .contains("id", "actor", "verb", "object", "context", "timestamp");
            assertThat(s.get("id").asText()).matches(UUID_TEXT);
            assertAgentWithSisAccount(s.get("actor"));
            assertThat(fieldNames(s.get("verb"))).containsExactlyInAnyOrder("id", "display");
            assertAbsoluteIri(s.get("verb").get("id").asText());
            assertThat(s.get("verb").get("display").get("en-US").asText()).isNotBlank();
            assertActivity(s.get("object"));
            assertThat(s.get("timestamp").asText()).matches(TIMESTAMP_WITH_OFFSET);
            OffsetDateTime.parse(s.get("timestamp").asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
    }

    @Test
    void everyStatementNamesItsClassAsCourseInGroupingWithTheTeacherAsInstructorAndTheToolAsPlatform() {
        for (ObjectNode s : STATEMENTS) {
            JsonNode context = s.get("context");
            assertThat(fieldNames(context)).isSubsetOf(CONTEXT_PROPERTIES).contains("instructor", "contextActivities", "platform");
            assertThat(context.get("platform").asText()).isIn("sim-lms", "sim-quiz", "sim-video");
            assertAgentWithSisAccount(context.get("instructor"));
            assertThat(context.get("instructor").get("account").get("name").asText()).matches("T\\d{4}");
            JsonNode activities = context.get("contextActivities");
            assertThat(fieldNames(activities)).isSubsetOf(CONTEXT_ACTIVITY_LISTS);
            activities.forEach(list -> {
                assertThat(list.isArray()).isTrue();
                list.forEach(StatementShapeTest::assertActivity);
            });
            JsonNode course = activities.get("grouping").get(0);
            assertThat(course.get("definition").get("type").asText()).isEqualTo(ActivityTypes.COURSE);
            assertThat(course.get("id").asText()).matches(CLASS_IRI);
            if (context.has("registration")) {
                assertThat(UUID.fromString(context.get("registration").asText()).toString()).isEqualTo(context.get("registration").asText());
            }
        }
    }

    @Test
    void resultsHaveScoresWithinTheirRangesAndIsoDurations() {
        int scored = 0;
        for (ObjectNode s : STATEMENTS) {
            if (!s.has("result")) {
                continue;
            }
            JsonNode result = s.get("result");
            assertThat(fieldNames(result)).isSubsetOf(RESULT_PROPERTIES);
            if (result.has("score")) {
                scored++;
                JsonNode score = result.get("score");
                assertThat(fieldNames(score)).containsExactlyInAnyOrder("scaled", "raw", "min", "max");
                assertThat(score.get("scaled").asDouble()).isBetween(-1.0, 1.0);
                assertThat(score.get("min").asDouble()).isLessThan(score.get("max").asDouble());
                assertThat(score.get("raw").asDouble()).isBetween(score.get("min").asDouble(), score.get("max").asDouble());
                assertThat(score.get("scaled").asDouble()).isCloseTo(score.get("raw").asDouble() / score.get("max").asDouble(),
                        org.assertj.core.data.Offset.offset(0.0001));
            }
            if (result.has("duration")) {
                assertThat(Duration.parse(result.get("duration").asText()).isNegative()).isFalse();
            }
            if (result.has("success")) {
                assertThat(result.get("success").isBoolean()).isTrue();
            }
        }
        assertThat(scored).isGreaterThan(1_000);
    }

    @Test
    void allThreeToolsAppearWithTheirVerbs() {
        Map<String, Set<String>> verbsByTool = new TreeMap<>();
        for (ObjectNode s : STATEMENTS) {
            verbsByTool.computeIfAbsent(s.get("context").get("platform").asText(), k -> new TreeSet<>())
                    .add(s.get("verb").get("id").asText());
        }

        assertThat(verbsByTool).containsOnlyKeys("sim-lms", "sim-quiz", "sim-video");
        assertThat(verbsByTool.get("sim-lms")).containsExactlyInAnyOrder(
                "http://adlnet.gov/expapi/verbs/launched", "http://adlnet.gov/expapi/verbs/experienced",
                "http://activitystrea.ms/schema/1.0/submit", "http://adlnet.gov/expapi/verbs/completed");
        assertThat(verbsByTool.get("sim-quiz")).containsExactlyInAnyOrder(
                "http://adlnet.gov/expapi/verbs/attempted", "http://adlnet.gov/expapi/verbs/answered",
                "http://adlnet.gov/expapi/verbs/completed");
        assertThat(verbsByTool.get("sim-video")).containsExactlyInAnyOrder(
                "http://adlnet.gov/expapi/verbs/initialized", "https://w3id.org/xapi/video/verbs/played",
                "https://w3id.org/xapi/video/verbs/paused", "https://w3id.org/xapi/video/verbs/seeked",
                "http://adlnet.gov/expapi/verbs/completed", "http://adlnet.gov/expapi/verbs/terminated");
    }

    @Test
    void everyAnsweredQuestionIsAChoiceInteractionWithAResultAndExactlyOneSkill() {
        List<ObjectNode> answers = withVerb("http://adlnet.gov/expapi/verbs/answered");

        assertThat(answers).hasSizeGreaterThan(1_000);
        for (ObjectNode s : answers) {
            JsonNode definition = s.get("object").get("definition");
            assertThat(definition.get("type").asText()).isEqualTo(ActivityTypes.INTERACTION);
            assertThat(definition.get("interactionType").asText()).isEqualTo("choice");
            JsonNode result = s.get("result");
            assertThat(result.get("success").isBoolean()).isTrue();
            assertThat(result.get("response").asText()).isIn("a", "b", "c", "d");
            assertThat(result.get("response").asText().equals(definition.get("correctResponsesPattern").get(0).asText()))
                    .isEqualTo(result.get("success").asBoolean());
            assertThat(Duration.parse(result.get("duration").asText())).isPositive();
            JsonNode skills = s.get("context").get("contextActivities").get(SkillTagging.CONTEXT_ACTIVITIES_LIST);
            assertThat(skills).hasSize(1);
            assertThat(skills.get(0).get("definition").get("type").asText()).isEqualTo(SkillTagging.SKILL_ACTIVITY_TYPE);
            assertThat(skills.get(0).get("id").asText()).startsWith(SIS + "/skills/");
            assertThat(s.get("context").get("contextActivities").get("parent").get(0).get("definition").get("type").asText())
                    .isEqualTo(ActivityTypes.ASSESSMENT);
            assertThat(s.get("context").has("registration")).isTrue();
        }
    }

    @Test
    void eachQuizAttemptIsOneRegistrationFromAttemptedToCompletedWithTheScoreOfItsAnswers() {
        Map<String, List<ObjectNode>> attempts = new TreeMap<>();
        for (ObjectNode s : STATEMENTS) {
            if (s.get("context").get("platform").asText().equals("sim-quiz")) {
                attempts.computeIfAbsent(s.get("context").get("registration").asText(), k -> new ArrayList<>()).add(s);
            }
        }
        int completed = 0;
        for (List<ObjectNode> attempt : attempts.values()) {
            assertThat(attempt.getFirst().get("verb").get("display").get("en-US").asText()).isEqualTo("attempted");
            ObjectNode last = attempt.getLast();
            if (last.get("verb").get("display").get("en-US").asText().equals("completed")) {
                completed++;
                long right = attempt.stream().filter(s -> s.has("result") && s.get("result").has("response")
                        && s.get("result").get("success").asBoolean()).count();
                assertThat(last.get("result").get("score").get("raw").asLong()).isEqualTo(right);
                assertThat(last.get("result").get("score").get("max").asLong()).isEqualTo(attempt.size() - 2);
            }
        }
        assertThat(completed).isGreaterThan(attempts.size() * 8 / 10);
    }

    @Test
    void videoStatementsFollowTheXapiVideoProfile() {
        List<ObjectNode> videos = STATEMENTS.stream().filter(s -> s.get("context").get("platform").asText().equals("sim-video")).toList();

        assertThat(videos).hasSizeGreaterThan(1_000);
        for (ObjectNode s : videos) {
            String verb = s.get("verb").get("id").asText();
            assertThat(s.get("object").get("definition").get("type").asText()).isEqualTo(ActivityTypes.VIDEO);
            JsonNode context = s.get("context");
            assertThat(context.get("contextActivities").get("category").get(0).get("id").asText()).isEqualTo(VideoProfile.ID);
            assertThat(context.get("extensions").get(VideoProfile.SESSION_ID).asText()).matches(UUID_TEXT);
            JsonNode results = s.path("result").path("extensions");
            switch (verb) {
                case "http://adlnet.gov/expapi/verbs/initialized" -> assertDescribesVideo(context);
                case "https://w3id.org/xapi/video/verbs/played" -> assertThat(results.get(VideoProfile.TIME).asDouble()).isNotNegative();
                case "https://w3id.org/xapi/video/verbs/seeked" -> {
                    assertThat(results.get(VideoProfile.TIME_FROM).asDouble()).isNotNegative();
                    assertThat(results.get(VideoProfile.TIME_TO).asDouble()).isNotNegative();
                }
                case "https://w3id.org/xapi/video/verbs/paused", "http://adlnet.gov/expapi/verbs/completed",
                     "http://adlnet.gov/expapi/verbs/terminated" -> {
                    assertDescribesVideo(context);
                    double length = context.get("extensions").get(VideoProfile.LENGTH).asDouble();
                    assertThat(results.get(VideoProfile.TIME).asDouble()).isBetween(0.0, length);
                    assertThat(results.get(VideoProfile.PROGRESS).asDouble()).isBetween(0.0, 1.0);
                    assertThat(results.get(VideoProfile.PLAYED_SEGMENTS).asText()).matches(PLAYED_SEGMENTS);
                    if (verb.endsWith("completed")) {
                        assertThat(results.get(VideoProfile.PROGRESS).asDouble()).isGreaterThanOrEqualTo(0.9);
                        assertThat(s.get("result").get("completion").asBoolean()).isTrue();
                    }
                }
                default -> throw new AssertionError("unexpected video verb " + verb);
            }
        }
    }

    @Test
    void everyStatementPassesTheIngestValidator() {
        StatementValidator validator = new StatementValidator();

        assertThat(STATEMENTS).allSatisfy(validator::validate);
    }

    private List<ObjectNode> withVerb(String verb) {
        return STATEMENTS.stream().filter(s -> s.get("verb").get("id").asText().equals(verb)).toList();
    }

    private static void assertDescribesVideo(JsonNode context) {
        assertThat(context.get("extensions").get(VideoProfile.LENGTH).asDouble()).isPositive();
        assertThat(context.get("extensions").get(VideoProfile.COMPLETION_THRESHOLD).asDouble()).isEqualTo(0.9);
    }

    private static void assertAgentWithSisAccount(JsonNode agent) {
        assertThat(fieldNames(agent)).containsExactlyInAnyOrder("objectType", "name", "account");
        assertThat(agent.get("objectType").asText()).isEqualTo("Agent");
        assertThat(agent.get("name").asText()).isNotBlank();
        assertThat(fieldNames(agent.get("account"))).containsExactlyInAnyOrder("homePage", "name");
        assertThat(agent.get("account").get("homePage").asText()).isEqualTo(SIS);
        assertThat(agent.get("account").get("name").asText()).isNotBlank();
    }

    private static void assertActivity(JsonNode activity) {
        assertThat(fieldNames(activity)).containsExactlyInAnyOrder("objectType", "id", "definition");
        assertThat(activity.get("objectType").asText()).isEqualTo("Activity");
        assertAbsoluteIri(activity.get("id").asText());
        assertThat(fieldNames(activity.get("definition"))).isSubsetOf(DEFINITION_PROPERTIES).contains("type", "name");
        assertAbsoluteIri(activity.get("definition").get("type").asText());
    }

    private static void assertAbsoluteIri(String iri) {
        URI uri = URI.create(iri);
        assertThat(uri.isAbsolute()).as("absolute IRI: %s", iri).isTrue();
        assertThat(uri.getScheme()).as("scheme of %s", iri).isIn("http", "https");
        assertThat(uri.getHost()).as("host of %s", iri).isNotBlank();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }
}
