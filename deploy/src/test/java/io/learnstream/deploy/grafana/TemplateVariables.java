package io.learnstream.deploy.grafana;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Grafana's template variables, replaced in a query as Grafana replaces them before the query reaches the data source:
 * {@code $name}, {@code ${name}}, {@code ${name:format}}, {@code [[name]]} and {@code [[name:format]]}, with the formats
 * a SQL query needs ({@code sqlstring}, {@code singlequote}, {@code csv}, {@code raw}). Names starting with {@code __}
 * are left as they are: those are Grafana's globals and the data source's macros ({@link ClickHouseMacros}).
 *
 * <p>Stricter than Grafana where Grafana would send broken SQL: an unknown variable, an unknown format, and a
 * multi-value variable without a format (Grafana would render it as {@code {a,b}}) are errors.
 */
final class TemplateVariables {
    /** Grafana's own variable pattern (public/app/features/variables/utils.ts), without the field path. */
    private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+)|\\[\\[(\\w+?)(?::(\\w+))?]]|\\$\\{(\\w+)(?::([^}]+))?}");

    /** A variable's current values; {@code multi} when it may hold several. */
    record Value(List<String> values, boolean multi) {
        Value {
            values = List.copyOf(values);
            if (values.isEmpty()) throw new IllegalArgumentException("a template variable needs at least one value");
            if (!multi && values.size() > 1) throw new IllegalArgumentException("a single-value variable has one value, got " + values);
        }
    }

    private final Map<String, Value> values = new LinkedHashMap<>();

    TemplateVariables set(String name, Value value) {
        values.put(name, value);
        return this;
    }

    /** {@code text} with every variable replaced by its current value in the format the reference names. */
    String interpolate(String text) {
        Matcher matcher = VARIABLE.matcher(text);
        return matcher.replaceAll(match -> {
            String name = firstNonNull(match.group(1), match.group(2), match.group(4));
            if (name.startsWith("__")) return Matcher.quoteReplacement(match.group());
            Value value = values.get(name);
            if (value == null) {
                throw new IllegalArgumentException("unknown template variable '" + name + "' (defined: " + values.keySet() + ")");
            }
            return Matcher.quoteReplacement(format(name, value, match.group(3) != null ? match.group(3) : match.group(5)));
        });
    }

    private static String format(String name, Value value, String format) {
        if (format == null) {
            if (value.multi()) {
                throw new IllegalArgumentException("multi-value variable '" + name + "' needs a format in SQL, e.g. ${"
                        + name + ":sqlstring}: Grafana would render it as {a,b}");
            }
            return value.values().getFirst();
        }
        return switch (format) {
            case "sqlstring" -> value.values().stream().map(v -> "'" + v.replace("'", "''") + "'").collect(Collectors.joining(","));
            case "singlequote" -> value.values().stream().map(v -> "'" + v.replace("'", "\\'") + "'").collect(Collectors.joining(","));
            case "csv", "raw" -> String.join(",", value.values());
            default -> throw new IllegalArgumentException("format '" + format + "' of variable '" + name
                    + "' is not one a SQL query can use (sqlstring, singlequote, csv, raw)");
        };
    }

    private static String firstNonNull(String... candidates) {
        for (String candidate : candidates) if (candidate != null) return candidate;
        throw new IllegalStateException("the variable pattern matched without a name");
    }
}
