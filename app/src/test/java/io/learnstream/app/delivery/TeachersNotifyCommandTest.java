package io.learnstream.app.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** A preference no delivery can follow is refused, saying which option and why, before anything is opened or written. */
class TeachersNotifyCommandTest {
    @TempDir
    Path dataDir;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--channel=sms                                  | channel must be one of email, webhook, inbox, was 'sms'",
            "--channel=email --digest=weekly                | digest must be off or daily@HH:mm, e.g. daily@07:00, was 'weekly'",
            "--channel=email --digest=daily@7               | digest time must be a time of day HH:mm (00:00 to 23:59), was '7'",
            "--channel=email --quiet=20:00-20:00            | quiet hours must not start and end at the same time (20:00)",
            "--channel=email --quiet=8pm-7am                | quiet hours start must be a time of day HH:mm (00:00 to 23:59), was '8pm'",
            "--channel=webhook                              | webhook URL is required for the webhook channel",
            "--channel=webhook --webhook=https://lms.example.org/hook | webhook secret is required for the webhook channel (the key its signature is made with)",
            "--channel=email --webhook=https://lms.example.org/hook   | --webhook and --secret-file are for --channel webhook only",
    })
    void shouldRefuseAPreferenceNoDeliveryCanFollow(String options, String message) {
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setErr(new PrintWriter(err, true));
        command.setOut(new PrintWriter(new StringWriter(), true));
        String[] args = ("teachers notify --data-dir " + dataDir + " --district demo --teacher t-rivera " + options.strip()).split(" ");

        int exit = command.execute(args);

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("learnstream: " + message);
        assertThat(dataDir).isEmptyDirectory(); // refused before the embedded broker was opened
    }

    @Test
    void shouldRefuseATimeZoneThatIsNone() {
        StringWriter err = new StringWriter();
        CommandLine command = Main.commandLine();
        command.setErr(new PrintWriter(err, true));

        int exit = command.execute("teachers", "zone", "--data-dir", dataDir.toString(), "--district", "demo", "--zone", "Central Time");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("learnstream: --zone must be an IANA time zone such as America/Chicago, was 'Central Time'");
    }
}
