package io.learnstream.app.cli;

import io.learnstream.app.alerts.AlertAnswer;
import io.learnstream.app.alerts.AlertFilter;
import io.learnstream.app.alerts.AlertListing;
import io.learnstream.app.alerts.FeedbackAction;
import io.learnstream.app.alerts.LatestAlerts;
import io.learnstream.schemas.avro.Alert;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code learnstream alerts}: the intervention alerts the risk topology raised for classes' teachers, and the teachers'
 * answers to them. Works on the embedded broker of the data directory, or on a Kafka cluster and schema registry by
 * address (a server deployment, or a running demo's).
 */
@Command(name = "alerts", mixinStandardHelpOptions = true,
        description = "Intervention alerts for classes' teachers: list them, acknowledge (useful) or dismiss (not useful) one.",
        subcommands = {AlertsCommand.ListAlerts.class, AlertsCommand.Ack.class, AlertsCommand.Dismiss.class})
public final class AlertsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Which alerts {@code alerts list} shows by status. */
    enum StatusOption { open, all }

    /** {@code alerts list}: the latest value of every alert, filtered. */
    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List alerts with their latest status, newest raised first (the ids are what ack and dismiss take).")
    public static final class ListAlerts implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CredentialsCommandOptions where;

        @Option(names = "--district", description = "only this district's alerts")
        String district;

        @Option(names = "--class", description = "only the alerts of this class (its roster sourcedId)")
        String classId;

        @Option(names = "--teacher", description = "only the alerts addressed to this teacher (roster user sourcedId; primary or co-teacher)")
        String teacher;

        @Option(names = "--status", defaultValue = "open",
                description = "open (the default) or all (acknowledged, dismissed and cleared alerts too)")
        StatusOption status;

        @Override
        public Integer call() {
            AlertFilter filter = new AlertFilter(Optional.ofNullable(district), Optional.ofNullable(classId), Optional.ofNullable(teacher),
                    status == StatusOption.open);
            try (CredentialsCommandSession session = open(where)) {
                if (district != null) session.requireDistrict(district);
                List<Alert> shown = latestAlerts(session).values().stream().filter(filter::matches).toList();
                spec.commandLine().getOut().print(AlertListing.render(shown));
            }
            return 0;
        }
    }

    /** {@code alerts ack ID}: the alert was useful. */
    @Command(name = "ack", mixinStandardHelpOptions = true,
            description = "Acknowledge an open alert (it was useful). The pipeline closes it on reading the answer.")
    public static final class Ack implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Answer answer;

        @Override
        public Integer call() {
            return answer.send(spec, FeedbackAction.ACKNOWLEDGE);
        }
    }

    /** {@code alerts dismiss ID}: the alert was not useful. */
    @Command(name = "dismiss", mixinStandardHelpOptions = true,
            description = "Dismiss an open alert (it was not useful). The pipeline closes it on reading the answer.")
    public static final class Dismiss implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Answer answer;

        @Override
        public Integer call() {
            return answer.send(spec, FeedbackAction.DISMISS);
        }
    }

    /** What {@code ack} and {@code dismiss} take, and how they answer: check the alert is open, write the feedback. */
    static final class Answer {
        @Mixin
        CredentialsCommandOptions where;

        @Parameters(index = "0", paramLabel = "ID", description = "the alert's id, as alerts list shows it")
        String alertId;

        @Option(names = "--by", defaultValue = "${sys:user.name}",
                description = "who answers: a roster user sourcedId or an account name (default: ${DEFAULT-VALUE})")
        String by;

        int send(CommandSpec spec, FeedbackAction action) {
            try (CredentialsCommandSession session = open(where)) {
                Instant now = Instant.now();
                AlertAnswer answer = AlertAnswer.of(alertId, Optional.ofNullable(latestAlerts(session).get(alertId)), action, by, now);
                session.publisher().send(session.topics().alertFeedback(), answer.key(), answer.feedback(), now.toEpochMilli()).join();
                Alert alert = answer.alert();
                spec.commandLine().getOut().printf("%s alert '%s' (student %s of class %s, district %s) as %s; the pipeline closes it"
                        + " when it reads the answer%n", action.closedStatus(), alertId, alert.getStudentKey(), alert.getClassId(),
                        alert.getTenantId(), answer.feedback().getBy());
            }
            return 0;
        }
    }

    /** Every alert's latest value, after making sure the topics exist (a fresh data directory or cluster). */
    private static Map<String, Alert> latestAlerts(CredentialsCommandSession session) {
        session.ensureTopics(); // so a first look on a fresh cluster finds alerts compacted with the pipeline's partitions
        return LatestAlerts.read(session.topics().alerts(),
                session.tableConfig());
    }

    private static CredentialsCommandSession open(CredentialsCommandOptions where) {
        return CredentialsCommandSession.openForCommand(where);
    }
}
