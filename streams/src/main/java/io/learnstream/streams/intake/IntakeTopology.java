package io.learnstream.streams.intake;

import io.learnstream.schemas.avro.XapiStatementRecord;
import io.learnstream.schemas.serde.AvroSerdes;
import io.learnstream.schemas.topic.Topics;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * From what the LRS stored to what analytics read:
 *
 * <pre>
 * districts (compacted) ──▶ global districts store (pseudonym secrets)
 * xapi-statements (keyed district/id) ──▶ intake-xapi: first write of an id only, pseudonymise, normalise
 *     ├─▶ learning-events (keyed by student key, timestamped with event time)
 *     └─▶ dead-letters (conflicting duplicates, unknown districts, unusable statements)
 * </pre>
 *
 * Running it exactly once (EOS) makes "analytics never count a duplicate" hold even when two requests with the
 * same statement id raced past the LRS's own check.
 */
public final class IntakeTopology {
    public static final String DISTRICTS_STORE = "intake-districts";
    public static final String STATEMENT_IDS_STORE = "intake-statement-ids";
    public static final String XAPI_INTAKE = "intake-xapi";

    private IntakeTopology() {}

    public static Topology build(Topics topics, AvroSerdes serdes, IntakeMetrics metrics) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.globalTable(topics.districts().name(),
                Consumed.with(topics.districts().keySerde(), topics.districts().valueSerde()).withName("districts-source"),
                Materialized.<String, io.learnstream.schemas.avro.District, KeyValueStore<Bytes, byte[]>>as(DISTRICTS_STORE)
                        .withKeySerde(topics.districts().keySerde())
                        .withValueSerde(topics.districts().valueSerde()));

        StoreBuilder<KeyValueStore<String, String>> statementIds = Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(STATEMENT_IDS_STORE), Serdes.String(), Serdes.String());
        builder.stream(topics.xapiStatements().name(),
                        Consumed.with(topics.xapiStatements().keySerde(), topics.xapiStatements().valueSerde())
                                .withName("xapi-statements-source"))
                .process(new ProcessorSupplier<String, XapiStatementRecord, String, SpecificRecord>() {
                    @Override
                    public Processor<String, XapiStatementRecord, String, SpecificRecord> get() {
                        return new XapiIntake(STATEMENT_IDS_STORE, DISTRICTS_STORE, metrics);
                    }

                    @Override
                    public Set<StoreBuilder<?>> stores() {
                        return Set.of(statementIds);
                    }
                }, Named.as(XAPI_INTAKE))
                .to(IntakeOutput.topicOf(topics), Produced.with(Serdes.String(), IntakeOutput.serde(topics)).withName("intake-sink"));
        return builder.build();
    }
}
