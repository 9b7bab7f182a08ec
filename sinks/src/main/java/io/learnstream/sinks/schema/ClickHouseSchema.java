package io.learnstream.sinks.schema;

import io.learnstream.sinks.spi.ColumnStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The ClickHouse tables and views learnstream writes and data teams read, applied in order and idempotently
 * ({@code IF NOT EXISTS}) at start. The same SQL runs on chDB and on a ClickHouse server.
 */
public final class ClickHouseSchema {
    /** The schema scripts, in the order they are applied. */
    static final List<String> SCRIPTS = List.of("001_engagement_daily.sql", "002_xapi_statements.sql", "003_xapi_attachments.sql",
            "004_mastery.sql", "005_risk.sql", "006_alerts.sql");

    private ClickHouseSchema() {}

    public static void apply(ColumnStore store) {
        for (String script : SCRIPTS) {
            for (String statement : statements(read(script))) {
                store.execute(statement);
            }
        }
    }

    /** Splits a script into statements at semicolons that end a line; drops comment lines. */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) continue;
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = current.toString().strip();
                statements.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) statements.add(current.toString().strip());
        return statements;
    }

    private static String read(String script) {
        try (InputStream in = ClickHouseSchema.class.getResourceAsStream(script)) {
            if (in == null) throw new IllegalStateException("schema script " + script + " is missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading schema script " + script, e);
        }
    }
}
