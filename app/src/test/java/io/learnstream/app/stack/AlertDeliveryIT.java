package io.learnstream.app.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import io.learnstream.app.Main;
import io.learnstream.app.delivery.AlertDeliveryService;
import io.learnstream.app.delivery.DeliveryConfig;
import io.learnstream.app.pipeline.Part;
import io.learnstream.app.roster.RosterExport;
import io.learnstream.app.simulate.activity.Term;
import io.learnstream.app.simulate.district.CourseSection;
import io.learnstream.app.simulate.district.District;
import io.learnstream.app.simulate.district.DistrictGenerator;
import io.learnstream.app.simulate.district.DistrictSpec;
import io.learnstream.ingest.publish.ProducerSettings;
import io.learnstream.schemas.avro.ClassTeacher;
import io.learnstream.schemas.avro.ClassTeachers;
import io.learnstream.schemas.avro.RiskReason;
import io.learnstream.schemas.avro.RiskScore;
import io.learnstream.schemas.avro.RosterUser;
import io.learnstream.schemas.topic.TopicPublisher;
import io.learnstream.schemas.topic.TopicTable;
import io.learnstream.schemas.topic.TopicTableConfig;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.sinks.delivery.SmtpSettings;
import io.learnstream.sinks.delivery.WebhookSignature;
import io.learnstream.streams.delivery.DeliveryOptions;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * An alert raised in the demo's district (the simulator's roster imported as {@code demo}, a flagged risk score
 * through the alerts topology) reaches the class's primary teacher by e-mail at their roster address at once, and
 * its co-teacher by signed webhook only when their quiet hours end, in the district's time zone; both with the reasons.
 */
class AlertDeliveryIT {
    private static final Duration BOUND = Duration.ofMinutes(3);
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Term TERM = new Term(LocalDate.of(2025, 8, 25), 16, CHICAGO);
    private static final District DISTRICT = DistrictGenerator.generate(new DistrictSpec("riverside", 11, 1, 60, CHICAGO, 16));
    private static final String SECRET = "co-teacher-webhook-secret";
    private static final RiskReason SILENCE = new RiskReason("silence", "no activity for 9 days", 9.0, 1.2);
    private static final RiskReason MISSED = new RiskReason("missed", "2 of 3 assignments missed", 2.0, 0.8);

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path dataDir;

    @TempDir
    Path export;

    @Test
    void shouldMailThePrimaryTeacherAtOnceAndHoldTheCoTeachersWebhookUntilTheirQuietHoursEnd() throws Exception {
        RosterExport.write(DISTRICT, TERM, export);
        Files.writeString(export.resolve("secret.txt"), SECRET);
        ShiftedClock clock = new ShiftedClock(LocalDateTime.parse("2026-09-14T21:00:00").atZone(CHICAGO).toInstant());
        List<WebhookCall> webhook = new CopyOnWriteArrayList<>();
        HttpServer receiver = receiver(webhook);
        try (EmbeddedStack stack = EmbeddedStack.start(new EmbeddedStackConfig(dataDir, 0, 0, 0, 2, Optional.empty(),
                        EnumSet.of(Part.ARCHIVE, Part.ANALYTICS)), new SimpleMeterRegistry());
                TopicPublisher publisher = new TopicPublisher(new KafkaProducer<>(ProducerSettings.forIngest(stack.kafkaBootstrapServers(), "delivery-it")))) {
            DemoDistrict.ensure(stack.pipeline().directory(), dataDir.resolve("secrets"));
            Topics topics = stack.pipeline().topics();
            DeliveryConfig config = DeliveryConfig.defaults()
                    .withSchedule(DeliveryOptions.defaults().withClock(clock).withReleaseEvery(Duration.ofMillis(500))
                            .withDashboardBaseUrl(URI.create("http://localhost:8090")))
                    .withSmtp(SmtpSettings.plain("127.0.0.1", smtp.getSmtp().getPort(), "alerts@learnstream.example.org"));
            try (AlertDeliveryService delivery = AlertDeliveryService.start(stack.kafkaBootstrapServers(),
                    stack.pipeline().streamsProperties(AlertDeliveryService.APPLICATION_ID), topics, stack.pipeline().serdes(), config,
                    letter -> publisher.send(topics.deadLetters(), null, letter, letter.getReceivedTime().toEpochMilli()),
                    new SimpleMeterRegistry())) {
                // given the demo district's roster, and the class's two teachers as the roster index says them
                cli(stack, "roster", "import", "--district", DemoDistrict.TENANT, export.toString());
                CourseSection section = DISTRICT.sections().getFirst();
                List<ClassTeacher> teachers = classTeachers(stack, topics, section.id());
                String primary = teachers.getFirst().getUserSourcedId();
                String coTeacher = teachers.get(1).getUserSourcedId();
                // the primary wants e-mail as raised; the co-teacher a webhook, quiet 20:00-07:00, in the district's zone
                cli(stack, "teachers", "zone", "--district", DemoDistrict.TENANT, "--zone", CHICAGO.getId());
                cli(stack, "teachers", "notify", "--district", DemoDistrict.TENANT, "--teacher", primary, "--channel", "email");
                cli(stack, "teachers", "notify", "--district", DemoDistrict.TENANT, "--teacher", coTeacher, "--channel", "webhook",
                        "--quiet", "20:00-07:00", "--webhook", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                        "--secret-file", export.resolve("secret.txt").toString());

                // when a student of the class is flagged at 21:00 in Chicago
                publisher.send(topics.riskScores(), Topics.tenantScopedKey(DemoDistrict.TENANT, section.id()), flagged(section.id(), clock.instant()),
                        clock.instant().toEpochMilli()).join();

                // then the primary teacher's mail arrives at their roster address, with the reasons and the student's page
                await().atMost(BOUND).until(() -> smtp.getReceivedMessages().length == 1);
                MimeMessage mail = smtp.getReceivedMessages()[0];
                assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(emailOf(stack, topics, primary));
                assertThat(mail.getSubject()).isEqualTo("learnstream alert for " + section.id() + ": no activity for 9 days");
                assertThat(GreenMailUtil.getBody(mail)).contains("  - no activity for 9 days", "  - 2 of 3 assignments missed",
                        "http://localhost:8090/classes/" + section.id() + "/students/student-ann");
                // and the co-teacher's alert waits through their quiet hours
                await().atMost(BOUND).until(() -> delivery.metrics().pending() == 1);
                assertThat(webhook).isEmpty();

                // when the night passes: at 07:00 in Chicago the webhook gets it, signed with the co-teacher's secret
                clock.moveTo(LocalDateTime.parse("2026-09-15T07:00:00").atZone(CHICAGO).toInstant());
                await().atMost(BOUND).until(() -> webhook.size() == 1);
                WebhookCall call = webhook.getFirst();
                assertThat(WebhookSignature.verify(SECRET, call.body(), call.signature())).isTrue();
                JsonNode body = new ObjectMapper().readTree(call.body());
                assertThat(body.path("teacher").asText()).isEqualTo(coTeacher);
                assertThat(body.path("alerts").get(0).path("reasons").toString())
                        .isEqualTo("[\"no activity for 9 days\",\"2 of 3 assignments missed\"]");
                assertThat(smtp.getReceivedMessages()).hasSize(1); // and the mail went once
                assertThat(delivery.sender().failed("email") + delivery.sender().failed("webhook")).isZero();
            }
        } finally {
            receiver.stop(0);
        }
    }

    private record WebhookCall(byte[] body, String signature) {}

    private static HttpServer receiver(List<WebhookCall> calls) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            calls.add(new WebhookCall(exchange.getRequestBody().readAllBytes(), exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static RiskScore flagged(String classId, Instant asOf) {
        return RiskScore.newBuilder().setTenantId(DemoDistrict.TENANT).setClassId(classId).setStudentKey("student-ann").setAsOf(asOf)
                .setDayOfClass(21).setProbability(0.82).setFlagged(true).setReasons(List.of(SILENCE, MISSED)).setFeatures(Map.of())
                .setTrigger("tick").setModelVersion(0).build();
    }

    /** The class's teachers once the roster index has them, primary first; two of them (a primary and a co-teacher). */
    private static List<ClassTeacher> classTeachers(EmbeddedStack stack, Topics topics, String classId) {
        try (TopicTable<String, ClassTeachers> table = TopicTable.open(topics.classTeachers(), TopicTableConfig.of(stack.kafkaBootstrapServers()))) {
            String key = Topics.tenantScopedKey(DemoDistrict.TENANT, classId);
            await().atMost(BOUND).until(() -> table.get(key).map(t -> t.getTeachers().size()).orElse(0) == 2);
            return table.get(key).orElseThrow().getTeachers();
        }
    }

    /** The teacher's e-mail address as the imported roster has it. */
    private static String emailOf(EmbeddedStack stack, Topics topics, String sisId) {
        try (TopicTable<String, RosterUser> users = TopicTable.open(topics.rosterUsers(), TopicTableConfig.of(stack.kafkaBootstrapServers()))) {
            String address = users.get(Topics.tenantScopedKey(DemoDistrict.TENANT, sisId)).orElseThrow().getEmail();
            assertThat(address).endsWith("@staff." + DISTRICT.sisHomePage().getHost());
            return address;
        }
    }

    private static void cli(EmbeddedStack stack, String... args) {
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(new StringWriter(), true));
        command.setErr(new PrintWriter(err, true));
        String[] where = {"--bootstrap-servers", stack.kafkaBootstrapServers(), "--registry-url", stack.registryUrl().toString()};
        int sub = args[0].equals("roster") || args[0].equals("teachers") ? 2 : 1;
        String[] full = new String[args.length + where.length];
        System.arraycopy(args, 0, full, 0, sub);
        System.arraycopy(where, 0, full, sub, where.length);
        System.arraycopy(args, sub, full, sub + where.length, args.length - sub);
        assertThat(command.execute(full)).as(err.toString()).isZero();
    }

    /** The wall clock of the delivery topology: it stands where the test puts it. */
    private static final class ShiftedClock extends Clock {
        private final AtomicReference<Instant> at;

        ShiftedClock(Instant start) {
            at = new AtomicReference<>(start);
        }

        void moveTo(Instant instant) {
            at.set(instant);
        }

        @Override
        public Instant instant() {
            return at.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
