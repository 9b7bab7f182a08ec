package io.learnstream.streams.alerts;

import io.learnstream.schemas.avro.Alert;
import io.learnstream.schemas.avro.AlertFeedback;
import io.learnstream.schemas.avro.ClassTeachers;
import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.avro.RiskScore;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.Topic;
import io.learnstream.schemas.topic.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Intervention alerts for the teachers of a class: raised when a student is flagged at risk, closed when the flag
 * goes down (cleared) or a teacher answers (acknowledged, dismissed). In event time: a replay gives the same alerts.
 *
 * <pre>
 * class-teachers (compacted)      ──▶ global alerts-class-teachers store (who an alert is addressed to)
 * risk-scores (keyed &lt;tenant&gt;/&lt;classId&gt;, event time asOf)
 *   └─ alerts-score-rules ── alerts-latest store (latest alert per student, class and factor)
 *        │                     raise for the top reason (one open per factor, cooldown after a close); clear
 * alert-feedback (keyed &lt;tenant&gt;/&lt;classId&gt;, co-partitioned, event time: when answered)
 *   ├─ invalid (unknown action, id not of its class) ──▶ dead-letters
 *   └─ alerts-feedback-rules ── alerts-latest store: acknowledge or dismiss an open alert
 * both ──▶ alerts (compacted, keyed by alert id; each status change a new value)
 * </pre>
 *
 * Both inputs are keyed by class, so a class's scores, feedback and alerts are one task's: no repartition.
 */
public final class AlertsTopology {
    public static final String SCORE_RULES = "alerts-score-rules";
    public static final String FEEDBACK_RULES = "alerts-feedback-rules";
    public static final String ALERTS_STORE = "alerts-latest";
    public static final String CLASS_TEACHERS_STORE = "alerts-class-teachers";
    private static final String FEEDBACK_BRANCHES = "alerts-feedback-";

    private AlertsTopology() {}

    public static Topology build(Topics topics, AvroSerdes serdes, AlertsOptions options, AlertsMetrics metrics) {
        StreamsBuilder builder = new StreamsBuilder();
        Topic<String, ClassTeachers> teachers = topics.classTeachers();
        builder.globalTable(teachers.name(),
                Consumed.with(teachers.keySerde(), teachers.valueSerde()).withName("alerts-class-teachers"),
                Materialized.<String, ClassTeachers, KeyValueStore<Bytes, byte[]>>as(CLASS_TEACHERS_STORE)
                        .withKeySerde(teachers.keySerde())
                        .withValueSerde(teachers.valueSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ALERTS_STORE), Serdes.String(),
                serdes.value(Alert.class)));

        Topic<String, RiskScore> scores = topics.riskScores();
        KStream<String, Alert> raisedAndCleared = builder
                .stream(scores.name(), Consumed.with(scores.keySerde(), scores.valueSerde())
                        .withTimestampExtractor(new AlertsEventTime())
                        .withName("alerts-risk-scores-source"))
                .process(() -> new ScoreRules(options, metrics), Named.as(SCORE_RULES), ALERTS_STORE);

        Topic<String, AlertFeedback> feedback = topics.alertFeedback();
        Topic<String, DeadLetter> deadLetters = topics.deadLetters();
        KStream<String, Alert> answered = builder
                .stream(feedback.name(), Consumed.with(feedback.keySerde(), feedback.valueSerde())
                        .withTimestampExtractor(new AlertsEventTime())
                        .withName("alerts-feedback-source"))
                .split(Named.as(FEEDBACK_BRANCHES))
                .branch((key, answer) -> FeedbackRules.problem(answer) != null, Branched.withConsumer(invalid -> invalid
                        .processValues(() -> new FeedbackDeadLetters(metrics), Named.as("alerts-feedback-to-dead-letter"))
                        .to(deadLetters.name(), Produced.with(deadLetters.keySerde(), deadLetters.valueSerde())
                                .withName("alerts-dead-letter-sink")), "invalid"))
                .defaultBranch(Branched.as("valid"))
                .get(FEEDBACK_BRANCHES + "valid")
                .process(() -> new FeedbackRules(metrics), Named.as(FEEDBACK_RULES), ALERTS_STORE);

        Topic<String, Alert> alerts = topics.alerts();
        raisedAndCleared.merge(answered, Named.as("alerts-merge"))
                .to(alerts.name(), Produced.with(alerts.keySerde(), alerts.valueSerde()).withName("alerts-sink"));
        return builder.build();
    }
}
