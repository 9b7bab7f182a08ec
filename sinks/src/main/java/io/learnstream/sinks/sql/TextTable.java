package io.learnstream.sinks.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.learnstream.sinks.spi.QueryResult;

/**
 * Renders a {@link QueryResult} as an aligned text table for a terminal, in the style of psql:
 *
 * <pre>
 *  learner | events
 * ---------+-------
 *  alice   |     42
 * (1 row)
 * </pre>
 *
 * Numeric columns (by ClickHouse type, or by content when the type is unknown) are right-aligned, NULL shows as
 * {@code NULL}, line breaks and tabs show as {@code \n} and {@code \t}, and cells longer than the width limit
 * are cut with {@code …}.
 */
public final class TextTable {

    /** Default limit of a cell's width in characters. */
    public static final int DEFAULT_MAX_CELL_WIDTH = 60;

    private static final String NULL = "NULL";
    private static final String ELLIPSIS = "…";
    private static final Pattern NUMERIC_TYPE = Pattern.compile(
            "(?:Nullable\\()?(?:LowCardinality\\()?(?:U?Int\\d+|Float\\d+|Decimal\\d*(?:\\(.*\\))?|BFloat16)\\)*");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+(?:\\.\\d*)?(?:[eE][-+]?\\d+)?|inf|nan)");

    private final int maxCellWidth;

    private TextTable(int maxCellWidth) {
        if (maxCellWidth < 2) {
            throw new IllegalArgumentException("maxCellWidth must be at least 2, was " + maxCellWidth);
        }
        this.maxCellWidth = maxCellWidth;
    }

    /** A renderer cutting cells at {@code maxCellWidth} characters. */
    public static TextTable withMaxCellWidth(int maxCellWidth) {
        return new TextTable(maxCellWidth);
    }

    /** Renders with {@link #DEFAULT_MAX_CELL_WIDTH}. */
    public static String render(QueryResult result) {
        return new TextTable(DEFAULT_MAX_CELL_WIDTH).format(result);
    }

    public String format(QueryResult result) {
        int columns = result.columnNames().size();
        if (columns == 0) {
            return "OK\n";
        }
        List<List<String>> cells = new ArrayList<>(result.rowCount());
        for (List<String> row : result.rows()) {
            cells.add(row.stream().map(this::cell).toList());
        }
        List<String> header = result.columnNames().stream().map(this::cell).toList();
        int[] widths = new int[columns];
        boolean[] rightAligned = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = width(header.get(c));
            for (List<String> row : cells) {
                widths[c] = Math.max(widths[c], width(row.get(c)));
            }
            rightAligned[c] = isNumeric(result, c);
        }

        StringBuilder out = new StringBuilder();
        appendLine(out, header, widths, new boolean[columns]);
        for (int c = 0; c < columns; c++) {
            out.append(c == 0 ? "" : "+").append("-".repeat(widths[c] + 2));
        }
        out.append('\n');
        for (List<String> row : cells) {
            appendLine(out, row, widths, rightAligned);
        }
        out.append(result.rowCount() == 1 ? "(1 row)" : "(" + result.rowCount() + " rows)").append('\n');
        return out.toString();
    }

    private static void appendLine(StringBuilder out, List<String> values, int[] widths, boolean[] rightAligned) {
        for (int c = 0; c < values.size(); c++) {
            String value = values.get(c);
            String padding = " ".repeat(widths[c] - width(value));
            out.append(c == 0 ? " " : " | ");
            out.append(rightAligned[c] ? padding + value : value + (c == values.size() - 1 ? "" : padding));
        }
        out.append('\n');
    }

    private String cell(String value) {
        if (value == null) {
            return NULL;
        }
        String visible = value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        if (width(visible) <= maxCellWidth) {
            return visible;
        }
        int cut = visible.offsetByCodePoints(0, maxCellWidth - 1);
        return visible.substring(0, cut) + ELLIPSIS;
    }

    private static boolean isNumeric(QueryResult result, int column) {
        String type = result.columnTypes().get(column);
        if (type != null && !type.isBlank()) {
            return NUMERIC_TYPE.matcher(type).matches();
        }
        boolean any = false;
        for (List<String> row : result.rows()) {
            String value = row.get(column);
            if (value != null) {
                if (!NUMBER.matcher(value).matches()) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static int width(String text) {
        return text.codePointCount(0, text.length());
    }
}
