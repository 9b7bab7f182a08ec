package io.learnstream.app.roster;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One data row of a OneRoster CSV file, read by column name, with typed accessors that check the value as OneRoster
 * 1.2 defines it. Every failure is an {@link IllegalArgumentException} naming the file, the line and the column, e.g.
 * {@code enrollments.csv: line 7, column 4 (role): must be one of administrator, proctor, student, teacher}, so a
 * district can fix its export without guessing.
 *
 * @param file the file's name, as messages name it
 * @param line the row's line in the file, from 1 (the header is line 1)
 * @param header the column names of the file, in order
 * @param values the row's values by column name; a column the row is too short for is missing
 */
public record RosterRow(String file, long line, List<String> header, Map<String, String> values) {
    /** The prefix OneRoster 1.2 gives values extending one of its vocabularies, e.g. {@code ext:librarian}. */
    static final String EXTENSION_PREFIX = "ext:";

    /** The value of a column that must have one. */
    public String required(String column) {
        String value = optional(column);
        if (value == null) throw error(column, "must not be empty");
        return value;
    }

    /** The value of a column, or null when the column is not in the file or the row leaves it empty. */
    public String optional(String column) {
        String value = values.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A value of a vocabulary (a OneRoster enumeration), or an {@code ext:} value extending it; null when empty and not required. */
    public String oneOf(String column, Set<String> allowed, boolean required) {
        String value = required ? required(column) : optional(column);
        if (value == null || allowed.contains(value) || value.startsWith(EXTENSION_PREFIX)) return value;
        throw error(column, "must be one of " + String.join(", ", new TreeSet<>(allowed)) + " (or an ext: value), was '" + value + "'");
    }

    /** {@code true} or {@code false}; {@code orElse} when empty and not required. */
    public boolean bool(String column, boolean required, boolean orElse) {
        String value = required ? required(column) : optional(column);
        if (value == null) return orElse;
        if (value.equalsIgnoreCase("true")) return true;
        if (value.equalsIgnoreCase("false")) return false;
        throw error(column, "must be true or false, was '" + value + "'");
    }

    /** A date, {@code YYYY-MM-DD}; null when empty and not required. */
    public LocalDate date(String column, boolean required) {
        String value = required ? required(column) : optional(column);
        if (value == null) return null;
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw error(column, "must be a date (YYYY-MM-DD), was '" + value + "'");
        }
    }

    /**
     * A date-time with its offset ({@code 2025-09-01T08:00:00Z}) or a date alone, taken as the start of that day in
     * UTC; null when empty and not required.
     */
    public Instant dateTime(String column, boolean required) {
        String value = required ? required(column) : optional(column);
        if (value == null) return null;
        try {
            if (value.length() == 10) return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw error(column, "must be a date (YYYY-MM-DD) or a date-time with its offset (e.g. 2025-09-01T08:00:00Z), was '" + value + "'");
        }
    }

    /** A decimal number; null when empty. */
    public Double decimal(String column) {
        String value = optional(column);
        if (value == null) return null;
        try {
            double number = Double.parseDouble(value);
            if (!Double.isFinite(number)) throw new NumberFormatException(value);
            return number;
        } catch (NumberFormatException e) {
            throw error(column, "must be a number, was '" + value + "'");
        }
    }

    /** A comma-separated list (OneRoster's way of putting several ids in one field), empty when the field is. */
    public List<String> list(String column, boolean required) {
        String value = required ? required(column) : optional(column);
        List<String> items = new ArrayList<>();
        if (value == null) return items;
        for (String item : value.split(",")) {
            if (item.isBlank()) throw error(column, "must be a comma-separated list without empty items, was '" + value + "'");
            items.add(item.strip());
        }
        return items;
    }

    /** The failure of a column's value, naming file, line and column. */
    public IllegalArgumentException error(String column, String message) {
        int index = header.indexOf(column);
        String where = index < 0 ? "" : ", column " + (index + 1);
        return new IllegalArgumentException(file + ": line " + line + where + " (" + column + "): " + message);
    }
}
