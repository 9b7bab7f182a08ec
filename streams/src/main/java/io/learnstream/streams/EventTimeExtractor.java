package io.learnstream.streams;

import io.learnstream.schemas.avro.LearningEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time for learning events: the time the learning happened (the statement's timestamp), never the time
 * it reached Kafka. This is what makes a replayed semester give the same results as a lived one.
 */
public final class EventTimeExtractor implements TimestampExtractor {
    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof LearningEvent event) {
            return event.getEventTime().toEpochMilli();
        }
        return record.timestamp();
    }
}
