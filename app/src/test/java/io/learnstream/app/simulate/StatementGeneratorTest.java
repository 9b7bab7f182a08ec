package io.learnstream.app.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.app.simulate.TestTerms.Observation;
import io.learnstream.app.simulate.activity.Term;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StatementGeneratorTest {

    @Test
    void theSameSeedGivesTheSameStatementsIdsIncluded() {
        // given two generators for the same district, term and seed
        List<ObjectNode> first = TestTerms.generator(11, 1, 40, 16).stream().limit(3_000).toList();
        List<ObjectNode> second = TestTerms.generator(11, 1, 40, 16).stream().limit(3_000).toList();

        // then they produce the very same statements
        assertThat(first).hasSize(3_000);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aDifferentSeedGivesDifferentStatements() {
        List<String> first = TestTerms.generator(11, 1, 40, 16).stream().limit(500).map(s -> s.get("id").asText()).toList();
        List<String> other = TestTerms.generator(12, 1, 40, 16).stream().limit(500).map(s -> s.get("id").asText()).toList();

        assertThat(other).doesNotContainAnyElementsOf(first);
    }

    @Test
    void skippingToAPositionThenContinuingGivesWhatAnUninterruptedRunGivesThere() {
        // given an uninterrupted run
        List<ObjectNode> uninterrupted = TestTerms.generator(11, 1, 40, 16).stream().limit(12_000).toList();

        // when another generator skips the first 10,000 statements without rendering them
        StatementGenerator resumed = TestTerms.generator(11, 1, 40, 16);
        long skipped = resumed.skip(10_000);

        // then it continues with statement 10,001, and knows where it is
        assertThat(skipped).isEqualTo(10_000);
        assertThat(resumed.position()).isEqualTo(10_000);
        assertThat(resumed.lastEventTime())
                .contains(OffsetDateTime.parse(uninterrupted.get(9_999).get("timestamp").asText()).toInstant());
        assertThat(resumed.stream().limit(2_000).toList()).isEqualTo(uninterrupted.subList(10_000, 12_000));
    }

    @Test
    void skippingBeforeATimeLeavesOnlyLaterStatements() {
        StatementGenerator generator = TestTerms.generator(11, 1, 40, 4);
        Instant wednesday = TestTerms.TERM_START.plusDays(2).atStartOfDay(TestTerms.ZONE).toInstant();

        long skipped = generator.skipBefore(wednesday);

        assertThat(skipped).isPositive();
        assertThat(TestTerms.observe(generator.next(), generator.term()).time()).isAfterOrEqualTo(wednesday);
    }

    @Test
    void statementsComeInEventTimeOrderWithinTheTermAndNonDecreasingPerStudent() {
        // given a whole 4-week term
        StatementGenerator generator = TestTerms.generator(5, 1, 60, 4);
        List<Observation> observed = TestTerms.observeAll(generator);

        // then the stream is ordered by event time, within the term
        assertThat(observed).isNotEmpty();
        assertThat(observed).extracting(Observation::time).isSorted();
        assertThat(observed.getFirst().time()).isAfterOrEqualTo(generator.term().startInstant());
        assertThat(observed.getLast().time()).isBefore(generator.term().endInstant());
        // and so is each student's own sequence
        Map<String, Instant> lastOfStudent = new HashMap<>();
        for (Observation o : observed) {
            Instant previous = lastOfStudent.put(o.student(), o.time());
            assertThat(previous == null || !o.time().isBefore(previous)).as("order of %s", o.student()).isTrue();
        }
        // and the generator ends cleanly
        assertThat(generator.hasNext()).isFalse();
        assertThat(generator.position()).isEqualTo(observed.size());
    }

    @Test
    void theStatementsTimestampsCarryTheDistrictsOffsetAcrossDaylightSavingTime() {
        // a term over the first Sunday of November, when Chicago goes from -05:00 to -06:00
        StatementGenerator generator = StatementGenerator.create(TestTerms.district(3, 1, 30),
                new Term(LocalDate.of(2025, 10, 27), 2, TestTerms.ZONE), 3);

        List<String> offsets = generator.stream().map(s -> s.get("timestamp").asText())
                .map(t -> t.substring(t.length() - 6)).distinct().toList();

        assertThat(offsets).containsExactly("-05:00", "-06:00");
    }

    @Test
    void theGeneratorIsAlsoAStreamOfJsonThatTheSimulatorPostsAsIs() throws Exception {
        JsonNode statement = TestTerms.generator(1, 1, 10, 1).next();

        String json = new ObjectMapper().writeValueAsString(statement);

        assertThat(json).startsWith("{\"id\":\"").contains("\"timestamp\":\"2025-08-25T");
    }
}
