package io.learnstream.streams.alerts;

import io.learnstream.schemas.avro.Alert;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The latest alert of every slot (student, class and factor; see {@link AlertIds}), open or closed: an open one keeps
 * the slot from raising another, a closed one holds the close time its cooldown runs from. Only the latest is kept,
 * so an alert superseded by a newer one of its slot is no longer known.
 */
final class AlertBook {
    private final KeyValueStore<String, Alert> store;

    AlertBook(KeyValueStore<String, Alert> store) {
        this.store = store;
    }

    /** The slot's latest alert, or null. */
    Alert latest(String slot) {
        return store.get(slot);
    }

    void put(Alert alert) {
        store.put(AlertIds.slot(alert.getTenantId(), alert.getClassId(), alert.getStudentKey(), alert.getFactor()), alert);
    }

    /** The student's open alerts in the class, in factor order. */
    List<Alert> open(String tenantId, String classId, String studentKey) {
        List<Alert> open = new ArrayList<>();
        try (KeyValueIterator<String, Alert> slots = store.prefixScan(AlertIds.studentPrefix(tenantId, classId, studentKey),
                new StringSerializer())) {
            while (slots.hasNext()) {
                Alert alert = slots.next().value;
                if (AlertStatus.OPEN.equals(alert.getStatus()) && alert.getTenantId().equals(tenantId)
                        && alert.getClassId().equals(classId) && alert.getStudentKey().equals(studentKey)) {
                    open.add(alert);
                }
            }
        }
        return open;
    }
}
