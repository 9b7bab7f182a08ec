package io.learnstream.app.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.app.Main;
import io.learnstream.app.replay.ReplayDistrict;
import io.learnstream.app.roster.RosterExport;
import io.learnstream.app.simulate.StatementGenerator;
import io.learnstream.app.simulate.activity.Term;
import io.learnstream.app.simulate.district.CourseSection;
import io.learnstream.app.simulate.district.District;
import io.learnstream.app.simulate.district.DistrictGenerator;
import io.learnstream.app.simulate.district.DistrictSpec;
import io.learnstream.sinks.spi.QueryResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The simulator's district through the whole pipeline with its roster imported: students who drift away are flagged
 * with reasons, the flags become alerts addressed to their class's primary and co-teacher, and the same statements
 * sent at another speed give the same scores and flags.
 */
class RiskAlertsIT {
    /** Six Streams applications catching up on two shared cores: generous, never slept through. */
    private static final Duration BOUND = Duration.ofMinutes(5);
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final Term TERM = new Term(LocalDate.of(2025, 8, 25), 16, ZONE);
    private static final District DISTRICT = DistrictGenerator.generate(new DistrictSpec("riverside", 11, 1, 60, ZONE, 16));
    /** The first seven weeks of the term: past the first quiz's due date. */
    private static final Instant UNTIL = TERM.start().plusWeeks(7).atStartOfDay(ZoneId.of("UTC")).toInstant();

    /** The district sent at the second speed: the same roster and statements under another tenant. */
    private static final String SLOW = "riverside-slow";

    @TempDir
    Path dataDir;

    @TempDir
    Path export;

    @Test
    void shouldFlagDriftingStudentsAlertTheirTeachersAndGiveTheSameFlagsAtAnotherSpeed() throws Exception {
        RosterExport.write(DISTRICT, TERM, export);
        List<ObjectNode> statements = statements();
        try (RunningStack running = RunningStack.start(dataDir)) {
            EmbeddedStack stack = running.stack;
            // given the district's roster imported
            importRoster(stack, DemoDistrict.TENANT);
            // when the term's first seven weeks are sent a day at a time in batches of 500
            send(running, statements, 500, running.credential.authorizationHeader());

            // then some students are flagged, each with reasons in words
            QueryResult flagged = stack.store().query("SELECT class_id, student_key, arrayStringConcat(reasons.text, '; ') FROM risk_history"
                    + " WHERE flagged = 1 AND tenant_id = '" + DemoDistrict.TENANT + "' ORDER BY as_of");
            assertThat(flagged.rows()).isNotEmpty();
            assertThat(flagged.rows()).allSatisfy(row -> assertThat(row.get(2)).isNotBlank());
            // and each flagged student has an alert, addressed to the class's primary teacher first and its co-teacher
            QueryResult alerts = stack.store().query("SELECT class_id, student_key, teacher_ids, teacher_primary, status, text FROM alerts"
                    + " WHERE tenant_id = '" + DemoDistrict.TENANT + "'");
            Set<String> flaggedStudents = flagged.rows().stream().map(r -> r.get(0) + "/" + r.get(1)).collect(Collectors.toSet());
            assertThat(alerts.rows().stream().map(r -> r.get(0) + "/" + r.get(1)).collect(Collectors.toSet())).isEqualTo(flaggedStudents);
            for (List<String> alert : alerts.rows()) {
                CourseSection section = DISTRICT.section(alert.get(0));
                assertThat(alert.get(2)).as("teachers of " + section.id()).startsWith("[\"" + section.teacherId() + "\"");
                assertThat(alert.get(3)).startsWith("[1");
                assertThat(alert.get(5)).startsWith("Risk ");
            }
            assertThat(alerts.rows()).anySatisfy(alert -> assertThat(alert.get(2)).contains(","));

            // when the same roster and statements go to a second district, one small batch at a time
            String slowly = ReplayDistrict.ensure(stack.pipeline().directory(), SLOW, "Sent slowly").authorizationHeader();
            importRoster(stack, SLOW);
            send(running, renamed(statements), 7, slowly);
            // then every score, flag and reason is the same, student for student
            assertThat(scores(stack, SLOW)).isEqualTo(scores(stack, DemoDistrict.TENANT)).isNotEmpty();
        }
    }

    /** The statements under ids of their own (a statement id is one statement, whichever district sends it). */
    private static List<ObjectNode> renamed(List<ObjectNode> statements) {
        List<ObjectNode> out = new ArrayList<>(statements.size());
        for (ObjectNode statement : statements) {
            ObjectNode copy = statement.deepCopy();
            copy.put("id", UUID.nameUUIDFromBytes((SLOW + "/" + statement.path("id").asText()).getBytes(StandardCharsets.UTF_8)).toString());
            out.add(copy);
        }
        return out;
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

    private void importRoster(EmbeddedStack stack, String tenant) throws Exception {
        long identities = stack.pipeline().rosterIdentitiesHeld();
        long classes = stack.pipeline().rosterClassesHeld();
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(new StringWriter(), true));
        command.setErr(new PrintWriter(err, true));
        int exit = command.execute("roster", "import", "--bootstrap-servers", stack.kafkaBootstrapServers(),
                "--registry-url", stack.registryUrl().toString(), "--district", tenant, export.toString());
        assertThat(exit).as(err.toString()).isZero();
        int users = DISTRICT.students().size() + DISTRICT.teachers().size();
        await().atMost(BOUND).until(() -> stack.pipeline().rosterIdentitiesHeld() == identities + 3L * users
                && stack.pipeline().rosterClassesHeld() == classes + DISTRICT.sections().size());
    }

    /** Sends the statements a day of event time at a time, in batches of {@code batch}, waiting for the intake after each day. */
    private static void send(RunningStack running, List<ObjectNode> statements, int batch, String authorization) throws Exception {
        int i = 0;
        while (i < statements.size()) {
            // a day of event time in UTC, as risk's midnight ticks count them (the statements' timestamps carry the district's offset)
            long day = utcDay(statements.get(i));
            List<ObjectNode> ofDay = new ArrayList<>();
            while (i < statements.size() && utcDay(statements.get(i)) == day) ofDay.add(statements.get(i++));
            for (int from = 0; from < ofDay.size(); from += batch) {
                String body = ofDay.subList(from, Math.min(ofDay.size(), from + batch)).toString();
                assertThat(running.post("/xAPI/statements", body, authorization).statusCode()).isEqualTo(200);
            }
            assertThat(running.stack.pipeline().awaitIntakeCaughtUp(BOUND)).isTrue();
        }
        assertThat(running.stack.pipeline().awaitCaughtUp(BOUND)).isTrue();
    }

    private static long utcDay(ObjectNode statement) {
        return Math.floorDiv(Instant.parse(statement.get("timestamp").asText()).toEpochMilli(), 86_400_000L);
    }

    /** Every score of a district's risk history (class, student's SIS id, as of, trigger, probability, flag, reasons). */
    private static Set<List<String>> scores(EmbeddedStack stack, String tenant) {
        var keys = stack.pipeline().directory().districts().pseudonymKey(tenant).orElseThrow();
        Map<String, String> sisIds = new HashMap<>();
        DISTRICT.students().forEach(student -> sisIds.put(keys.studentKey("roster:" + student.sisId()), student.sisId()));
        Set<List<String>> out = new HashSet<>();
        for (List<String> row : stack.store().query("SELECT class_id, student_key, toString(as_of), trigger, toString(round(probability, 9)),"
                + " toString(flagged), arrayStringConcat(reasons.text, '; ') FROM risk_history WHERE tenant_id = '" + tenant + "'").rows()) {
            List<String> named = new ArrayList<>(row);
            named.set(1, sisIds.getOrDefault(row.get(1), "not in the roster: " + row.get(1)));
            out.add(named);
        }
        return out;
    }
}
