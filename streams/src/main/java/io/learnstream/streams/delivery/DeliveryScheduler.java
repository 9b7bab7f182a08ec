package io.learnstream.streams.delivery;

import io.learnstream.schemas.avro.Alert;
import io.learnstream.schemas.avro.AlertDelivery;
import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.avro.DeliveredAlert;
import io.learnstream.schemas.avro.DeliveryZone;
import io.learnstream.schemas.avro.PendingAlertDelivery;
import io.learnstream.schemas.avro.RosterRole;
import io.learnstream.schemas.avro.RosterUser;
import io.learnstream.schemas.avro.TeacherDeliveryPreference;
import io.learnstream.schemas.topic.Topics;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * Who gets which alert when. Its input is the alerts topic fanned out to each alert's teachers, keyed
 * {@code <tenant>/<teacher>}, so one teacher's alerts are one task's:
 * <ul>
 *   <li>an open alert for a teacher whose preference names e-mail or webhook waits in the pending store (read at the
 *       wall clock's now); for the inbox channel, or a teacher with no preference, nothing is sent;</li>
 *   <li>an acknowledged, dismissed or cleared alert leaves the store: a pending digest no longer carries it;</li>
 *   <li>every {@link DeliveryOptions#releaseEvery()} of wall-clock time, each teacher's pending alerts that are due
 *       ({@link DeliverySchedule}, by the preference and time zone as they are then) go out together in one
 *       delivery, to the roster's e-mail address or the webhook URL; a due alert with no address (no e-mail in the
 *       roster, an unusable preference) goes to the dead letters with the reason. Sent alerts stay in the store,
 *       marked, until they close, so none is sent twice.</li>
 * </ul>
 * It forwards {@link AlertDelivery} and {@link DeadLetter} records.
 */
final class DeliveryScheduler implements Processor<String, Alert, String, SpecificRecord> {
    private static final String SOURCE = "streams.delivery";
    private static final String OPEN = "open";

    private final DeliveryOptions options;
    private final DeliveryMetrics metrics;
    private ProcessorContext<String, SpecificRecord> context;
    private KeyValueStore<String, PendingAlertDelivery> pending;
    private KeyValueStore<String, ValueAndTimestamp<TeacherDeliveryPreference>> preferences;
    private KeyValueStore<String, ValueAndTimestamp<DeliveryZone>> zones;
    private KeyValueStore<String, ValueAndTimestamp<RosterUser>> users;

    DeliveryScheduler(DeliveryOptions options, DeliveryMetrics metrics) {
        this.options = options;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        pending = context.getStateStore(DeliveryTopology.PENDING_STORE);
        preferences = context.getStateStore(DeliveryTopology.PREFERENCES_STORE);
        zones = context.getStateStore(DeliveryTopology.ZONES_STORE);
        users = context.getStateStore(DeliveryTopology.ROSTER_USERS_STORE);
        context.schedule(options.releaseEvery(), PunctuationType.WALL_CLOCK_TIME, ignored -> release());
    }

    @Override
    public void process(Record<String, Alert> record) {
        Alert alert = record.value();
        if (alert == null) return;
        String teacherKey = record.key();
        String key = DeliveryIds.pending(teacherKey, alert.getAlertId());
        PendingAlertDelivery held = pending.get(key);
        if (!OPEN.equals(alert.getStatus())) {
            if (held == null) return;
            if (held.getReleasedTime() == null) metrics.countWithdrawn();
            pending.delete(key);
            return;
        }
        if (held != null || !wantsDelivery(teacherKey)) return;
        pending.put(key, PendingAlertDelivery.newBuilder()
                .setTenantId(alert.getTenantId())
                .setTeacherSourcedId(teacherKey.substring(alert.getTenantId().length() + 1))
                .setAlert(delivered(alert))
                .setQueuedTime(options.clock().instant())
                .build());
        metrics.countQueued();
    }

    /** Whether the teacher's preference (as it is now) sends anything: e-mail, webhook, or one that turns out unusable. */
    private boolean wantsDelivery(String teacherKey) {
        TeacherDeliveryPreference preference = value(preferences, teacherKey);
        return preference != null && !DeliveryChannel.INBOX.wireName().equals(preference.getChannel());
    }

    private DeliveredAlert delivered(Alert alert) {
        return DeliveredAlert.newBuilder()
                .setAlertId(alert.getAlertId())
                .setClassId(alert.getClassId())
                .setStudentKey(alert.getStudentKey())
                .setFactor(alert.getFactor())
                .setText(alert.getText())
                .setReasons(alert.getReasons())
                .setProbability(alert.getProbability())
                .setRaisedTime(alert.getRaisedTime())
                .setLink(options.studentLink(alert.getClassId(), alert.getStudentKey()))
                .build();
    }

    /** Sends what is due, teacher by teacher. */
    private void release() {
        Instant now = options.clock().instant();
        Map<String, List<KeyValue<String, PendingAlertDelivery>>> byTeacher = new LinkedHashMap<>();
        try (KeyValueIterator<String, PendingAlertDelivery> all = pending.all()) {
            while (all.hasNext()) {
                KeyValue<String, PendingAlertDelivery> entry = all.next();
                if (entry.value.getReleasedTime() != null) continue;
                String teacherKey = Topics.tenantScopedKey(entry.value.getTenantId(), entry.value.getTeacherSourcedId());
                byTeacher.computeIfAbsent(teacherKey, k -> new ArrayList<>()).add(entry);
            }
        }
        long waiting = 0;
        for (Map.Entry<String, List<KeyValue<String, PendingAlertDelivery>>> teacher : byTeacher.entrySet()) {
            waiting += release(teacher.getKey(), teacher.getValue(), now);
        }
        metrics.pending(waiting);
    }

    /** Sends the teacher's due alerts in one delivery; returns how many still wait. */
    private long release(String teacherKey, List<KeyValue<String, PendingAlertDelivery>> held, Instant now) {
        TeacherDeliveryPreference preference = value(preferences, teacherKey);
        if (preference == null || DeliveryChannel.INBOX.wireName().equals(preference.getChannel())) {
            held.forEach(entry -> pending.delete(entry.key)); // the teacher changed to the inbox: nothing is sent
            return 0;
        }
        DeliveryRules rules;
        ZoneId zone;
        String address;
        try {
            rules = DeliveryRules.of(preference);
            zone = zoneOf(held.getFirst().value.getTenantId(), teacherKey);
            address = addressOf(teacherKey, rules.channel(), preference);
        } catch (RuntimeException unusable) {
            undeliverable(teacherKey, preference.getChannel(), held, now, unusable.getMessage());
            return 0;
        }
        List<KeyValue<String, PendingAlertDelivery>> due = held.stream()
                .filter(entry -> !DeliverySchedule.due(entry.value.getQueuedTime(), rules, zone).isAfter(now))
                .sorted(Comparator.comparing((KeyValue<String, PendingAlertDelivery> entry) -> entry.value.getAlert().getRaisedTime())
                        .thenComparing(entry -> entry.value.getAlert().getAlertId()))
                .toList();
        if (due.isEmpty()) return held.size();
        AlertDelivery delivery = delivery(teacherKey, preference, rules, address, due, now);
        context.forward(new Record<>(teacherKey, delivery, now.toEpochMilli()));
        markReleased(due, now);
        metrics.countReleased(delivery.getDigest());
        return held.size() - due.size();
    }

    private AlertDelivery delivery(String teacherKey, TeacherDeliveryPreference preference, DeliveryRules rules, String address,
            List<KeyValue<String, PendingAlertDelivery>> due, Instant now) {
        List<DeliveredAlert> alerts = due.stream().map(entry -> entry.value.getAlert()).toList();
        return AlertDelivery.newBuilder()
                .setDeliveryId(DeliveryIds.delivery(teacherKey, preference.getChannel(), alerts.stream().map(DeliveredAlert::getAlertId).toList()))
                .setTenantId(preference.getTenantId())
                .setTeacherSourcedId(preference.getTeacherSourcedId())
                .setChannel(preference.getChannel())
                .setAddress(address)
                .setDigest(rules.digestAt().isPresent())
                .setAlerts(alerts)
                .setDueTime(now)
                .build();
    }

    private void markReleased(List<KeyValue<String, PendingAlertDelivery>> sent, Instant now) {
        for (KeyValue<String, PendingAlertDelivery> entry : sent) {
            pending.put(entry.key, PendingAlertDelivery.newBuilder(entry.value).setReleasedTime(now).build());
        }
    }

    private void undeliverable(String teacherKey, String channel, List<KeyValue<String, PendingAlertDelivery>> held, Instant now,
            String why) {
        PendingAlertDelivery first = held.getFirst().value;
        for (KeyValue<String, PendingAlertDelivery> entry : held) {
            context.forward(new Record<>(teacherKey, (SpecificRecord) DeadLetter.newBuilder()
                    .setTenantId(first.getTenantId())
                    .setSource(SOURCE)
                    .setReason("alert for teacher '" + first.getTeacherSourcedId() + "' of district '" + first.getTenantId()
                            + "' cannot be delivered by " + channel + ": " + why)
                    .setPayload(entry.value.getAlert().toString())
                    .setReceivedTime(now)
                    .build(), now.toEpochMilli()));
            metrics.countUndeliverable();
        }
        markReleased(held, now);
    }

    /** The teacher's address on the channel: the roster's e-mail address, or the preference's webhook URL. */
    private String addressOf(String teacherKey, DeliveryChannel channel, TeacherDeliveryPreference preference) {
        if (channel == DeliveryChannel.WEBHOOK) return preference.getWebhookUrl();
        RosterUser user = value(users, teacherKey);
        if (user == null) throw new IllegalArgumentException("the teacher is not in the roster (learnstream.roster-users)");
        if (user.getEmail() == null || user.getEmail().isBlank()) {
            throw new IllegalArgumentException("the teacher has no e-mail address in the roster (users.csv email)");
        }
        return user.getEmail();
    }

    /** The time zone of the teacher's school (primary org, else the org of a teacher role), else the district's, else the default. */
    private ZoneId zoneOf(String tenant, String teacherKey) {
        RosterUser user = value(users, teacherKey);
        String school = user == null ? null : schoolOf(user);
        DeliveryZone zone = school == null ? null : value(zones, Topics.tenantScopedKey(tenant, school));
        if (zone == null) zone = value(zones, tenant);
        return zone == null ? options.defaultZone() : ZoneId.of(zone.getZone());
    }

    private static String schoolOf(RosterUser user) {
        if (user.getPrimaryOrgSourcedId() != null) return user.getPrimaryOrgSourcedId();
        return user.getRoles().stream().filter(role -> "teacher".equals(role.getRole()) && role.getOrgSourcedId() != null)
                .map(RosterRole::getOrgSourcedId).findFirst().orElse(null);
    }

    private static <V> V value(KeyValueStore<String, ValueAndTimestamp<V>> store, String key) {
        ValueAndTimestamp<V> entry = store.get(key);
        return entry == null ? null : entry.value();
    }
}
