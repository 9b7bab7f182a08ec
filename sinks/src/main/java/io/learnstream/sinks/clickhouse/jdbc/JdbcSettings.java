package io.learnstream.sinks.clickhouse.jdbc;

import java.util.Objects;

/**
 * How to reach a ClickHouse server through its JDBC driver.
 *
 * @param url      {@code jdbc:clickhouse://host:8123/database} (HTTP interface; {@code jdbc:ch:} also accepted)
 * @param user     the ClickHouse user
 * @param password the user's password, empty for none; never printed
 */
public record JdbcSettings(String url, String user, String password) {

    public JdbcSettings {
        Objects.requireNonNull(url, "url of the ClickHouse server");
        Objects.requireNonNull(user, "user for the ClickHouse server");
        Objects.requireNonNull(password, "password for the ClickHouse server (empty string for none)");
        if (!url.startsWith("jdbc:clickhouse:") && !url.startsWith("jdbc:ch:")) {
            throw new IllegalArgumentException("'" + url + "' is not a ClickHouse JDBC url; expected"
                    + " jdbc:clickhouse://host:8123/database");
        }
        if (user.isBlank()) {
            throw new IllegalArgumentException("user for the ClickHouse server at " + url + " must not be blank");
        }
    }

    @Override
    public String toString() {
        return "JdbcSettings[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "<none>" : "****") + "]";
    }
}
