package io.learnstream.streams.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.schemas.avro.Alert;
import io.learnstream.schemas.avro.AlertDelivery;
import io.learnstream.schemas.avro.ClassTeacher;
import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.avro.DeliveredAlert;
import io.learnstream.schemas.avro.DeliveryZone;
import io.learnstream.schemas.avro.RiskReason;
import io.learnstream.schemas.avro.RosterRole;
import io.learnstream.schemas.avro.RosterUser;
import io.learnstream.schemas.avro.TeacherDeliveryPreference;
import io.learnstream.schemas.registry.InMemorySchemaRegistryClient;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The delivery topology's rules: who gets which alert, on which channel, when. */
class DeliveryTopologyTest {
    private static final String TENANT = "riverside";
    private static final String SCHOOL = "northside-middle";
    private static final String MATH = "northside-math-6-2";
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private static final Duration CHECK = Duration.ofSeconds(10);
    private static final Duration COARSE = Duration.ofMinutes(10);
    private static final RiskReason SILENCE = new RiskReason("silence", "no activity for 9 days", 9.0, 1.2);
    private static final RiskReason MISSED = new RiskReason("missed", "2 of 3 assignments missed", 2.0, 0.8);
    private static final ClassTeacher RIVERA = new ClassTeacher("t-rivera", true);
    private static final ClassTeacher ADAMS = new ClassTeacher("t-adams", false);

    private TestClock clock;
    private TopologyTestDriver driver;
    private TestInputTopic<String, Alert> alerts;
    private TestInputTopic<String, TeacherDeliveryPreference> preferences;
    private TestInputTopic<String, DeliveryZone> zones;
    private TestInputTopic<String, RosterUser> users;
    private TestOutputTopic<String, AlertDelivery> deliveries;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private DeliveryMetrics metrics;

    /** Monday 14:00 in Chicago (19:00 UTC). */
    @BeforeEach
    void start() {
        Instant start = LocalDateTime.parse("2026-09-14T14:00:00").atZone(CHICAGO).toInstant();
        clock = new TestClock(start);
        AvroSerdes serdes = AvroSerdes.create(new InMemorySchemaRegistryClient());
        Topics topics = Topics.create(serdes);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "delivery-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        metrics = new DeliveryMetrics(new SimpleMeterRegistry());
        DeliveryOptions options = DeliveryOptions.defaults().withClock(clock).withReleaseEvery(CHECK)
                .withDashboardBaseUrl(URI.create("https://learnstream.riverside.example.org/"));
        driver = new TopologyTestDriver(DeliveryTopology.build(topics, serdes, options, metrics), config, start);
        alerts = driver.createInputTopic(topics.alerts().name(), topics.alerts().keySerde().serializer(), topics.alerts().valueSerde().serializer());
        preferences = driver.createInputTopic(topics.teacherDeliveryPreferences().name(), topics.teacherDeliveryPreferences().keySerde().serializer(),
                topics.teacherDeliveryPreferences().valueSerde().serializer());
        zones = driver.createInputTopic(topics.deliveryZones().name(), topics.deliveryZones().keySerde().serializer(),
                topics.deliveryZones().valueSerde().serializer());
        users = driver.createInputTopic(topics.rosterUsers().name(), topics.rosterUsers().keySerde().serializer(),
                topics.rosterUsers().valueSerde().serializer());
        deliveries = driver.createOutputTopic(topics.alertDeliveries().name(), topics.alertDeliveries().keySerde().deserializer(),
                topics.alertDeliveries().valueSerde().deserializer());
        deadLetters = driver.createOutputTopic(topics.deadLetters().name(), topics.deadLetters().keySerde().deserializer(),
                topics.deadLetters().valueSerde().deserializer());
        // the district runs on UTC but for its school in Chicago; the teachers teach there
        zones.pipeInput(TENANT, new DeliveryZone(TENANT, null, "UTC", start));
        zones.pipeInput(Topics.tenantScopedKey(TENANT, SCHOOL), new DeliveryZone(TENANT, SCHOOL, CHICAGO.getId(), start));
        users.pipeInput(Topics.tenantScopedKey(TENANT, "t-rivera"), teacher("t-rivera", "rivera@riverside.example.org"));
        users.pipeInput(Topics.tenantScopedKey(TENANT, "t-adams"), teacher("t-adams", "adams@riverside.example.org"));
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldDeliverAnAlertAsRaisedToTheTeachersRosterAddressWithItsReasonsAndLink() {
        prefer("t-rivera", "email", null, null, null);

        raise("ann", SILENCE, RIVERA, ADAMS);
        advance(CHECK);

        List<AlertDelivery> out = deliveries.readValuesToList();
        assertThat(out).hasSize(1);
        AlertDelivery delivery = out.getFirst();
        assertThat(delivery.getTeacherSourcedId()).isEqualTo("t-rivera");
        assertThat(delivery.getChannel()).isEqualTo("email");
        assertThat(delivery.getAddress()).isEqualTo("rivera@riverside.example.org");
        assertThat(delivery.getDigest()).isFalse();
        DeliveredAlert alert = delivery.getAlerts().getFirst();
        assertThat(alert.getReasons()).extracting(RiskReason::getText).containsExactly("no activity for 9 days");
        assertThat(alert.getText()).contains("no activity for 9 days");
        assertThat(alert.getLink()).isEqualTo("https://learnstream.riverside.example.org/classes/" + MATH + "/students/ann");
        // the co-teacher has no preference: the dashboard's inbox only
        assertThat(metrics.queued()).isEqualTo(1);
    }

    @Test
    void shouldSendNothingToATeacherWhoChoseTheInbox() {
        prefer("t-rivera", "inbox", null, null, null);

        raise("ann", SILENCE, RIVERA);
        advance(CHECK.multipliedBy(3));

        assertThat(deliveries.isEmpty()).isTrue();
    }

    @Test
    void shouldNeverSendTheSameAlertTwice() {
        prefer("t-rivera", "email", null, null, null);
        Alert alert = raise("ann", SILENCE, RIVERA);
        advance(CHECK);
        assertThat(deliveries.readValuesToList()).hasSize(1);

        // the same open value again (a replay), and more checks
        alerts.pipeInput(alert.getAlertId(), alert);
        advance(CHECK.multipliedBy(5));

        assertThat(deliveries.isEmpty()).isTrue();
    }

    @Test
    void shouldDeliverTheDigestAtSevenInTheSchoolsTimeZoneCollectingSeveralAlerts() {
        prefer("t-rivera", "email", "07:00", null, null);
        raise("ann", SILENCE, RIVERA);
        advance(Duration.ofHours(2)); // 16:00 in Chicago
        raise("bob", MISSED, RIVERA);

        // nothing at 06:59 in Chicago the next morning (11:59 UTC, long past 07:00 UTC)
        advanceTo(LocalDateTime.parse("2026-09-15T06:59:50").atZone(CHICAGO).toInstant());
        assertThat(deliveries.isEmpty()).isTrue();
        assertThat(metrics.pending()).isEqualTo(2);

        // at 07:00 one delivery with both, oldest first
        advance(CHECK);
        List<AlertDelivery> out = deliveries.readValuesToList();
        assertThat(out).hasSize(1);
        assertThat(out.getFirst().getDigest()).isTrue();
        assertThat(out.getFirst().getAlerts()).extracting(DeliveredAlert::getStudentKey).containsExactly("ann", "bob");
        assertThat(metrics.pending()).isZero();
    }

    @Test
    void shouldHoldAnAlertThroughQuietHoursUntilTheyEnd() {
        prefer("t-rivera", "email", null, "20:00", "07:00");
        advanceTo(LocalDateTime.parse("2026-09-14T21:30:00").atZone(CHICAGO).toInstant());

        raise("ann", SILENCE, RIVERA);
        advanceTo(LocalDateTime.parse("2026-09-15T06:59:50").atZone(CHICAGO).toInstant());
        assertThat(deliveries.isEmpty()).isTrue();

        advance(CHECK);
        List<AlertDelivery> out = deliveries.readValuesToList();
        assertThat(out).hasSize(1);
        assertThat(out.getFirst().getDigest()).isFalse();
        assertThat(out.getFirst().getDueTime()).isEqualTo(LocalDateTime.parse("2026-09-15T07:00:00").atZone(CHICAGO).toInstant());
    }

    @Test
    void shouldSendOutsideQuietHoursAtOnce() {
        prefer("t-rivera", "email", null, "20:00", "07:00");

        raise("ann", SILENCE, RIVERA); // 14:00 in Chicago
        advance(CHECK);

        assertThat(deliveries.readValuesToList()).hasSize(1);
    }

    @Test
    void shouldNotDeliverAnAlertClosedBeforeItsDigest() {
        prefer("t-rivera", "email", "07:00", null, null);
        Alert ann = raise("ann", SILENCE, RIVERA);
        raise("bob", MISSED, RIVERA);

        // the teacher acknowledged ann's alert on the dashboard in the evening
        advance(Duration.ofHours(5));
        Alert acknowledged = Alert.newBuilder(ann).setStatus("acknowledged").setClosedTime(clock.instant()).setClosedBy("t-rivera").build();
        alerts.pipeInput(ann.getAlertId(), acknowledged);
        advanceTo(LocalDateTime.parse("2026-09-15T07:00:00").atZone(CHICAGO).toInstant());

        List<AlertDelivery> out = deliveries.readValuesToList();
        assertThat(out).hasSize(1);
        assertThat(out.getFirst().getAlerts()).extracting(DeliveredAlert::getStudentKey).containsExactly("bob");
        assertThat(metrics.withdrawn()).isEqualTo(1);
    }

    @Test
    void shouldFollowAPreferenceChangeForWhatIsPending() {
        prefer("t-rivera", "email", "07:00", null, null);
        raise("ann", SILENCE, RIVERA);
        advance(CHECK);
        assertThat(deliveries.isEmpty()).isTrue();

        // the teacher turns the digest off: what waits goes out at the next check, to the webhook now chosen
        preferences.pipeInput(Topics.tenantScopedKey(TENANT, "t-rivera"), TeacherDeliveryPreference.newBuilder(preference("t-rivera", "webhook", null, null, null))
                .setWebhookUrl("https://lms.riverside.example.org/hooks/learnstream").setWebhookSecret("s3cret").build());
        advance(CHECK);

        List<AlertDelivery> out = deliveries.readValuesToList();
        assertThat(out).extracting(AlertDelivery::getChannel, AlertDelivery::getAddress)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("webhook", "https://lms.riverside.example.org/hooks/learnstream"));
    }

    @Test
    void shouldDropWhatIsPendingWhenTheTeacherChangesToTheInbox() {
        prefer("t-rivera", "email", "07:00", null, null);
        raise("ann", SILENCE, RIVERA);
        advance(CHECK);

        prefer("t-rivera", "inbox", null, null, null);
        advanceTo(LocalDateTime.parse("2026-09-15T07:00:00").atZone(CHICAGO).toInstant());

        assertThat(deliveries.isEmpty()).isTrue();
        assertThat(metrics.pending()).isZero();
    }

    @Test
    void shouldDeadLetterAnEmailAlertForATeacherWithoutAnAddressInTheRoster() {
        users.pipeInput(Topics.tenantScopedKey(TENANT, "t-adams"), RosterUser.newBuilder(teacher("t-adams", null)).build());
        prefer("t-adams", "email", null, null, null);

        raise("ann", SILENCE, RIVERA, ADAMS);
        advance(CHECK.multipliedBy(3));

        assertThat(deliveries.isEmpty()).isTrue();
        List<DeadLetter> letters = deadLetters.readValuesToList();
        assertThat(letters).hasSize(1);
        assertThat(letters.getFirst().getSource()).isEqualTo("streams.delivery");
        assertThat(letters.getFirst().getReason()).isEqualTo("alert for teacher 't-adams' of district 'riverside' cannot be delivered"
                + " by email: the teacher has no e-mail address in the roster (users.csv email)");
        assertThat(letters.getFirst().getPayload()).contains(TENANT + "/" + MATH + "/ann/silence/");
    }

    @Test
    void shouldUseTheDistrictsZoneForATeacherOfASchoolWithoutOne() {
        users.pipeInput(Topics.tenantScopedKey(TENANT, "t-adams"), RosterUser.newBuilder(teacher("t-adams", "adams@riverside.example.org"))
                .setPrimaryOrgSourcedId("southside-high").build());
        prefer("t-adams", "email", "07:00", null, null);
        raise("ann", SILENCE, ADAMS); // 19:00 UTC

        advanceTo(Instant.parse("2026-09-15T06:59:50Z"));
        assertThat(deliveries.isEmpty()).isTrue();
        advance(CHECK);
        assertThat(deliveries.readValuesToList()).hasSize(1);
    }

    private Alert raise(String student, RiskReason reason, ClassTeacher... teachers) {
        Instant raised = clock.instant();
        Alert alert = Alert.newBuilder()
                .setAlertId(TENANT + "/" + MATH + "/" + student + "/" + reason.getFactor() + "/" + raised.toEpochMilli())
                .setTenantId(TENANT).setClassId(MATH).setStudentKey(student).setFactor(reason.getFactor())
                .setText("Risk 82% of failing or withdrawing: " + reason.getText() + ".")
                .setReasons(List.of(reason)).setProbability(0.82).setTeachers(List.of(teachers))
                .setStatus("open").setRaisedTime(raised).build();
        alerts.pipeInput(alert.getAlertId(), alert);
        return alert;
    }

    private void prefer(String teacher, String channel, String digest, String quietStart, String quietEnd) {
        preferences.pipeInput(Topics.tenantScopedKey(TENANT, teacher), preference(teacher, channel, digest, quietStart, quietEnd));
    }

    private TeacherDeliveryPreference preference(String teacher, String channel, String digest, String quietStart, String quietEnd) {
        return TeacherDeliveryPreference.newBuilder().setTenantId(TENANT).setTeacherSourcedId(teacher).setChannel(channel)
                .setDigestTime(digest).setQuietStart(quietStart).setQuietEnd(quietEnd).setUpdatedTime(clock.instant()).build();
    }

    private RosterUser teacher(String sourcedId, String email) {
        return RosterUser.newBuilder().setTenantId(TENANT).setSourcedId(sourcedId).setEnabledUser(true).setUsername(sourcedId)
                .setUserIds(List.of()).setEmail(email).setGivenName("T").setFamilyName(sourcedId)
                .setRoles(List.of(new RosterRole("teacher", "primary", SCHOOL))).setPrimaryOrgSourcedId(null)
                .setImportedTime(clock.instant()).build();
    }

    /**
     * Moves the wall clock (the topology's and the driver's, which fires a check at each step): in steps of ten
     * minutes, and of a check in the last ten minutes before {@code to}.
     */
    private void advance(Duration by) {
        advanceTo(clock.instant().plus(by));
    }

    private void advanceTo(Instant to) {
        while (clock.instant().isBefore(to)) {
            Duration step = Duration.between(clock.instant(), to);
            if (step.compareTo(COARSE) > 0) step = step.minus(COARSE).compareTo(COARSE) > 0 ? COARSE : step.minus(COARSE);
            else if (step.compareTo(CHECK) > 0) step = CHECK;
            clock.advance(step);
            driver.advanceWallClockTime(step);
        }
    }
}
