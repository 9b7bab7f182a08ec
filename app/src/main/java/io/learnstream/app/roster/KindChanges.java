package io.learnstream.app.roster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What one file of an export changes in one kind's topic, validated: the records to write (by sourcedId, in the
 * file's order) and, for a delta file, the sourcedIds its {@code tobedeleted} rows remove. A bulk file's other
 * removals (what the topic holds that the file no longer lists) are found when publishing, against the topic.
 *
 * @param kind the kind
 * @param mode how the manifest gives the file; {@link FileMode#ABSENT} leaves the kind as it is
 * @param records the records to write, by sourcedId
 * @param deletions the sourcedIds to remove
 */
public record KindChanges<V>(RosterKind kind, FileMode mode, Map<String, V> records, Set<String> deletions) {
    public KindChanges {
        records = Collections.unmodifiableMap(new LinkedHashMap<>(records));
        deletions = Collections.unmodifiableSet(new LinkedHashSet<>(deletions));
    }

    /** A kind the export leaves as it is. */
    public static <V> KindChanges<V> absent(RosterKind kind) {
        return new KindChanges<>(kind, FileMode.ABSENT, Map.of(), Set.of());
    }
}
