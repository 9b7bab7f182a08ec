package io.learnstream.schemas.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;

/** PLACEHOLDER until the Confluent wire-format serde lands (being written now). */
public interface AvroSerdes {
    <T extends SpecificRecord> Serde<T> key(Class<T> type);

    <T extends SpecificRecord> Serde<T> value(Class<T> type);
}
