package io.learnstream.app.cli;

import io.learnstream.schemas.avro.DeliveryZone;
import io.learnstream.schemas.avro.RosterOrg;
import io.learnstream.schemas.avro.RosterUser;
import io.learnstream.schemas.avro.TeacherDeliveryPreference;
import io.learnstream.schemas.topic.Topic;
import io.learnstream.schemas.topic.TopicTable;
import io.learnstream.schemas.topic.Topics;
import io.learnstream.streams.delivery.DeliveryChannel;
import io.learnstream.streams.delivery.DeliveryRules;
import io.learnstream.streams.delivery.QuietHours;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code learnstream teachers}: how alerts reach teachers. {@code notify} writes a teacher's delivery preference
 * (channel, digest, quiet hours, webhook); {@code zone} the time zone of a district or a school, which digests and
 * quiet hours are told in. Everything is checked before anything is written.
 */
@Command(name = "teachers", mixinStandardHelpOptions = true,
        description = "How alerts reach teachers: their channel, digest and quiet hours, and the schools' time zones.",
        subcommands = {TeachersCommand.Notify.class, TeachersCommand.Zone.class})
public final class TeachersCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code teachers notify}: a teacher's delivery preference. */
    @Command(name = "notify", mixinStandardHelpOptions = true,
            description = "Set how a teacher gets alerts: e-mail (the roster's address), webhook, or the dashboard's inbox only.")
    public static final class Notify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CredentialsCommandOptions where;

        @Option(names = "--district", required = true, description = "the teacher's district")
        String district;

        @Option(names = "--teacher", required = true, description = "the teacher's roster user sourcedId")
        String teacher;

        @Option(names = "--channel", required = true, description = "email, webhook or inbox")
        String channel;

        @Option(names = "--digest", defaultValue = "off", description = "off (each alert as raised) or daily@HH:mm (default: ${DEFAULT-VALUE})")
        String digest;

        @Option(names = "--quiet", defaultValue = "off",
                description = "HH:mm-HH:mm: nothing is sent then, in the school's time zone (e.g. 20:00-07:00), or off (default: ${DEFAULT-VALUE})")
        String quiet;

        @Option(names = "--webhook", description = "the URL the webhook channel posts to (http or https)")
        String webhook;

        @Option(names = "--secret-file", description = "a file holding the webhook's signing secret (the HMAC key)")
        Path secretFile;

        @Override
        public Integer call() {
            TeacherDeliveryPreference preference = preference(Instant.now());
            try (CredentialsCommandSession session = open(where)) {
                session.requireDistrict(district);
                session.ensureTopics();
                if (DeliveryChannel.of(channel) == DeliveryChannel.EMAIL) requireEmail(session);
                Topic<String, TeacherDeliveryPreference> topic = session.topics().teacherDeliveryPreferences();
                String key = Topics.tenantScopedKey(district, teacher);
                session.publisher().send(topic, key, preference, preference.getUpdatedTime().toEpochMilli()).join();
            }
            spec.commandLine().getOut().printf("teacher '%s' of district '%s': alerts by %s, %s, %s%n", teacher, district, channel,
                    preference.getDigestTime() == null ? "each as raised" : "in a daily digest at " + preference.getDigestTime(),
                    preference.getQuietStart() == null ? "no quiet hours" : "quiet " + preference.getQuietStart() + "-" + preference.getQuietEnd());
            return 0;
        }

        /** The preference the options say, checked as the delivery topology reads it. */
        TeacherDeliveryPreference preference(Instant now) {
            DeliveryChannel chosen = DeliveryChannel.of(channel);
            Optional<QuietHours> hours = "off".equals(quiet) ? Optional.empty() : Optional.of(QuietHours.parse(quiet));
            if (chosen != DeliveryChannel.WEBHOOK && (webhook != null || secretFile != null)) {
                throw new IllegalArgumentException("--webhook and --secret-file are for --channel webhook only");
            }
            TeacherDeliveryPreference preference = TeacherDeliveryPreference.newBuilder()
                    .setTenantId(district)
                    .setTeacherSourcedId(teacher)
                    .setChannel(chosen.wireName())
                    .setDigestTime(DeliveryRules.parseDigest(digest).map(DeliveryRules::timeOfDay).orElse(null))
                    .setQuietStart(hours.map(h -> DeliveryRules.timeOfDay(h.start())).orElse(null))
                    .setQuietEnd(hours.map(h -> DeliveryRules.timeOfDay(h.end())).orElse(null))
                    .setWebhookUrl(webhook)
                    .setWebhookSecret(secretFile == null ? null : secret(secretFile))
                    .setUpdatedTime(now)
                    .build();
            DeliveryRules.of(preference);
            return preference;
        }

        private void requireEmail(CredentialsCommandSession session) {
            try (TopicTable<String, RosterUser> users = TopicTable.open(session.topics().rosterUsers(),
                    session.tableConfig())) {
                RosterUser user = users.get(Topics.tenantScopedKey(district, teacher)).orElseThrow(() -> new IllegalArgumentException(
                        "teacher '" + teacher + "' is not in district '" + district + "''s roster (import it with learnstream roster import)"));
                if (user.getEmail() == null || user.getEmail().isBlank()) {
                    throw new IllegalArgumentException("teacher '" + teacher + "' has no e-mail address in the roster (users.csv email):"
                            + " choose --channel webhook or inbox, or import the address");
                }
            }
        }

        private static String secret(Path file) {
            String secret;
            try {
                secret = Files.readString(file, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalArgumentException("--secret-file " + file + " cannot be read: " + e.getMessage(), e);
            }
            if (secret.length() < 16) throw new IllegalArgumentException("--secret-file " + file + " must hold a secret of at least 16 characters");
            return secret;
        }
    }

    /** {@code teachers zone}: the time zone of a district, or a school's override. */
    @Command(name = "zone", mixinStandardHelpOptions = true,
            description = "Set the time zone a district's (or one school's) digests and quiet hours are told in (default: UTC).")
    public static final class Zone implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CredentialsCommandOptions where;

        @Option(names = "--district", required = true, description = "the district")
        String district;

        @Option(names = "--school", description = "a school (roster org sourcedId) whose zone differs from the district's")
        String school;

        @Option(names = "--zone", required = true, description = "an IANA time zone, e.g. America/Chicago")
        String zone;

        @Override
        public Integer call() {
            ZoneId id;
            try {
                id = ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("--zone must be an IANA time zone such as America/Chicago, was '" + zone + "'");
            }
            try (CredentialsCommandSession session = open(where)) {
                session.requireDistrict(district);
                session.ensureTopics();
                if (school != null) requireSchool(session);
                Instant now = Instant.now();
                session.publisher().send(session.topics().deliveryZones(), school == null ? district : Topics.tenantScopedKey(district, school),
                        new DeliveryZone(district, school, id.getId(), now), now.toEpochMilli()).join();
            }
            spec.commandLine().getOut().printf("%s: digests and quiet hours in %s%n",
                    school == null ? "district '" + district + "'" : "school '" + school + "' of district '" + district + "'", id.getId());
            return 0;
        }

        private void requireSchool(CredentialsCommandSession session) {
            try (TopicTable<String, RosterOrg> orgs = TopicTable.open(session.topics().rosterOrgs(),
                    session.tableConfig())) {
                if (orgs.get(Topics.tenantScopedKey(district, school)).isEmpty()) {
                    throw new IllegalArgumentException("school '" + school + "' is not an org of district '" + district + "''s roster");
                }
            }
        }
    }


    private static CredentialsCommandSession open(CredentialsCommandOptions where) {
        return CredentialsCommandSession.openForCommand(where);
    }
}
