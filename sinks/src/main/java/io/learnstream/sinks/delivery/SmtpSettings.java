package io.learnstream.sinks.delivery;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The SMTP server alert e-mail goes through.
 *
 * @param host the server's host
 * @param port its port (25, 587 with STARTTLS, 465 for SMTPS is not supported here)
 * @param username the login, empty for a server that relays without one
 * @param password the login's password (masked in {@link #toString()})
 * @param from the sender address the mail says it is from
 * @param startTls whether to require STARTTLS
 * @param timeout connection and read timeout
 */
public record SmtpSettings(String host, int port, Optional<String> username, Optional<String> password, String from,
        boolean startTls, Duration timeout) {
    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(timeout, "timeout");
        if (host.isBlank()) throw new IllegalArgumentException("SMTP host must not be blank");
        if (port < 1 || port > 65_535) throw new IllegalArgumentException("SMTP port must be 1 to 65535, got " + port);
        if (username.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("SMTP user and password go together: give both or neither");
        }
        try {
            new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("SMTP from must be an e-mail address, was '" + from + "' (" + e.getMessage() + ")");
        }
    }

    /** A server without login or TLS (a local relay; a test's). */
    public static SmtpSettings plain(String host, int port, String from) {
        return new SmtpSettings(host, port, Optional.empty(), Optional.empty(), from, false, Duration.ofSeconds(10));
    }

    public SmtpSettings withLogin(String user, String secret) {
        return new SmtpSettings(host, port, Optional.of(user), Optional.of(secret), from, startTls, timeout);
    }

    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username.orElse("(none)")
                + ", password=" + (password.isPresent() ? "****" : "(none)") + ", from=" + from + ", startTls=" + startTls
                + ", timeout=" + timeout + "]";
    }
}
