package io.learnstream.app.roster;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.app.Main;
import io.learnstream.app.simulate.activity.Term;
import io.learnstream.app.simulate.district.CourseSection;
import io.learnstream.app.simulate.district.District;
import io.learnstream.app.simulate.district.DistrictGenerator;
import io.learnstream.app.simulate.district.DistrictSpec;
import io.learnstream.embedded.EmbeddedKafka;
import io.learnstream.registry.RegistryConfig;
import io.learnstream.registry.SchemaRegistryServer;
import io.learnstream.schemas.avro.RosterClass;
import io.learnstream.schemas.avro.RosterImport;
import io.learnstream.schemas.avro.RosterImportFile;
import io.learnstream.schemas.avro.RosterUser;
import io.learnstream.schemas.registry.RestSchemaRegistryClient;
import io.learnstream.schemas.registry.SchemaRegistryClientConfig;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.Topic;
import io.learnstream.schemas.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code learnstream roster import} end to end, on the embedded broker of a data directory, read back from the topics. */
class RosterImportIT {
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final Term TERM = new Term(LocalDate.of(2025, 8, 25), 16, ZONE);
    private static final District DISTRICT = DistrictGenerator.generate(new DistrictSpec("riverside", 11, 2, 80, ZONE, 16));

    @TempDir
    Path dataDir;

    @TempDir
    Path exports;

    private record Result(int exitCode, String out, String err) {}

    /** What the roster topics hold for the district, latest value per key. */
    private record Held(Map<String, RosterClass> classes, Map<String, RosterUser> users, Map<String, ?> enrollments,
                        Map<String, ?> lineItems, Map<String, RosterImport> imports, String classesCleanupPolicy) {}

    @Test
    void shouldImportTheSimulatedDistrictsRosterIntoCompactedTopicsAndMarkTheImportLast() throws Exception {
        // given a district and the export of its SIS
        givenDistrict("riverside");
        Path export = exports.resolve("full");
        RosterExport.write(DISTRICT, TERM, export);

        // when it is imported
        Result imported = run("roster", "import", "--data-dir", dataDir.toString(), "--district", "riverside", export.toString());

        // then every kind is applied, counted, and readable from its compacted topic under <district>/<sourcedId>
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out()).contains("imported the roster of district 'riverside' from " + export)
                .containsPattern("classes +bulk +" + DISTRICT.sections().size() + " applied +0 deleted");
        Held held = held();
        assertThat(held.classesCleanupPolicy()).isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
        assertThat(held.classes().keySet()).containsExactlyInAnyOrderElementsOf(
                DISTRICT.sections().stream().map(section -> "riverside/" + section.id()).toList());
        CourseSection section = DISTRICT.sections().getFirst();
        assertThat(held.classes().get("riverside/" + section.id()).getTitle()).isEqualTo(section.title());
        assertThat(held.users()).hasSize(DISTRICT.students().size() + DISTRICT.teachers().size());
        assertThat(held.lineItems()).hasSize(DISTRICT.sections().size() * RosterExport.LINE_ITEMS_PER_CLASS);
        RosterImport marker = held.imports().get("riverside");
        assertThat(marker.getSource()).isEqualTo(export.toString());
        assertThat(marker.getFiles()).extracting(RosterImportFile::getKind)
                .containsExactly("orgs", "academicSessions", "courses", "classes", "users", "enrollments", "lineItems");
        assertThat(marker.getFiles()).filteredOn(file -> file.getKind().equals("enrollments")).singleElement()
                .satisfies(file -> assertThat(file.getApplied()).isEqualTo(held.enrollments().size()));
    }

    @Test
    void shouldRemoveWhatABulkFileNoLongerListsAndWhatADeltaFileDeletes() throws Exception {
        // given the district's roster imported
        givenDistrict("riverside");
        Path full = exports.resolve("full");
        RosterExport.write(DISTRICT, TERM, full);
        assertThat(run("roster", "import", "--data-dir", dataDir.toString(), "--district", "riverside", full.toString()).exitCode()).isZero();
        String dropped = DISTRICT.sections().getFirst().id() + "-w4";
        String enrollment = DISTRICT.sections().getFirst().id() + "-" + DISTRICT.sections().getFirst().teacherId();

        // when a bulk lineItems.csv without one line item and a delta enrollments.csv deleting one enrollment are imported
        Path next = Files.createDirectories(exports.resolve("next"));
        Files.writeString(next.resolve("manifest.csv"), "propertyName,value\nfile.lineItems,bulk\nfile.enrollments,delta\n");
        List<String> lineItems = Files.readAllLines(full.resolve("lineItems.csv"));
        Files.write(next.resolve("lineItems.csv"), lineItems.stream().filter(line -> !line.startsWith(dropped + ",")).toList());
        Files.writeString(next.resolve("enrollments.csv"), "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role\n"
                + enrollment + ",tobedeleted,2025-09-02T10:00:00Z,,,,\n", StandardCharsets.UTF_8);
        Result second = run("roster", "import", "--data-dir", dataDir.toString(), "--district", "riverside", next.toString());

        // then both are gone from the topics, the rest is kept, and the marker says what the import did
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).containsPattern("enrollments +delta +0 applied +1 deleted")
                .containsPattern("lineItems +bulk +" + (lineItems.size() - 2) + " applied +1 deleted");
        Held held = held();
        assertThat(held.lineItems()).hasSize(lineItems.size() - 2).doesNotContainKey("riverside/" + dropped);
        assertThat(held.enrollments()).doesNotContainKey("riverside/" + enrollment).isNotEmpty();
        assertThat(held.classes()).hasSize(DISTRICT.sections().size());
        assertThat(held.imports().get("riverside").getSource()).isEqualTo(next.toString());
    }

    @Test
    void shouldRefuseABadExportNamingFileLineAndColumnAndWriteNothing() throws Exception {
        // given a district and an export with an enrollment of a class the export does not list
        givenDistrict("riverside");
        Path export = exports.resolve("bad");
        RosterExport.write(DISTRICT, TERM, export);
        Path enrollments = export.resolve("enrollments.csv");
        List<String> lines = Files.readAllLines(enrollments);
        String first = lines.get(1);
        String classId = first.split(",")[3];
        Files.write(enrollments, List.of(lines.get(0), first, lines.get(2).replace("," + classId + ",", ",no-such-class,")));

        // when it is imported
        Result imported = run("roster", "import", "--data-dir", dataDir.toString(), "--district", "riverside", export.toString());

        // then the message says where, without a stack trace, and no roster record was written
        assertThat(imported.exitCode()).isEqualTo(2);
        assertThat(imported.err()).startsWith("learnstream: enrollments.csv: line 3, column 4 (classSourcedId): no class 'no-such-class'")
                .doesNotContain("\tat ");
        Held held = held();
        assertThat(held.classes()).isEmpty();
        assertThat(held.imports()).isEmpty();
    }

    @Test
    void shouldRefuseAnUnknownDistrict() throws Exception {
        // given an export and no district 'hillcrest'
        givenDistrict("riverside");
        Path export = exports.resolve("full");
        RosterExport.write(DISTRICT, TERM, export);

        // when it is imported for 'hillcrest'
        Result imported = run("roster", "import", "--data-dir", dataDir.toString(), "--district", "hillcrest", export.toString());

        // then the district is named
        assertThat(imported.exitCode()).isEqualTo(2);
        assertThat(imported.err()).contains("district 'hillcrest' is unknown (create it with learnstream credentials add)");
    }

    private void givenDistrict(String district) {
        Result add = run("credentials", "add", "--data-dir", dataDir.toString(), "--district", district, "--tool", "sis");
        assertThat(add.exitCode()).as(add.err()).isZero();
    }

    /** Reads the roster topics back, on the data directory's broker (the command has released it). */
    private Held held() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dataDir.resolve("kafka"));
                SchemaRegistryServer registry = SchemaRegistryServer.start(RegistryConfig.onKafka(kafka.bootstrapServers()), new SimpleMeterRegistry());
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            Topics topics = Topics.create(AvroSerdes.create(new RestSchemaRegistryClient(SchemaRegistryClientConfig.of(registry.url()))));
            String bootstrap = kafka.bootstrapServers();
            java.util.Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            String policy = null;
            if (existing.contains(Topics.ROSTER_CLASSES)) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, Topics.ROSTER_CLASSES);
                Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
                policy = config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value();
            }
            return new Held(latest(bootstrap, existing, topics.rosterClasses()), latest(bootstrap, existing, topics.rosterUsers()),
                    latest(bootstrap, existing, topics.rosterEnrollments()), latest(bootstrap, existing, topics.rosterLineItems()),
                    latest(bootstrap, existing, topics.rosterImports()), policy);
        }
    }

    /** The latest value of each key of a topic, read from its beginning to its end (a tombstone removes the key). */
    private static <V> Map<String, V> latest(String bootstrap, java.util.Set<String> existing, Topic<String, V> topic) {
        Map<String, V> latest = new HashMap<>();
        if (!existing.contains(topic.name())) return latest;
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), topic.keySerde().deserializer(), topic.valueSerde().deserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic.name(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
                for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() == null) latest.remove(record.key());
                    else latest.put(record.key(), record.value());
                }
            }
        }
        return latest;
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exitCode = command.execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

}
