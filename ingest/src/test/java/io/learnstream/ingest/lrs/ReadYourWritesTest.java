package io.learnstream.ingest.lrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.ingest.xapi.XapiVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A GET by statementId of a statement this instance just stored waits for the archive instead of answering 404. */
class ReadYourWritesTest {
    private static final String ID = "7ac1c5a4-7fb4-4a5c-9f0e-3a5f7d1c2b90";
    private static final Instant STORED = Instant.parse("2026-09-07T10:00:00Z");

    /** An archive that takes the statement in after {@code lookupsBeforeArchived} lookups of its id; voided if asked. */
    private static final class LateArchive extends StubArchive {
        final AtomicInteger lookups = new AtomicInteger();
        final int lookupsBeforeArchived;
        final boolean voided;

        LateArchive(int lookupsBeforeArchived, boolean voided) {
            super(STORED.minusSeconds(1));
            this.lookupsBeforeArchived = lookupsBeforeArchived;
            this.voided = voided;
        }

        boolean archived() {
            return lookups.get() > lookupsBeforeArchived;
        }

        @Override
        public Optional<ArchivedStatement> statement(String tenantId, String statementId) {
            lookups.incrementAndGet();
            return archived() && !voided ? Optional.of(new ArchivedStatement(ID, STORED, "{\"id\":\"" + ID + "\"}")) : Optional.empty();
        }

        @Override
        public Map<String, String> contentHashes(String tenantId, Collection<String> statementIds) {
            lookups.incrementAndGet();
            return archived() ? Map.of(ID, "hash") : Map.of();
        }

        @Override
        public Instant consistentThrough() {
            // consistent through the statement from the lookup after the one that archived it
            return lookups.get() > lookupsBeforeArchived + 1 ? STORED : super.consistentThrough();
        }
    }

    private static ReadResult read(StatementArchive archive, RecentWrites recent) {
        return new StatementReader(archive, MoreCursor.withRandomKey(), "/xAPI/statements", recent, Duration.ofSeconds(5))
                .read("demo", Map.of("statementId", List.of(ID.toUpperCase())), null, XapiVersion.V1_0_3);
    }

    @Test
    void shouldWaitForTheArchiveToTakeInAStatementThisInstanceStored() {
        LateArchive archive = new LateArchive(3, false);

        ReadResult result = read(archive, (tenant, id) -> tenant.equals("demo") && id.equals(ID));

        assertThat(result).isInstanceOf(ReadResult.Statement.class);
        assertThat(archive.lookups.get()).as("asked again until it was archived").isGreaterThan(3);
    }

    @Test
    void shouldAnswerAStatementThisInstanceStoredOnlyOnceListingsShowItToo() {
        LateArchive archive = new LateArchive(0, false);

        ReadResult result = read(archive, (tenant, id) -> true);

        assertThat(result).isInstanceOfSatisfying(ReadResult.Statement.class,
                found -> assertThat(found.consistentThrough()).as("a listing now shows it").isAfterOrEqualTo(STORED));
    }

    @Test
    void shouldAnswerNotFoundAtOnceForAStatementThisInstanceDidNotStore() {
        LateArchive archive = new LateArchive(3, false);

        ReadResult result = read(archive, RecentWrites.NONE);

        assertThat(result).isInstanceOf(ReadResult.NotFound.class);
        assertThat(archive.lookups.get()).isEqualTo(1);
    }

    @Test
    void shouldAnswerNotFoundForAStatementVoidedOnceArchivedWithoutWaitingOut() {
        LateArchive archive = new LateArchive(0, true);
        long started = System.nanoTime();

        ReadResult result = read(archive, (tenant, id) -> true);

        assertThat(result).isInstanceOf(ReadResult.NotFound.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the archive holds the id: no wait").isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void shouldGiveUpWhenTheArchiveDoesNotTakeItInInTime() {
        LateArchive never = new LateArchive(Integer.MAX_VALUE, false);

        ReadResult result = new StatementReader(never, MoreCursor.withRandomKey(), "/xAPI/statements", (tenant, id) -> true, Duration.ofMillis(100))
                .read("demo", Map.of("statementId", List.of(ID)), null, XapiVersion.V1_0_3);

        assertThat(result).isInstanceOf(ReadResult.NotFound.class);
    }
}
