package io.learnstream.deploy.grafana;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The macros of the ClickHouse data source plugin (grafana-clickhouse-datasource 4.x, {@code pkg/macros/macros.go}),
 * expanded as the plugin's backend expands them for a panel's time range and interval, so that a dashboard's query can
 * run on ClickHouse without Grafana. Any other {@code $__name} (a macro of another plugin, a Grafana global left in) is
 * an error: the plugin would send it to ClickHouse as it is.
 */
final class ClickHouseMacros {
    private static final Pattern MACRO = Pattern.compile("\\$__(\\w+)");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    /** A panel's time range and the interval Grafana computed for it (at least a second, as the plugin takes it). */
    record TimeRange(Instant from, Instant to, Duration interval) {
        TimeRange {
            if (!from.isBefore(to)) throw new IllegalArgumentException("a time range goes forward, got " + from + " to " + to);
        }
    }

    private final TimeRange range;

    ClickHouseMacros(TimeRange range) {
        this.range = range;
    }

    String expand(String sql) {
        StringBuilder out = new StringBuilder();
        Matcher matcher = MACRO.matcher(sql);
        int position = 0;
        while (matcher.find(position)) {
            out.append(sql, position, matcher.start());
            int end = matcher.end();
            List<String> args = List.of();
            if (end < sql.length() && sql.charAt(end) == '(') {
                int close = closingParenthesis(sql, end);
                args = arguments(sql.substring(end + 1, close));
                end = close + 1;
            }
            out.append(expand(matcher.group(1), args));
            position = end;
        }
        return out.append(sql.substring(position)).toString();
    }

    private String expand(String macro, List<String> args) {
        long fromSeconds = range.from().getEpochSecond();
        long toSeconds = range.to().getEpochSecond();
        long fromMillis = range.from().toEpochMilli();
        long toMillis = range.to().toEpochMilli();
        return switch (macro) {
            case "fromTime" -> "toDateTime(" + fromSeconds + ")";
            case "toTime" -> "toDateTime(" + toSeconds + ")";
            case "fromTime_ms" -> "fromUnixTimestamp64Milli(" + fromMillis + ")";
            case "toTime_ms" -> "fromUnixTimestamp64Milli(" + toMillis + ")";
            case "timeFilter" -> between(one(macro, args), "toDateTime(" + fromSeconds + ")", "toDateTime(" + toSeconds + ")");
            case "timeFilter_ms" -> between(one(macro, args), "fromUnixTimestamp64Milli(" + fromMillis + ")",
                    "fromUnixTimestamp64Milli(" + toMillis + ")");
            case "dateFilter" -> between(one(macro, args), day(range.from()), day(range.to()));
            case "dateTimeFilter", "dt" -> {
                if (args.size() != 2) throw badArguments(macro, 2, args);
                yield "(" + between(args.get(0), day(range.from()), day(range.to())) + ") AND ("
                        + between(args.get(1), "toDateTime(" + fromSeconds + ")", "toDateTime(" + toSeconds + ")") + ")";
            }
            case "timeInterval" -> "toStartOfInterval(toDateTime(" + one(macro, args) + "), INTERVAL " + intervalSeconds() + " second)";
            case "timeInterval_ms" -> "toStartOfInterval(toDateTime64(" + one(macro, args) + ", 3), INTERVAL "
                    + Math.max(range.interval().toMillis(), 1) + " millisecond)";
            case "interval_s" -> Long.toString(intervalSeconds());
            default -> throw new IllegalArgumentException("$__" + macro + " is not a macro of the ClickHouse data source plugin "
                    + "(fromTime, toTime, fromTime_ms, toTime_ms, timeFilter, timeFilter_ms, dateFilter, dateTimeFilter, dt, "
                    + "timeInterval, timeInterval_ms, interval_s)");
        };
    }

    private long intervalSeconds() {
        return Math.max(range.interval().toSeconds(), 1);
    }

    private static String between(String column, String from, String to) {
        return column + " >= " + from + " AND " + column + " <= " + to;
    }

    private static String day(Instant instant) {
        return "toDate('" + DAY.format(instant) + "')";
    }

    private static String one(String macro, List<String> args) {
        if (args.size() != 1) throw badArguments(macro, 1, args);
        return args.getFirst();
    }

    private static IllegalArgumentException badArguments(String macro, int expected, List<String> args) {
        return new IllegalArgumentException("$__" + macro + " takes " + expected + " argument(s), got " + args.size() + ": " + args);
    }

    private static int closingParenthesis(String sql, int open) {
        int depth = 0;
        for (int i = open; i < sql.length(); i++) {
            if (sql.charAt(i) == '(') depth++;
            if (sql.charAt(i) == ')' && --depth == 0) return i;
        }
        throw new IllegalArgumentException("unclosed parenthesis of a macro at " + open + " in: " + sql);
    }

    /** The comma-separated arguments, trimmed; commas inside parentheses belong to an argument. */
    private static List<String> arguments(String inside) {
        List<String> args = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < inside.length(); i++) {
            char c = inside.charAt(i);
            if (c == '(') depth++;
            if (c == ')') depth--;
            if (c == ',' && depth == 0) {
                args.add(inside.substring(start, i).trim());
                start = i + 1;
            }
        }
        String last = inside.substring(start).trim();
        if (!last.isEmpty() || !args.isEmpty()) args.add(last);
        return args;
    }
}
