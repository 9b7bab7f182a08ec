package io.learnstream.app.mastery;

import io.learnstream.schemas.avro.MasteryParameter;
import io.learnstream.schemas.topic.Topic;
import io.learnstream.schemas.topic.TopicPublisher;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.streams.mastery.ParameterPublication;
import io.learnstream.streams.mastery.model.ParameterSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Publishes fitted parameters to the compacted parameters topic in the order {@link ParameterPublication} requires
 * (one producer, one partition, the marker last), and waits until Kafka has taken all of them.
 */
public final class ParametersPublisher {
    private ParametersPublisher() {}

    /** @return the number of records written, the marker included */
    public static int publish(TopicPublisher publisher, Topics topics, ParameterSet parameters, long version) {
        return inOrder(publisher, topics.masteryParameters(), ParameterPublication.records(parameters, version), MasteryParameter::getKey);
    }

    /**
     * Writes a publication's records to a single-partition parameters topic in their order, keyed by {@code key}, and
     * waits until Kafka has taken all of them.
     *
     * @return the number of records written
     */
    public static <V> int inOrder(TopicPublisher publisher, Topic<String, V> topic, List<V> records, Function<V, String> key) {
        long now = System.currentTimeMillis();
        List<CompletableFuture<?>> sent = new ArrayList<>(records.size());
        for (V record : records) sent.add(publisher.send(topic, key.apply(record), record, now));
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        return records.size();
    }
}
