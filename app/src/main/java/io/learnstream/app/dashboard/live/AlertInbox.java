package io.learnstream.app.dashboard.live;

import io.learnstream.app.alerts.AlertAnswer;
import io.learnstream.app.alerts.AlertFilter;
import io.learnstream.app.alerts.FeedbackAction;
import io.learnstream.app.dashboard.authz.ClassAccess;
import io.learnstream.app.dashboard.authz.Principal;
import io.learnstream.schemas.avro.Alert;
import io.learnstream.schemas.topic.Topic;
import io.learnstream.schemas.topic.TopicPublisher;
import io.learnstream.schemas.topic.TopicTable;
import io.learnstream.schemas.topic.TopicTableConfig;
import io.learnstream.schemas.topic.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The alert inbox: every alert's latest value (the compacted alerts topic in memory), the open ones a principal may
 * see, and the teacher's answer to one, written to the alert-feedback topic as {@code learnstream alerts ack/dismiss}
 * writes it ({@link AlertAnswer}). An answered alert leaves the inbox at once; the pipeline closes it on reading the
 * answer, and its closed value then replaces it here.
 */
public final class AlertInbox implements AutoCloseable {
    private final TopicTable<String, Alert> alerts;
    private final Topics topics;
    private final TopicPublisher publisher;
    private final ClassAccess access;
    private final Clock clock;
    /** Alerts answered here whose closed value has not been read back yet. */
    private final Set<String> answered = ConcurrentHashMap.newKeySet();

    private AlertInbox(TopicTable<String, Alert> alerts, Topics topics, TopicPublisher publisher, ClassAccess access, Clock clock) {
        this.alerts = alerts;
        this.topics = topics;
        this.publisher = publisher;
        this.access = access;
        this.clock = clock;
        alerts.addListener((id, before, now) -> {
            if (now == null || !AlertFilter.OPEN.equals(now.getStatus())) answered.remove(id);
        });
    }

    public static AlertInbox open(Topics topics, TopicTableConfig config, TopicPublisher publisher, ClassAccess access, Clock clock) {
        Topic<String, Alert> topic = topics.alerts();
        return new AlertInbox(TopicTable.open(topic, config), topics, publisher, access, clock);
    }

    /** The open alerts of the principal's classes, newest raised first; of one class when {@code classId} is given. */
    public List<Alert> open(Principal principal, Optional<String> classId) {
        return alerts.values().stream().filter(this::isOpen)
                .filter(a -> classId.map(a.getClassId()::equals).orElse(true))
                .filter(a -> access.maySee(principal, a.getTenantId(), a.getClassId()))
                .sorted(Comparator.comparing(Alert::getRaisedTime).reversed().thenComparing(Alert::getAlertId)).toList();
    }

    /** How many alerts of a district's class are open: what anyone who may see the class sees of it (decided by the caller). */
    public int openCount(String tenantId, String classId) {
        return (int) alerts.values().stream().filter(this::isOpen)
                .filter(a -> a.getTenantId().equals(tenantId) && a.getClassId().equals(classId)).count();
    }

    /** The open alerts of one student in one class (the student page's). */
    public List<Alert> openOf(Principal principal, String classId, String studentKey) {
        return open(principal, Optional.of(classId)).stream().filter(a -> a.getStudentKey().equals(studentKey)).toList();
    }

    /**
     * The principal's answer to the alert: checked (it exists, is theirs to see, is open), written to the feedback
     * topic and acknowledged by Kafka before this returns.
     *
     * @throws ClassAccess.AccessDenied when the alert is not of one of the principal's classes (or does not exist)
     * @throws IllegalArgumentException when the alert is no longer open
     */
    public Alert answer(Principal principal, String alertId, FeedbackAction action) {
        Optional<Alert> latest = alerts.get(alertId);
        if (latest.isEmpty() || !access.maySee(principal, latest.get().getTenantId(), latest.get().getClassId())) {
            throw new ClassAccess.AccessDenied("alert '" + alertId + "' is not of one of your classes");
        }
        if (answered.contains(alertId)) throw new IllegalArgumentException("alert '" + alertId + "' is already answered");
        Instant now = clock.instant();
        AlertAnswer answer = AlertAnswer.of(alertId, latest, action, principal.answeredBy(), now);
        publisher.send(topics.alertFeedback(), answer.key(), answer.feedback(), now.toEpochMilli()).join();
        answered.add(alertId);
        return answer.alert();
    }

    /** Tells {@code listener} of every alert that changes (its id and latest value), on the reader thread. */
    public void onChange(BiConsumer<Alert, Alert> listener) {
        alerts.addListener((id, before, now) -> listener.accept(before, now));
    }

    private boolean isOpen(Alert alert) {
        return AlertFilter.OPEN.equals(alert.getStatus()) && !answered.contains(alert.getAlertId());
    }

    @Override
    public void close() {
        alerts.close();
    }
}
