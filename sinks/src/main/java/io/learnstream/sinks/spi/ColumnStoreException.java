package io.learnstream.sinks.spi;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement failed in the column store. The message starts with ClickHouse's own error text, e.g.
 * {@code Code: 60. DB::Exception: Unknown table expression identifier 'nope' ... (UNKNOWN_TABLE)}, followed by
 * the statement that failed.
 */
public class ColumnStoreException extends RuntimeException {

    private static final Pattern CODE = Pattern.compile("Code: (\\d+)\\.");
    private static final Pattern NAME = Pattern.compile("\\(([A-Z][A-Z0-9_]+)\\)");
    private static final int MAX_SQL_IN_MESSAGE = 300;

    private final String clickHouseMessage;
    private final String sql;

    /** A failure reported by ClickHouse for {@code sql}. */
    public ColumnStoreException(String clickHouseMessage, String sql, Throwable cause) {
        super(clickHouseMessage.strip() + (sql == null ? "" : "\n  while running: " + abbreviate(sql)), cause);
        this.clickHouseMessage = clickHouseMessage.strip();
        this.sql = sql;
    }

    /** A failure of the store itself (no connection, library problem), not of one statement. */
    public ColumnStoreException(String message, Throwable cause) {
        super(message, cause);
        this.clickHouseMessage = message;
        this.sql = null;
    }

    public ColumnStoreException(String message) {
        this(message, (Throwable) null);
    }

    /** ClickHouse's error text exactly as the engine or server reported it. */
    public String clickHouseMessage() {
        return clickHouseMessage;
    }

    /** The statement that failed, when the failure belongs to one. */
    public Optional<String> sql() {
        return Optional.ofNullable(sql);
    }

    /** ClickHouse's numeric error code ({@code Code: 60.}), when the text carries one. */
    public OptionalInt errorCode() {
        Matcher m = CODE.matcher(clickHouseMessage);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }

    /** ClickHouse's symbolic error name ({@code UNKNOWN_TABLE}), when the text carries one. */
    public Optional<String> errorName() {
        Matcher m = NAME.matcher(clickHouseMessage);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return Optional.ofNullable(last);
    }

    private static String abbreviate(String sql) {
        String oneLine = sql.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_SQL_IN_MESSAGE ? oneLine
                : oneLine.substring(0, MAX_SQL_IN_MESSAGE) + "... (" + oneLine.length() + " characters)";
    }
}
