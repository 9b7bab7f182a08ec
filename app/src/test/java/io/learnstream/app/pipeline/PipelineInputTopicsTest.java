package io.learnstream.app.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.schemas.registry.InMemorySchemaRegistryClient;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.streams.engagement.EngagementOptions;
import io.learnstream.streams.engagement.EngagementTopology;
import io.learnstream.streams.intake.IntakeMetrics;
import io.learnstream.streams.intake.IntakeTopology;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

/** The input topics whose committed offsets tell the demo's drain that a Streams application is done. */
class PipelineInputTopicsTest {
    private final AvroSerdes serdes = AvroSerdes.create(new InMemorySchemaRegistryClient());
    private final Topics topics = Topics.create(serdes);

    @Test
    void shouldNameTheIntakeInputAsItsConsumerDoes() {
        assertThat(Pipeline.inputTopics(IntakeTopology.build(topics, serdes, new IntakeMetrics(new SimpleMeterRegistry())),
                Pipeline.INTAKE_APPLICATION_ID)).contains(Topics.XAPI_STATEMENTS).allMatch(topic -> !topic.endsWith("-repartition"));
    }

    @Test
    void shouldNameTheEngagementRepartitionTopicWithTheApplicationIdAfterTheLearningEvents() {
        var inputs = Pipeline.inputTopics(EngagementTopology.build(topics, serdes, EngagementOptions.defaults()), Pipeline.STREAMS_APPLICATION_ID);

        assertThat(inputs).hasSize(2);
        assertThat(inputs.get(0)).isEqualTo(topics.learningEvents().name());
        assertThat(inputs.get(1)).startsWith(Pipeline.STREAMS_APPLICATION_ID + "-").endsWith("-repartition");
    }
}
