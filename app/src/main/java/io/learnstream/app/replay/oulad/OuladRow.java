package io.learnstream.app.replay.oulad;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * One data row of an OULAD file, read by column name, with typed accessors. Every failure is an
 * {@link IllegalArgumentException} naming the file, the line and the column, e.g.
 * {@code studentVle.csv.gz: line 7, column 6 (sum_click): must be a whole number, was 'x'}.
 *
 * @param file the file's name, as messages name it
 * @param line the row's line in the file (the header is line 1)
 * @param columns each column's index, by name
 * @param values the row's cells
 */
record OuladRow(String file, long line, Map<String, Integer> columns, String[] values) {
    /** The cell of a column that must have a value. */
    String required(String column) {
        String value = text(column);
        if (value.isEmpty()) throw error(column, "must not be empty");
        return value;
    }

    /** The cell, stripped; empty when the row is shorter. */
    String text(String column) {
        Integer index = columns.get(column);
        if (index == null) throw new IllegalStateException(file + " was read without column " + column);
        return index < values.length && values[index] != null ? values[index].strip() : "";
    }

    Optional<String> optional(String column) {
        String value = text(column);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    int integer(String column) {
        return parseInt(column, required(column));
    }

    /** A whole number, or empty when the cell is. */
    OptionalInt optionalInteger(String column) {
        String value = text(column);
        return value.isEmpty() ? OptionalInt.empty() : OptionalInt.of(parseInt(column, value));
    }

    /** A number, or empty when the cell is empty or {@code missing} (OULAD writes {@code ?} for a missing score). */
    OptionalDouble optionalDecimal(String column, String missing) {
        String value = text(column);
        if (value.isEmpty() || value.equals(missing)) return OptionalDouble.empty();
        try {
            double number = Double.parseDouble(value);
            if (!Double.isFinite(number)) throw new NumberFormatException(value);
            return OptionalDouble.of(number);
        } catch (NumberFormatException e) {
            throw error(column, "must be a number" + (missing.isEmpty() ? "" : " or '" + missing + "'") + ", was '" + value + "'");
        }
    }

    /** {@code 1}/{@code 0} or {@code Y}/{@code N} (as OULAD writes flags). */
    boolean flag(String column) {
        String value = required(column);
        return switch (value) {
            case "1", "Y", "y" -> true;
            case "0", "N", "n" -> false;
            default -> throw error(column, "must be 0 or 1 (or Y or N), was '" + value + "'");
        };
    }

    private int parseInt(String column, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw error(column, "must be a whole number, was '" + value + "'");
        }
    }

    /** The failure of a column's value, naming file, line and column. */
    IllegalArgumentException error(String column, String message) {
        Integer index = columns.get(column);
        return new IllegalArgumentException(file + ": line " + line + (index == null ? "" : ", column " + (index + 1)) + " (" + column + "): " + message);
    }
}
