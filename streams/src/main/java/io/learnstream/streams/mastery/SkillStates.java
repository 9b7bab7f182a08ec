package io.learnstream.streams.mastery;

import io.learnstream.schemas.avro.MasterySkillState;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Every student's state in every skill attempted. Keys are {@code <student>/<skill id>} (a student key holds no
 * {@code /}), so one student's skills are one prefix scan away when the summary is published, and an answer reads
 * and writes only the states of its own skills.
 */
final class SkillStates {
    private static final String SEPARATOR = "/";

    private final KeyValueStore<String, MasterySkillState> store;

    SkillStates(KeyValueStore<String, MasterySkillState> store) {
        this.store = store;
    }

    static String key(String student, String skill) {
        return student + SEPARATOR + skill;
    }

    MasterySkillState get(String student, String skill) {
        return store.get(key(student, skill));
    }

    void put(String student, String skill, MasterySkillState state) {
        store.put(key(student, skill), state);
    }

    void delete(String student, String skill) {
        store.delete(key(student, skill));
    }

    /** The student's states by skill id, in the store's (skill id) order. */
    Map<String, MasterySkillState> of(String student) {
        String prefix = student + SEPARATOR;
        Map<String, MasterySkillState> all = new LinkedHashMap<>();
        try (KeyValueIterator<String, MasterySkillState> range = store.prefixScan(prefix, new StringSerializer())) {
            while (range.hasNext()) {
                KeyValue<String, MasterySkillState> entry = range.next();
                all.put(entry.key.substring(prefix.length()), entry.value);
            }
        }
        return all;
    }
}
