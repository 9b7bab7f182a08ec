package io.learnstream.app.roster;

import io.learnstream.schemas.avro.RosterImport;
import io.learnstream.schemas.avro.RosterImportFile;
import io.learnstream.schemas.topic.Topic;
import io.learnstream.schemas.topic.TopicPublisher;
import io.learnstream.schemas.topic.Topics;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * Writes a validated {@link RosterChangeSet} to the roster topics: each kind's records, then its tombstones (the
 * {@code tobedeleted} rows of a delta file; for a bulk file, the district's keys the topic holds that the file no
 * longer lists), and only once Kafka acknowledged all of them the district's {@link RosterImport} marker. A reader
 * that waits for the marker sees the whole import; an import that fails half-way leaves the previous marker, and
 * running it again converges (every write is a keyed upsert or tombstone).
 */
public final class RosterPublisher {
    private final Topics topics;
    private final TopicPublisher publisher;
    private final BiFunction<Topic<?, ?>, String, Set<String>> currentIds;

    /**
     * @param currentIds the ids a topic holds now for a district (see {@link TopicKeys}), asked for the kinds given as bulk
     */
    public RosterPublisher(Topics topics, TopicPublisher publisher, BiFunction<Topic<?, ?>, String, Set<String>> currentIds) {
        this.topics = topics;
        this.publisher = publisher;
        this.currentIds = currentIds;
    }

    /** Publishes the changes and then the marker, and returns the marker written. */
    public RosterImport publish(RosterChangeSet changes, String source) {
        String district = changes.district();
        // every bulk kind's removals first: reading a topic can fail, and then nothing is written yet
        List<Planned<?>> plans = List.of(
                plan(topics.rosterOrgs(), changes.orgs(), district),
                plan(topics.rosterAcademicSessions(), changes.academicSessions(), district),
                plan(topics.rosterCourses(), changes.courses(), district),
                plan(topics.rosterClasses(), changes.classes(), district),
                plan(topics.rosterUsers(), changes.users(), district),
                plan(topics.rosterEnrollments(), changes.enrollments(), district),
                plan(topics.rosterLineItems(), changes.lineItems(), district));
        long at = changes.importedTime().toEpochMilli();
        List<CompletableFuture<?>> sent = new ArrayList<>();
        List<RosterImportFile> files = new ArrayList<>();
        for (Planned<?> plan : plans) {
            if (plan.changes().mode() == FileMode.ABSENT) continue;
            plan.send(publisher, district, at, sent);
            files.add(new RosterImportFile(plan.changes().kind().oneRosterName(), plan.changes().mode().manifestValue(),
                    (long) plan.changes().records().size(), (long) plan.deletions().size()));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        RosterImport marker = new RosterImport(district, UUID.randomUUID().toString(), changes.importedTime(), source, files);
        publisher.send(topics.rosterImports(), district, marker, at).join();
        return marker;
    }

    private <V> Planned<V> plan(Topic<String, V> topic, KindChanges<V> changes, String district) {
        Set<String> deletions = new LinkedHashSet<>(changes.deletions());
        if (changes.mode() == FileMode.BULK) {
            for (String id : currentIds.apply(topic, district)) {
                if (!changes.records().containsKey(id)) deletions.add(id);
            }
        }
        return new Planned<>(topic, changes, deletions);
    }

    /** One kind's writes: its records and its tombstones. */
    private record Planned<V>(Topic<String, V> topic, KindChanges<V> changes, Set<String> deletions) {
        void send(TopicPublisher publisher, String district, long at, List<CompletableFuture<?>> sent) {
            changes.records().forEach((id, record) -> sent.add(publisher.send(topic, Topics.tenantScopedKey(district, id), record, at)));
            for (String id : deletions) sent.add(publisher.send(topic, Topics.tenantScopedKey(district, id), null, at));
        }
    }
}
