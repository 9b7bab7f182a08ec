package io.learnstream.app.alerts;

import io.learnstream.schemas.avro.Alert;
import io.learnstream.schemas.topic.Topic;
import io.learnstream.schemas.topic.TopicTable;
import io.learnstream.schemas.topic.TopicTableConfig;
import java.util.Map;

/**
 * The latest value of every alert on the compacted alerts topic, keyed by alert id: the topic read from its beginning
 * to the end it had when reading started (a {@link TopicTable}, closed once read). A tombstone removes an alert.
 */
public final class LatestAlerts {
    private LatestAlerts() {}

    public static Map<String, Alert> read(Topic<String, Alert> alerts, TopicTableConfig config) {
        try (TopicTable<String, Alert> table = TopicTable.open(alerts, config)) {
            return table.snapshot();
        }
    }
}
