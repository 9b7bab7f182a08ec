package io.learnstream.app.risk;

import io.learnstream.schemas.avro.RiskParameter;
import io.learnstream.schemas.topic.TopicPublisher;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.streams.risk.RiskModelPublication;
import io.learnstream.streams.risk.model.RiskModel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Publishes a fitted risk model to the risk-parameters topic in the order {@link RiskModelPublication} requires (one
 * producer, one partition, the version marker last), and waits until Kafka has taken all of it.
 */
public final class RiskParametersPublisher {
    private RiskParametersPublisher() {}

    /** @return the number of records written, the marker included */
    public static int publish(TopicPublisher publisher, Topics topics, RiskModel model, long version) {
        List<RiskParameter> records = RiskModelPublication.records(model, version);
        long now = System.currentTimeMillis();
        List<CompletableFuture<?>> sent = new ArrayList<>(records.size());
        for (RiskParameter record : records) sent.add(publisher.send(topics.riskParameters(), record.getKey(), record, now));
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        return records.size();
    }
}
