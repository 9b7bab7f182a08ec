package io.learnstream.app.mastery;

import io.learnstream.schemas.avro.MasteryParameter;
import io.learnstream.schemas.topic.TopicPublisher;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.streams.mastery.ParameterPublication;
import io.learnstream.streams.mastery.model.ParameterSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes fitted parameters to the compacted parameters topic in the order {@link ParameterPublication} requires
 * (one producer, one partition, the marker last), and waits until Kafka has taken all of them.
 */
public final class ParametersPublisher {
    private ParametersPublisher() {}

    /** @return the number of records written, the marker included */
    public static int publish(TopicPublisher publisher, Topics topics, ParameterSet parameters, long version) {
        List<MasteryParameter> records = ParameterPublication.records(parameters, version);
        long now = System.currentTimeMillis();
        List<CompletableFuture<?>> sent = new ArrayList<>(records.size());
        for (MasteryParameter record : records) {
            sent.add(publisher.send(topics.masteryParameters(), record.getKey(), record, now));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        return records.size();
    }
}
