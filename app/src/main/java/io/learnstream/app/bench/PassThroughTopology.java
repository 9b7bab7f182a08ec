package io.learnstream.app.bench;

import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.streams.EventTimeExtractor;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The reference of {@code bench streams}: reads the learning events as the analytics do (same source, serdes and
 * event-time extractor) and writes each one, unchanged, with the same serde to {@link #OUTPUT}. What it costs is
 * Kafka Streams' own: consuming, deserializing, serializing, producing, exactly-once commits.
 */
final class PassThroughTopology {
    /** The topic the pass-through writes to (created by the benchmark, as many partitions as the input). */
    static final String OUTPUT = "learnstream.bench.pass-through";

    private PassThroughTopology() {}

    static Topology build(Topics topics) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(topics.learningEvents().name(), Consumed.with(topics.learningEvents().keySerde(), topics.learningEvents().valueSerde())
                        .withTimestampExtractor(new EventTimeExtractor())
                        .withName("pass-through-source"))
                .to(OUTPUT, Produced.<String, LearningEvent>with(topics.learningEvents().keySerde(), topics.learningEvents().valueSerde())
                        .withName("pass-through-sink"));
        return builder.build();
    }
}
