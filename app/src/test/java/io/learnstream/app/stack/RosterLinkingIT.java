package io.learnstream.app.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.learnstream.app.Main;
import io.learnstream.app.roster.RosterExport;
import io.learnstream.app.simulate.activity.Term;
import io.learnstream.app.simulate.district.CourseSection;
import io.learnstream.app.simulate.district.District;
import io.learnstream.app.simulate.district.DistrictGenerator;
import io.learnstream.app.simulate.district.DistrictSpec;
import io.learnstream.app.simulate.district.Student;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.sinks.spi.QueryResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A roster import, then one student seen by two tools under two identifiers: one student key, the roster's class. */
class RosterLinkingIT {
    private static final Duration BOUND = Duration.ofSeconds(90);
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final Term TERM = new Term(LocalDate.of(2025, 8, 25), 16, ZONE);
    private static final District DISTRICT = DistrictGenerator.generate(new DistrictSpec("riverside", 11, 2, 40, ZONE, 16));

    @TempDir
    Path dataDir;

    @TempDir
    Path export;

    @Test
    void shouldGiveOneStudentSeenByTwoToolsOneKeyAndTheRostersClassAfterARosterImport() throws Exception {
        try (RunningStack running = RunningStack.start(dataDir)) {
            EmbeddedStack stack = running.stack;
            // given the simulated district's SIS export imported for the demo district
            RosterExport.write(DISTRICT, TERM, export);
            StringWriter err = new StringWriter();
            CommandLine command = Main.commandLine();
            command.setOut(new PrintWriter(new StringWriter(), true));
            command.setErr(new PrintWriter(err, true));
            int exit = command.execute("roster", "import", "--bootstrap-servers", stack.kafkaBootstrapServers(),
                    "--registry-url", stack.registryUrl().toString(), "--district", DemoDistrict.TENANT, export.toString());
            assertThat(exit).as(err.toString()).isZero();
            // and the intake holding its indexes: each user's address, SIS id and username, and every class
            int users = DISTRICT.students().size() + DISTRICT.teachers().size();
            await().atMost(BOUND).until(() -> stack.pipeline().rosterIdentitiesHeld() == 3L * users
                    && stack.pipeline().rosterClassesHeld() == DISTRICT.sections().size());

            // when the LMS names a student by the SIS account (as the simulator does) in the class's IRI, and a quiz app
            // names them by their address, in a course of its own, launched by LTI from the class
            Student student = DISTRICT.students().getFirst();
            CourseSection section = DISTRICT.section(student.sectionIds().getFirst());
            String lms = "{\"actor\":{\"account\":{\"homePage\":\"" + DISTRICT.sisHomePage() + "\",\"name\":\"" + student.sisId() + "\"}},"
                    + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/experienced\"},"
                    + "\"object\":{\"id\":\"https://lms.riverside.example.org/pages/7\"},"
                    + "\"context\":{\"platform\":\"lms\",\"contextActivities\":{\"grouping\":[{\"id\":\"" + DISTRICT.sectionIri(section) + "\","
                    + "\"definition\":{\"type\":\"http://adlnet.gov/expapi/activities/course\"}}]}},"
                    + "\"timestamp\":\"2025-09-08T14:00:00Z\"}";
            String quiz = "{\"actor\":{\"mbox\":\"mailto:" + emailOf(student.sisId()).toUpperCase(java.util.Locale.ROOT) + "\"},"
                    + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/answered\"},"
                    + "\"object\":{\"id\":\"https://quiz.example.org/questions/17\"},\"result\":{\"success\":true},"
                    + "\"context\":{\"platform\":\"quiz\",\"contextActivities\":{\"grouping\":[{\"id\":\"https://quiz.example.org/courses/42\"}]},"
                    + "\"extensions\":{\"https://purl.imsglobal.org/spec/lti/claim/context\":{\"id\":\"" + section.id() + "\"}}},"
                    + "\"timestamp\":\"2025-09-08T14:10:00Z\"}";
            assertThat(running.post("[" + lms + "," + quiz + "]").statusCode()).isEqualTo(200);

            // then both learning events carry the roster user's key and the class's sourcedId
            String key = stack.pipeline().directory().districts().pseudonymKey(DemoDistrict.TENANT).orElseThrow()
                    .studentKey("roster:" + student.sisId());
            List<LearningEvent> events = learningEvents(stack, 2);
            assertThat(events).extracting(LearningEvent::getStudentKey).containsOnly(key);
            assertThat(events).extracting(LearningEvent::getClassId).containsOnly(section.id());
            assertThat(events).extracting(LearningEvent::getTool).containsExactlyInAnyOrder("lms", "quiz");
            // and engagement counts one student in the class, with both tools' events in one session
            await().atMost(BOUND).untilAsserted(() -> {
                QueryResult days = stack.store().query("SELECT student_key, events, sessions FROM engagement_daily"
                        + " WHERE course_id = '" + section.id() + "'");
                assertThat(days.rows()).containsExactly(List.of(key, "2", "1"));
            });
        }
    }

    /** The student's address in the export's users.csv (column email). */
    private String emailOf(String sisId) throws Exception {
        List<String> lines = Files.readAllLines(export.resolve("users.csv"));
        int column = List.of(lines.getFirst().split(",")).indexOf("email");
        return lines.stream().filter(line -> line.startsWith(sisId + ",")).findFirst().orElseThrow().split(",", -1)[column];
    }

    private static List<LearningEvent> learningEvents(EmbeddedStack stack, int expected) {
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "learning-events-reader-" + UUID.randomUUID(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), stack.pipeline().topics().learningEvents().valueSerde().deserializer())) {
            consumer.subscribe(List.of(stack.pipeline().topics().learningEvents().name()));
            List<LearningEvent> events = new ArrayList<>();
            await().atMost(BOUND).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> events.add(record.value()));
                return events.size() >= expected;
            });
            return events;
        }
    }
}
