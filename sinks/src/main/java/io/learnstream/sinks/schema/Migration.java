package io.learnstream.sinks.schema;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One versioned DDL file of {@code src/main/resources/io/learnstream/sinks/schema/ddl/}, named
 * {@code V<version>__<description>.sql}. Once a version was applied anywhere its file is never edited (the ledger
 * holds its checksum and refuses a changed file); a change of the schema is a new version.
 *
 * @param version     the number after {@code V}; versions are applied in ascending order
 * @param description what the file name says after {@code __}
 * @param sql         the file's text (line ends as {@code \n})
 * @param checksum    SHA-256 of {@code sql} in UTF-8, lower-case hex
 */
public record Migration(int version, String description, String sql, String checksum) {
    private static final Pattern FILE_NAME = Pattern.compile("V(\\d{3,})__([a-z0-9_]+)\\.sql");

    public Migration {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(checksum, "checksum");
        if (version <= 0) throw new IllegalArgumentException("a migration version is positive, got " + version);
    }

    /** The migration of the file {@code fileName} holding {@code text}; the name must be {@code V<digits>__<words>.sql}. */
    public static Migration of(String fileName, String text) {
        Matcher name = FILE_NAME.matcher(fileName);
        if (!name.matches()) {
            throw new IllegalArgumentException("schema file " + fileName + " is not named V<version>__<description>.sql"
                    + " (at least three digits, then lower-case words joined by _)");
        }
        String sql = text.replace("\r\n", "\n");
        return new Migration(Integer.parseInt(name.group(1)), name.group(2), sql, sha256(sql));
    }

    /** {@code V007__engagement_current}: how logs and errors name it. */
    public String label() {
        return "V%03d__%s".formatted(version, description);
    }

    /** The file's statements: split at semicolons that end a line, comment lines and blank lines dropped. */
    public List<String> statements() {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--") || trimmed.isEmpty()) continue;
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) statements.add(current.toString().strip());
        return statements;
    }

    private static String sha256(String sql) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(sql.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
