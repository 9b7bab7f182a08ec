package io.learnstream.app.roster;

import java.util.Locale;

/**
 * What the manifest of a OneRoster export says of one of its files: {@code bulk} (the file lists every record of
 * its kind: what it does not list no longer exists), {@code delta} (only changes since the last export: rows with
 * status {@code tobedeleted} remove a record) or {@code absent} (no file; the kind is left as it is).
 */
public enum FileMode {
    BULK, DELTA, ABSENT;

    /** The manifest's word for the mode. */
    public String manifestValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
