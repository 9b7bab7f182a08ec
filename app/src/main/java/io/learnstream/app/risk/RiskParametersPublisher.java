package io.learnstream.app.risk;

import io.learnstream.app.mastery.ParametersPublisher;
import io.learnstream.schemas.avro.RiskParameter;
import io.learnstream.schemas.topic.TopicPublisher;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.streams.risk.RiskModelPublication;
import io.learnstream.streams.risk.model.RiskModel;

/**
 * Publishes a fitted risk model to the risk-parameters topic in the order {@link RiskModelPublication} requires (one
 * producer, one partition, the version marker last), and waits until Kafka has taken all of it.
 */
public final class RiskParametersPublisher {
    private RiskParametersPublisher() {}

    /** @return the number of records written, the marker included */
    public static int publish(TopicPublisher publisher, Topics topics, RiskModel model, long version) {
        return ParametersPublisher.inOrder(publisher, topics.riskParameters(), RiskModelPublication.records(model, version), RiskParameter::getKey);
    }
}
