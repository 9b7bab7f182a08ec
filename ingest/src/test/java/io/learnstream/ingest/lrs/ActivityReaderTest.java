package io.learnstream.ingest.lrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** How {@link ActivityReader} pages through the statements naming an activity; the archive itself is specified on ClickHouse. */
class ActivityReaderTest {
    private static final String QUIZ = "http://example.org/quizzes/fractions-1";
    private static final Instant NOW = Instant.parse("2026-09-07T10:00:00Z");

    @Test
    void shouldLookPastPagesOfStatementsThatDoNotDefineTheActivity() {
        PagedArchive archive = new PagedArchive(StatementQuery.MAX_LIMIT + 50, StatementQuery.MAX_LIMIT + 49);

        JsonNode activity = new ActivityReader(archive).read("demo", Map.of("activityId", List.of(QUIZ)));

        assertThat(activity.at("/definition/name/en-US").asText()).isEqualTo("statement " + (StatementQuery.MAX_LIMIT + 49));
        assertThat(archive.queries).isEqualTo(2);
    }

    @Test
    void shouldAnswerWithTheIdAloneOnceItLookedThroughTheMostStatementsItReads() {
        PagedArchive archive = new PagedArchive(Integer.MAX_VALUE, -1);

        JsonNode activity = new ActivityReader(archive).read("demo", Map.of("activityId", List.of(QUIZ)));

        assertThat(activity.has("definition")).isFalse();
        assertThat(archive.listed).isEqualTo(ActivityReader.MAX_SCANNED);
    }

    @Test
    void shouldAskTheArchiveForTheStatementsNamingTheActivityAnywhereUpToItsConsistentThrough() {
        PagedArchive archive = new PagedArchive(1, -1);

        new ActivityReader(archive).read("demo", Map.of("activityId", List.of(QUIZ)));

        assertThat(archive.asked.activity()).hasValue(QUIZ);
        assertThat(archive.asked.relatedActivities()).isTrue();
        assertThat(archive.asked.ascending()).isFalse();
        assertThat(archive.storedThrough).isEqualTo(NOW);
    }

    @Test
    void shouldWaitForTheArchiveToTakeInWhatThisInstanceJustStoredForTheDistrict() {
        PagedArchive archive = new PagedArchive(1, 0);
        archive.advancing = true; // each look at the archive finds it a second further
        Instant written = NOW.plusSeconds(3);

        new ActivityReader(archive, tenant -> tenant.equals("demo") ? Optional.of(written) : Optional.empty(), Duration.ofMinutes(1))
                .read("demo", Map.of("activityId", List.of(QUIZ)));

        assertThat(archive.storedThrough).isEqualTo(written);
    }

    @Test
    void shouldAnswerWithWhatTheArchiveHasOnceItWaitedLongEnough() {
        PagedArchive archive = new PagedArchive(1, 0);

        JsonNode activity = new ActivityReader(archive, tenant -> Optional.of(NOW.plusSeconds(3)), Duration.ofMillis(50))
                .read("demo", Map.of("activityId", List.of(QUIZ)));

        assertThat(activity.has("definition")).isTrue();
        assertThat(archive.storedThrough).isEqualTo(NOW);
    }

    /** {@code count} statements naming the quiz, newest first; only the one at {@code defining} defines it. */
    private static final class PagedArchive extends StubArchive {
        final int count;
        final int defining;
        int queries;
        int listed;
        boolean advancing;
        Instant consistentThrough = NOW;
        StatementQuery asked;
        Instant storedThrough;

        PagedArchive(int count, int defining) {
            super(NOW);
            this.count = count;
            this.defining = defining;
        }

        @Override
        public Instant consistentThrough() {
            Instant through = consistentThrough;
            if (advancing) consistentThrough = consistentThrough.plusSeconds(1);
            return through;
        }

        @Override
        public StatementPage query(String tenantId, StatementQuery query, Optional<PagePosition> after, Instant storedThrough) {
            queries++;
            asked = query;
            this.storedThrough = storedThrough;
            int from = after.map(position -> Integer.parseInt(position.statementId().substring(0, 8), 16) + 1).orElse(0);
            List<ArchivedStatement> page = new ArrayList<>();
            for (int i = from; i < count && page.size() < query.limit(); i++) page.add(statement(i));
            listed += page.size();
            return new StatementPage(page, from + page.size() < count);
        }

        private ArchivedStatement statement(int index) {
            String id = String.format("%08x", index) + UUID.randomUUID().toString().substring(8);
            String definition = index == defining ? ",\"definition\":{\"name\":{\"en-US\":\"statement " + index + "\"}}" : "";
            return new ArchivedStatement(id, NOW.minusSeconds(index),
                    "{\"id\":\"" + id + "\",\"object\":{\"objectType\":\"Activity\",\"id\":\"" + QUIZ + "\"" + definition + "}}");
        }
    }
}
