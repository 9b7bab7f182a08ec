package io.learnstream.app.cli;

import io.learnstream.app.skills.ItemSkillsFile;
import io.learnstream.schemas.avro.ItemSkills;
import io.learnstream.schemas.topic.TopicPublisher;
import io.learnstream.schemas.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code learnstream skills}: the item-to-skill mappings of a district, which take precedence over what statements name. */
@Command(name = "skills", mixinStandardHelpOptions = true,
        description = "Item-to-skill mappings of a district (they take precedence over the skills statements name).",
        subcommands = SkillsCommand.Import.class)
public final class SkillsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code skills import}: a CSV of item_id,skill_id rows into the compacted item-skills topic. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import an item-to-skill mapping (CSV with a header naming item_id and skill_id, one row per item and skill)."
                    + " The whole file is checked first; the running mastery topology uses it from its next answer on.")
    public static final class Import implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        CredentialsCommandOptions where;

        @Option(names = "--district", required = true, description = "the district the items belong to")
        String district;

        @Parameters(index = "0", paramLabel = "FILE.csv", description = "the mapping")
        Path file;

        @Override
        public Integer call() throws Exception {
            Map<String, List<String>> mapping;
            try (Reader csv = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                mapping = ItemSkillsFile.read(file.toString(), csv);
            }
            try (CredentialsCommandSession session = CredentialsCommandSession.open(where.target(), new SimpleMeterRegistry())) {
                session.ensureTopics(); // so a first import on a fresh cluster finds item-skills compacted, not auto-created
                session.requireDistrict(district);
                Topics topics = session.topics();
                TopicPublisher publisher = session.publisher();
                Instant now = Instant.now();
                List<CompletableFuture<?>> sent = new ArrayList<>();
                mapping.forEach((item, skills) -> sent.add(publisher.send(topics.itemSkills(), Topics.tenantScopedKey(district, item),
                        new ItemSkills(district, item, skills, now), now.toEpochMilli())));
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
                long pairs = mapping.values().stream().mapToLong(List::size).sum();
                spec.commandLine().getOut().printf("imported %,d items (%,d item-skill pairs) for district '%s' from %s%n",
                        mapping.size(), pairs, district, file);
            }
            return 0;
        }
    }
}
