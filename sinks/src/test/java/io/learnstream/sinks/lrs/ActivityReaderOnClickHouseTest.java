package io.learnstream.sinks.lrs;

import static io.learnstream.sinks.lrs.ArchiveTable.at;
import static io.learnstream.sinks.lrs.StatementJson.JSON;
import static io.learnstream.sinks.lrs.StatementJson.activity;
import static io.learnstream.sinks.lrs.StatementJson.newId;
import static io.learnstream.sinks.lrs.StatementJson.statement;
import static io.learnstream.sinks.lrs.StatementJson.voiding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.ingest.lrs.ActivityReader;
import io.learnstream.ingest.lrs.StatementQueryException;
import io.learnstream.sinks.clickhouse.chdb.ChdbColumnStore;
import io.learnstream.sinks.schema.ClickHouseSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Activities resource below HTTP: {@link ActivityReader} over the ClickHouse archive on chDB. An activity is
 * answered with all its district's statements say of its definition, the newest first.
 */
@Timeout(120)
class ActivityReaderOnClickHouseTest {
    private static final String QUIZ = "http://example.org/quizzes/fractions-1";
    private static final String ANN = "mailto:ann@example.org";

    @TempDir
    static Path dataDir;
    static ChdbColumnStore store;
    static ArchiveTable table;
    static ActivityReader reader;

    String tenant;

    @BeforeAll
    static void openStore() {
        store = ChdbColumnStore.open(dataDir);
        ClickHouseSchema.apply(store);
        table = new ArchiveTable(store);
        reader = new ActivityReader(new ClickHouseStatementArchive(store, () -> at(600)));
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @BeforeEach
    void aNewDistrict() {
        tenant = "district-" + newId().substring(0, 8);
    }

    @Test
    void shouldAnswerWhatTheNewestStatementSaysOfTheActivity() {
        table.write(tenant, about(QUIZ, definition("Fractions quiz")), 1);
        table.write(tenant, about(QUIZ, definition("Fractions quiz, revised")), 2);
        table.write(tenant, about(QUIZ, null), 3); // the newest names it without a definition

        JsonNode activity = read(QUIZ);

        assertThat(activity.get("objectType").asText()).isEqualTo("Activity");
        assertThat(activity.get("id").asText()).isEqualTo(QUIZ);
        assertThat(activity.get("definition")).isEqualTo(definition("Fractions quiz, revised"));
    }

    @Test
    void shouldFindTheDefinitionOfAContextActivity() {
        String course = "http://example.org/courses/algebra-1";
        ObjectNode statement = about(QUIZ, null);
        statement.putObject("context").putObject("contextActivities").putArray("grouping")
                .add(activity(course).set("definition", definition("Algebra 1")));
        table.write(tenant, statement, 1);

        assertThat(read(course).get("definition")).isEqualTo(definition("Algebra 1"));
        assertThat(read(QUIZ).has("definition")).as("the course's definition is not the quiz's").isFalse();
    }

    @Test
    void shouldFindTheDefinitionOfASubStatementsActivity() {
        ObjectNode statement = statement(newId(), ANN, "http://example.org/unused");
        ObjectNode sub = statement.putObject("object");
        sub.put("objectType", "SubStatement");
        sub.set("actor", StatementJson.agent(ANN));
        sub.putObject("verb").put("id", StatementJson.COMPLETED);
        sub.set("object", activity(QUIZ).set("definition", definition("Planned quiz")));
        String unit = "http://example.org/units/fractions";
        sub.putObject("context").putObject("contextActivities").set("parent", activity(unit).set("definition", definition("Fractions unit")));
        table.write(tenant, statement, 1);

        assertThat(read(QUIZ).get("definition")).isEqualTo(definition("Planned quiz"));
        assertThat(read(unit).get("definition")).isEqualTo(definition("Fractions unit"));
    }

    @Test
    void shouldGatherTheLanguagesAndExtensionsOfEveryStatementTheNewestFirst() {
        ObjectNode older = definition("Fractions quiz");
        older.putObject("description").put("en-US", "The first description");
        older.putObject("extensions").put("http://example.org/x/level", 1);
        table.write(tenant, about(QUIZ, older), 1);
        ObjectNode newer = JSON.createObjectNode();
        newer.putObject("name").put("fr-FR", "Quiz des fractions");
        newer.putObject("description").put("en-US", "The second description");
        newer.put("type", "http://adlnet.gov/expapi/activities/cmi.interaction");
        table.write(tenant, about(QUIZ, newer), 2);

        JsonNode definition = read(QUIZ).get("definition");

        assertThat(definition.get("name")).isEqualTo(JSON.createObjectNode().put("fr-FR", "Quiz des fractions").put("en-US", "Fractions quiz"));
        assertThat(definition.get("description")).isEqualTo(JSON.createObjectNode().put("en-US", "The second description"));
        assertThat(definition.get("extensions")).isEqualTo(JSON.createObjectNode().put("http://example.org/x/level", 1));
        assertThat(definition.get("type").asText()).isEqualTo("http://adlnet.gov/expapi/activities/cmi.interaction");
    }

    @Test
    void shouldGatherTheLanguagesOfTwoStatementsStoredAtOnce() {
        ObjectNode english = JSON.createObjectNode();
        english.putObject("description").put("en-US", "Fractions");
        ObjectNode french = JSON.createObjectNode();
        french.putObject("description").put("fr-FR", "Fractions, en français");
        table.write(tenant, about(QUIZ, english), 1);
        table.write(tenant, about(QUIZ, french), 1);

        assertThat(read(QUIZ).at("/definition/description"))
                .isEqualTo(JSON.createObjectNode().put("en-US", "Fractions").put("fr-FR", "Fractions, en français"));
    }

    @Test
    void shouldAnswerAnActivityNoStatementDefinesWithItsIdAlone() {
        table.write(tenant, about(QUIZ, null), 1);

        assertThat(read(QUIZ)).isEqualTo(JSON.createObjectNode().put("objectType", "Activity").put("id", QUIZ));
        assertThat(read("http://example.org/never-named"))
                .isEqualTo(JSON.createObjectNode().put("objectType", "Activity").put("id", "http://example.org/never-named"));
    }

    @Test
    void shouldCompareActivityIdsAsStringsWithoutNormalizingThem() {
        String sent = "http://example.com/path/../" + newId();
        String normalized = sent.replace("path/../", "");
        table.write(tenant, about(sent, definition("Dotted")), 1);

        assertThat(read(sent).get("id").asText()).isEqualTo(sent);
        assertThat(read(sent).get("definition")).isEqualTo(definition("Dotted"));
        assertThat(read(normalized).has("definition")).isFalse();
    }

    @Test
    void shouldNotTakeTheDefinitionOfAVoidedStatement() {
        table.write(tenant, about(QUIZ, definition("Fractions quiz")), 1);
        String mistaken = table.write(tenant, about(QUIZ, definition("Wrong quiz")), 2);
        table.write(tenant, voiding(newId(), ANN, mistaken), 3);

        assertThat(read(QUIZ).get("definition")).isEqualTo(definition("Fractions quiz"));
    }

    @Test
    void shouldNeverShowAnotherDistrictsDefinition() {
        table.write("other-" + tenant, about(QUIZ, definition("Their quiz")), 1);

        assertThat(read(QUIZ).has("definition")).isFalse();
    }

    @Test
    void shouldRefuseAMissingRepeatedOrInvalidActivityIdAndAnyOtherParameter() {
        assertRefused(Map.of(), "activityId", "is required");
        assertRefused(Map.of("activityId", List.of(QUIZ, QUIZ)), "activityId", "exactly once");
        assertRefused(Map.of("activityId", List.of("fractions quiz")), "activityId", "absolute IRI");
        assertRefused(Map.of("activityId", List.of(QUIZ), "agent", List.of("{}")), "agent", "not a parameter of GET activities");
    }

    private void assertRefused(Map<String, List<String>> params, String parameter, String rule) {
        assertThatThrownBy(() -> reader.read(tenant, params))
                .isInstanceOfSatisfying(StatementQueryException.class, e -> {
                    assertThat(e.parameter()).isEqualTo(parameter);
                    assertThat(e.rule()).contains(rule);
                });
    }

    private JsonNode read(String activityId) {
        return reader.read(tenant, Map.of("activityId", List.of(activityId)));
    }

    /** {@code ann experienced <activityId>}, the activity with {@code definition} unless it is null. */
    private static ObjectNode about(String activityId, ObjectNode definition) {
        ObjectNode statement = statement(newId(), ANN, activityId);
        if (definition != null) ((ObjectNode) statement.get("object")).set("definition", definition);
        return statement;
    }

    private static ObjectNode definition(String name) {
        ObjectNode definition = JSON.createObjectNode();
        definition.putObject("name").put("en-US", name);
        definition.put("type", "http://adlnet.gov/expapi/activities/assessment");
        return definition;
    }
}
