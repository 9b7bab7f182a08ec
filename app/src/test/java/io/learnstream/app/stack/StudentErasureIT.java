package io.learnstream.app.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.app.Main;
import io.learnstream.app.privacy.ErasureReport;
import io.learnstream.app.topics.LiveKeys;
import io.learnstream.app.privacy.StudentErasure;
import io.learnstream.app.privacy.TableRowsPlace;
import io.learnstream.app.roster.RosterExport;
import io.learnstream.app.simulate.StatementGenerator;
import io.learnstream.app.simulate.activity.Term;
import io.learnstream.app.simulate.district.District;
import io.learnstream.app.simulate.district.DistrictGenerator;
import io.learnstream.app.simulate.district.DistrictSpec;
import io.learnstream.app.simulate.district.Student;
import io.learnstream.ingest.identity.PseudonymKey;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * A district's roster and three weeks of its students' activity through the whole pipeline, then one student erased:
 * nothing of them is left in any table or as a live value of any compacted topic, and the other students are as they were.
 */
class StudentErasureIT {
    private static final Duration BOUND = Duration.ofMinutes(5);
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final Term TERM = new Term(LocalDate.of(2025, 8, 25), 16, ZONE);
    private static final District DISTRICT = DistrictGenerator.generate(new DistrictSpec("riverside", 11, 1, 20, ZONE, 16));
    private static final Instant UNTIL = TERM.start().plusWeeks(3).atStartOfDay(ZoneId.of("UTC")).toInstant();
    /** Every ClickHouse table that holds a student key, and the archive (by the key's statements' count). */
    private static final List<String> KEYED_TABLES = TableRowsPlace.STUDENT_KEY_TABLES;

    @TempDir
    Path dataDir;

    @TempDir
    Path export;

    @Test
    void shouldLeaveNothingOfAnErasedStudentQueryableAndEveryOtherStudentAsTheyWere() throws Exception {
        RosterExport.write(DISTRICT, TERM, export);
        try (RunningStack running = RunningStack.start(dataDir)) {
            EmbeddedStack stack = running.stack;
            PseudonymKey keys = stack.pipeline().directory().districts().pseudonymKey(DemoDistrict.TENANT).orElseThrow();
            // given the district's roster and its students' first three weeks through the pipeline
            importRoster(stack);
            List<ObjectNode> sent = statements();
            send(running, sent);
            // the student with rows in the most tables (alerts are raised for a few), and another
            Student erased = DISTRICT.students().stream().max(java.util.Comparator.comparingLong(
                    (Student s) -> rowsOf(stack, keys.studentKey("roster:" + s.sisId())).values().stream().filter(n -> n > 0).count())).orElseThrow();
            Student other = DISTRICT.students().stream().filter(s -> s != erased).findFirst().orElseThrow();
            String erasedKey = keys.studentKey("roster:" + erased.sisId());
            String otherKey = keys.studentKey("roster:" + other.sisId());
            Map<String, Long> erasedBefore = rowsOf(stack, erasedKey);
            Map<String, Long> otherBefore = rowsOf(stack, otherKey, " FINAL");
            System.out.println("erased student's rows before: " + erasedBefore + "; other's: " + otherBefore);
            assertThat(erasedBefore.get("engagement_daily_versions")).isPositive();
            assertThat(otherBefore.get("engagement_daily_versions")).isPositive();
            long erasedStatements = statementsOf(stack, erased);
            long otherStatements = statementsOf(stack, other);
            assertThat(erasedStatements).isPositive();
            Set<String> erasedLiveKeys = liveKeysHolding(stack, erasedKey);
            assertThat(erasedLiveKeys).isNotEmpty();
            Set<String> otherLiveKeys = liveKeysHolding(stack, otherKey);
            // and a bookmark in the State resource and a preference in the Agent Profile resource for each of them
            String erasedState = stateOf(sent, erased);
            String otherState = stateOf(sent, other);
            for (String document : List.of(erasedState, agentProfileOf(sent, erased), otherState)) {
                assertThat(running.post(document, "{\"bookmark\":\"page-7\"}", running.credential.authorizationHeader()).statusCode())
                        .as(document).isEqualTo(204);
                assertThat(running.getResource(document).statusCode()).as(document).isEqualTo(200);
            }

            // when the first student is erased, named by their roster sourcedId
            ErasureReport report = StudentErasure.run(stack.kafkaBootstrapServers(), "erasure-it", stack.pipeline().topics(), stack.store(),
                    DemoDistrict.TENANT, erased.sisId(), keys, BOUND, List.of());

            // then the report counts what was there
            Map<String, Long> counted = report.removed().stream().collect(Collectors.toMap(ErasureReport.Removed::place, ErasureReport.Removed::count));
            assertThat(counted).containsEntry("table xapi_statements", erasedStatements);
            // (a ReplacingMergeTree may merge a student's versions between the count and the erasure: fewer, never none)
            erasedBefore.forEach((table, rows) -> assertThat(counted.get("table " + table)).as(table)
                    .isBetween(Math.min(rows, 1L), rows));
            assertThat(counted).containsEntry("topic " + stack.pipeline().topics().xapiStates().name(), 1L)
                    .containsEntry("topic " + stack.pipeline().topics().xapiAgentProfiles().name(), 1L);
            assertThat(counted.entrySet().stream().filter(e -> e.getKey().startsWith("topic ") && !e.getKey().contains("xapi-"))
                    .mapToLong(Map.Entry::getValue).sum()).isEqualTo(erasedLiveKeys.size());
            // and nothing of the erased student is left: no row in any table, no statement, no live key in any compacted topic
            assertThat(rowsOf(stack, erasedKey)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
            assertThat(statementsOf(stack, erased)).isZero();
            assertThat(liveKeysHolding(stack, erasedKey)).isEmpty();
            await().atMost(BOUND).untilAsserted(() -> {
                assertThat(running.getResource(erasedState).statusCode()).isEqualTo(404);
                assertThat(running.getResource(agentProfileOf(sent, erased)).statusCode()).isEqualTo(404);
            });
            // and the other student is as they were
            assertThat(rowsOf(stack, otherKey, " FINAL")).isEqualTo(otherBefore);
            assertThat(statementsOf(stack, other)).isEqualTo(otherStatements);
            assertThat(liveKeysHolding(stack, otherKey)).isEqualTo(otherLiveKeys);
            assertThat(running.getResource(otherState).statusCode()).isEqualTo(200);
            // and erasing again removes nothing more
            assertThat(StudentErasure.run(stack.kafkaBootstrapServers(), "erasure-it", stack.pipeline().topics(), stack.store(),
                    DemoDistrict.TENANT, erased.sisId(), keys, BOUND, List.of()).total()).isZero();
        }
    }

    /** Rows per keyed table for one student key; alerts' feedback is keyed by alert id, counted with the alerts. */
    private static Map<String, Long> rowsOf(EmbeddedStack stack, String studentKey) {
        return rowsOf(stack, studentKey, "");
    }

    /**
     * @param modifier {@code " FINAL"} to count each row once however many of its versions a merge has not yet
     *                 collapsed (the count a background merge does not change), or {@code ""} for every stored version
     */
    private static Map<String, Long> rowsOf(EmbeddedStack stack, String studentKey, String modifier) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : KEYED_TABLES) {
            rows.put(table, stack.store().query("SELECT count() FROM " + table + modifier + " WHERE student_key = '" + studentKey + "'").singleLong());
        }
        rows.put("alert_feedback_versions", stack.store().query("SELECT count() FROM alert_feedback_versions" + modifier + " WHERE position(alert_id, '/"
                + studentKey + "/') > 0").singleLong());
        return rows;
    }

    /** The archived statements whose actor is the student (the simulator names them by their SIS account). */
    private static long statementsOf(EmbeddedStack stack, Student student) {
        return stack.store().query("SELECT count() FROM xapi_statements WHERE arrayExists(a -> endsWith(a, '|" + student.sisId() + "'), agents)")
                .singleLong();
    }

    /** Every live key (topic and key) of learnstream's compacted topics and the Streams changelogs that holds the student key. */
    private static Set<String> liveKeysHolding(EmbeddedStack stack, String studentKey) throws Exception {
        List<String> topics = new ArrayList<>();
        stack.pipeline().topics().compacted().forEach(t -> topics.add(t.name()));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers()))) {
            admin.listTopics().names().get().stream().filter(t -> t.endsWith("-changelog")).forEach(topics::add);
        }
        byte[] needle = studentKey.getBytes(StandardCharsets.UTF_8);
        Set<String> live = new TreeSet<>();
        for (String topic : topics) {
            for (ByteBuffer key : LiveKeys.of(stack.kafkaBootstrapServers(), "erasure-it-reader", topic, BOUND).keySet()) {
                String text = new String(key.array(), StandardCharsets.ISO_8859_1);
                if (text.contains(new String(needle, StandardCharsets.ISO_8859_1))) live.add(topic + " " + text);
            }
        }
        return live;
    }

    /** The address of a State document of the student, as their course package would keep its bookmark. */
    private static String stateOf(List<ObjectNode> sent, Student student) {
        return "/xAPI/activities/state?activityId=" + encode("https://riverside.example/courses/algebra") + "&agent=" + encode(agentOf(sent, student))
                + "&stateId=bookmark";
    }

    private static String agentProfileOf(List<ObjectNode> sent, Student student) {
        return "/xAPI/agents/profile?agent=" + encode(agentOf(sent, student)) + "&profileId=cmi5LearnerPreferences";
    }

    /** The student's agent as the simulator's tools name them. */
    private static String agentOf(List<ObjectNode> sent, Student student) {
        return sent.stream().map(s -> s.get("actor")).filter(a -> a.path("account").path("name").asText().equals(student.sisId()))
                .findFirst().orElseThrow().toString();
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<ObjectNode> statements() {
        StatementGenerator generator = StatementGenerator.create(DISTRICT, TERM, 11);
        List<ObjectNode> out = new ArrayList<>();
        while (generator.hasNext()) {
            ObjectNode statement = generator.next();
            if (!Instant.parse(statement.get("timestamp").asText()).isBefore(UNTIL)) break;
            out.add(statement);
        }
        return out;
    }

    private void importRoster(EmbeddedStack stack) {
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(new StringWriter(), true));
        command.setErr(new PrintWriter(err, true));
        int exit = command.execute("roster", "import", "--bootstrap-servers", stack.kafkaBootstrapServers(),
                "--registry-url", stack.registryUrl().toString(), "--district", DemoDistrict.TENANT, export.toString());
        assertThat(exit).as(err.toString()).isZero();
        int users = DISTRICT.students().size() + DISTRICT.teachers().size();
        await().atMost(BOUND).until(() -> stack.pipeline().rosterIdentitiesHeld() == 3L * users
                && stack.pipeline().rosterClassesHeld() == DISTRICT.sections().size());
    }

    private static void send(RunningStack running, List<ObjectNode> statements) throws Exception {
        for (int from = 0; from < statements.size(); from += 500) {
            assertThat(running.post(statements.subList(from, Math.min(statements.size(), from + 500)).toString()).statusCode()).isEqualTo(200);
            assertThat(running.stack.pipeline().awaitIntakeCaughtUp(BOUND)).isTrue();
        }
        assertThat(running.stack.pipeline().awaitCaughtUp(BOUND)).isTrue();
    }
}
