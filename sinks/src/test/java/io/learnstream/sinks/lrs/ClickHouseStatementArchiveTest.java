package io.learnstream.sinks.lrs;

import static io.learnstream.sinks.lrs.ArchiveTable.at;
import static io.learnstream.sinks.lrs.StatementJson.COMPLETED;
import static io.learnstream.sinks.lrs.StatementJson.agent;
import static io.learnstream.sinks.lrs.StatementJson.activity;
import static io.learnstream.sinks.lrs.StatementJson.anonymousGroup;
import static io.learnstream.sinks.lrs.StatementJson.identifiedGroup;
import static io.learnstream.sinks.lrs.StatementJson.newId;
import static io.learnstream.sinks.lrs.StatementJson.statement;
import static io.learnstream.sinks.lrs.StatementJson.statementRef;
import static io.learnstream.sinks.lrs.StatementJson.voiding;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.ingest.lrs.ArchivedStatement;
import io.learnstream.ingest.lrs.PagePosition;
import io.learnstream.ingest.lrs.StatementPage;
import io.learnstream.ingest.lrs.StatementQuery;
import io.learnstream.ingest.xapi.XapiVersion;
import io.learnstream.sinks.clickhouse.chdb.ChdbColumnStore;
import io.learnstream.sinks.schema.ClickHouseSchema;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The statement archive's SQL on the real embedded ClickHouse (chDB): what GET statements returns for each
 * filter, order, page and voiding case, first write wins, tenant isolation and the duplicate check's hashes. Each
 * spec writes into a district of its own, so specs never see each other's statements.
 */
@Timeout(120)
class ClickHouseStatementArchiveTest {
    private static final Instant EVERYTHING = Instant.parse("2100-01-01T00:00:00Z");

    @TempDir
    static Path dataDir;
    static ChdbColumnStore store;
    static ArchiveTable table;
    static ClickHouseStatementArchive archive;

    String tenant;

    @BeforeAll
    static void openStore() {
        store = ChdbColumnStore.open(dataDir);
        ClickHouseSchema.apply(store);
        table = new ArchiveTable(store);
        archive = new ClickHouseStatementArchive(store, () -> EVERYTHING);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @BeforeEach
    void newDistrict() {
        tenant = "district-" + newId().substring(0, 8);
    }

    @Nested
    class SingleStatements {
        @Test
        void aStatementIsFoundByIdAsStoredWithItsStoredTime() {
            ObjectNode json = statement(newId(), "mailto:ann@example.org", "http://example.org/pages/1");
            String id = table.write(tenant, json, 1);

            Optional<ArchivedStatement> found = archive.statement(tenant, id);

            assertThat(found).hasValueSatisfying(statement -> {
                assertThat(statement.id()).isEqualTo(id);
                assertThat(statement.stored()).isEqualTo(at(1));
                assertThat(statement.json()).isEqualTo(json.toString());
            });
            assertThat(archive.statement(tenant, id.toUpperCase())).isPresent();
        }

        @Test
        void aStatementOfAnotherDistrictIsNotFound() {
            String id = table.write("other-" + tenant, statement(newId(), "mailto:ann@example.org", "http://example.org/a"), 1);

            assertThat(archive.statement(tenant, id)).isEmpty();
            assertThat(archive.voidedStatement(tenant, id)).isEmpty();
        }

        @Test
        void aVoidedStatementIsFoundOnlyByVoidedStatementId() {
            String target = table.write(tenant, statement(newId(), "mailto:ann@example.org", "http://example.org/a"), 1);
            String voiding = table.write(tenant, voiding(newId(), "mailto:admin@example.org", target), 2);

            assertThat(archive.statement(tenant, target)).isEmpty();
            assertThat(archive.voidedStatement(tenant, target)).map(ArchivedStatement::id).hasValue(target);
            assertThat(archive.statement(tenant, voiding)).map(ArchivedStatement::id).hasValue(voiding);
            assertThat(archive.voidedStatement(tenant, voiding)).isEmpty();
        }

        @Test
        void aVoidingStatementCannotItselfBeVoided() {
            String target = table.write(tenant, statement(newId(), "mailto:ann@example.org", "http://example.org/a"), 1);
            String firstVoiding = table.write(tenant, voiding(newId(), "mailto:admin@example.org", target), 2);
            table.write(tenant, voiding(newId(), "mailto:admin@example.org", firstVoiding), 3);

            assertThat(archive.statement(tenant, firstVoiding)).isPresent();
            assertThat(archive.voidedStatement(tenant, firstVoiding)).isEmpty();
            assertThat(archive.voidedStatement(tenant, target)).isPresent();
        }

        @Test
        void aVoidingStatementOfAnotherDistrictVoidsNothingHere() {
            String target = table.write(tenant, statement(newId(), "mailto:ann@example.org", "http://example.org/a"), 1);
            table.write("other-" + tenant, voiding(newId(), "mailto:admin@example.org", target), 2);

            assertThat(archive.statement(tenant, target)).isPresent();
            assertThat(archive.voidedStatement(tenant, target)).isEmpty();
        }

        @Test
        void aStatementThatOnlyReferencesAnotherDoesNotVoidIt() {
            String target = table.write(tenant, statement(newId(), "mailto:ann@example.org", "http://example.org/a"), 1);
            ObjectNode reference = statement(newId(), "mailto:bob@example.org", "http://example.org/unused");
            reference.set("object", statementRef(target));
            table.write(tenant, reference, 2);

            assertThat(archive.statement(tenant, target)).isPresent();
        }
    }

    @Nested
    class FirstWriteWins {
        @Test
        void ofTwoWritesOfOneIdTheLowerOffsetIsTheStatementEverywhere() {
            String id = newId();
            ObjectNode first = statement(id, "mailto:ann@example.org", "http://example.org/first");
            ObjectNode second = statement(id, "mailto:ann@example.org", "http://example.org/second");
            second.putObject("verb").put("id", COMPLETED);
            table.write(tenant, first, at(5), 10, "hash-first");
            table.write(tenant, second, at(6), 11, "hash-second");

            assertThat(archive.statement(tenant, id)).map(ArchivedStatement::json).hasValue(first.toString());
            assertThat(archive.statement(tenant, id)).map(ArchivedStatement::stored).hasValue(at(5));
            assertThat(archive.contentHashes(tenant, List.of(id))).containsExactly(Map.entry(id, "hash-first"));
            assertThat(page(Map.of()).statements()).extracting(ArchivedStatement::json).containsExactly(first.toString());
            assertThat(ids(Map.of("verb", COMPLETED))).isEmpty();
            assertThat(ids(Map.of("activity", "http://example.org/first"))).containsExactly(id);
        }

        @Test
        void theFirstWriteWinsWhateverOrderTheRowsArriveIn() {
            String id = newId();
            ObjectNode first = statement(id, "mailto:ann@example.org", "http://example.org/first");
            ObjectNode second = statement(id, "mailto:ann@example.org", "http://example.org/second");
            table.write(tenant, second, at(6), 11, "hash-second");
            table.write(tenant, first, at(5), 10, "hash-first");

            assertThat(archive.statement(tenant, id)).map(ArchivedStatement::json).hasValue(first.toString());
            assertThat(ids(Map.of())).containsExactly(id);
        }

        @Test
        void aRecordTheSinkWroteTwiceIsListedOnce() {
            ObjectNode json = statement(newId(), "mailto:ann@example.org", "http://example.org/a");
            String id = table.write(tenant, json, at(1), 7, "hash");
            table.replay(tenant, json, at(1), 7, "hash");
            String next = table.write(tenant, statement(newId(), "mailto:ann@example.org", "http://example.org/b"), 2);

            assertThat(ids(Map.of())).containsExactly(next, id);
            assertThat(ids(Map.of("limit", "1"))).containsExactly(next);
            assertThat(archive.statement(tenant, id)).isPresent();
        }
    }

    @Nested
    class ContentHashes {
        @Test
        void answerForTheIdsTheDistrictHoldsInOneCall() {
            String one = table.write(tenant, statement(newId(), "mailto:ann@example.org", "http://example.org/a"), at(1), 1, "h1");
            String two = table.write(tenant, statement(newId(), "mailto:ann@example.org", "http://example.org/b"), at(2), 2, "h2");
            String elsewhere = table.write("other-" + tenant, statement(newId(), "mailto:ann@example.org", "http://example.org/c"), at(3), 3, "h3");

            Map<String, String> hashes = archive.contentHashes(tenant, List.of(one, two.toUpperCase(), elsewhere, newId()));

            assertThat(hashes).containsOnly(Map.entry(one, "h1"), Map.entry(two, "h2"));
            assertThat(archive.contentHashes(tenant, List.of())).isEmpty();
        }

        @Test
        void includeVoidedStatementsWhoseIdsStayTaken() {
            String target = table.write(tenant, statement(newId(), "mailto:ann@example.org", "http://example.org/a"), at(1), 1, "h1");
            table.write(tenant, voiding(newId(), "mailto:admin@example.org", target), 2);

            assertThat(archive.contentHashes(tenant, List.of(target))).containsExactly(Map.entry(target, "h1"));
        }
    }

    @Nested
    class AgentFilter {
        static final String ANN = "mailto:ann@example.org";

        @Test
        void matchesActorAgentObjectAndGroupMembersAndWithRelatedAgentsEveryOtherPosition() {
            String asActor = write(statement(newId(), ANN, "http://example.org/a"));
            String asObject = write(with(statement(newId(), "mailto:bob@example.org", "http://example.org/a"), "object", agent(ANN)));
            String asActorMember = write(with(statement(newId(), ANN, "http://example.org/a"), "actor",
                    anonymousGroup(agent("mailto:bob@example.org"), agent(ANN))));
            String asObjectGroupMember = write(with(statement(newId(), "mailto:bob@example.org", "http://example.org/a"), "object",
                    identifiedGroup("mailto:class@example.org", agent(ANN))));
            String asAuthority = write(with(statement(newId(), "mailto:bob@example.org", "http://example.org/a"), "authority", agent(ANN)));
            String asInstructor = write(withContext(statement(newId(), "mailto:bob@example.org", "http://example.org/a"), "instructor", agent(ANN)));
            String asTeamMember = write(withContext(statement(newId(), "mailto:bob@example.org", "http://example.org/a"), "team",
                    anonymousGroup(agent(ANN), agent("mailto:carl@example.org"))));
            String asSubStatementActor = write(with(statement(newId(), "mailto:bob@example.org", "http://example.org/a"), "object",
                    subStatement(agent(ANN), activity("http://example.org/a"))));
            String asSubStatementObject = write(with(statement(newId(), "mailto:bob@example.org", "http://example.org/a"), "object",
                    subStatement(agent("mailto:carl@example.org"), agent(ANN))));
            ObjectNode contextAgent = StatementJson.JSON.createObjectNode().put("objectType", "contextAgent");
            contextAgent.set("agent", agent(ANN));
            String asContextAgent = write(withContext(statement(newId(), "mailto:bob@example.org", "http://example.org/a"), "contextAgents",
                    StatementJson.JSON.createArrayNode().add(contextAgent)));
            ObjectNode contextGroup = StatementJson.JSON.createObjectNode().put("objectType", "contextGroup");
            contextGroup.set("group", identifiedGroup("mailto:team@example.org", agent(ANN)));
            String asContextGroupMember = write(withContext(statement(newId(), "mailto:bob@example.org", "http://example.org/a"), "contextGroups",
                    StatementJson.JSON.createArrayNode().add(contextGroup)));
            write(statement(newId(), "mailto:dave@example.org", "http://example.org/a"));
            String annFilter = "{\"mbox\":\"" + ANN + "\"}";

            assertThat(ids(Map.of("agent", annFilter))).containsExactlyInAnyOrder(asActor, asObject, asActorMember, asObjectGroupMember);
            assertThat(ids(Map.of("agent", annFilter, "related_agents", "false"))).hasSize(4);
            assertThat(ids(Map.of("agent", annFilter, "related_agents", "true"))).containsExactlyInAnyOrder(asActor, asObject,
                    asActorMember, asObjectGroupMember, asAuthority, asInstructor, asTeamMember, asSubStatementActor,
                    asSubStatementObject, asContextAgent, asContextGroupMember);
        }

        @Test
        void anIdentifiedGroupMatchesByItsOwnIdentifier() {
            String byGroup = write(with(statement(newId(), "mailto:bob@example.org", "http://example.org/a"), "actor",
                    identifiedGroup("mailto:class@example.org", agent("mailto:carl@example.org"))));
            write(statement(newId(), "mailto:class-teacher@example.org", "http://example.org/a"));

            assertThat(ids(Map.of("agent", "{\"objectType\":\"Group\",\"mbox\":\"mailto:class@example.org\"}"))).containsExactly(byGroup);
            assertThat(ids(Map.of("agent", "{\"mbox\":\"mailto:carl@example.org\"}"))).containsExactly(byGroup);
        }

        @Test
        void everyKindOfIdentifierMatchesAndMailboxesIgnoreCase() {
            ObjectNode sha1 = StatementJson.JSON.createObjectNode().put("mbox_sha1sum", "ebd31e95054c018b10727ccffd2ef2ec3a016ee9");
            ObjectNode openid = StatementJson.JSON.createObjectNode().put("openid", "https://openid.example.org/ann");
            ObjectNode account = StatementJson.JSON.createObjectNode();
            account.putObject("account").put("homePage", "https://sis.example.org").put("name", "O'Brien \\ 7 «ü»");
            String bySha1 = write(with(statement(newId(), ANN, "http://example.org/a"), "actor", sha1));
            String byOpenid = write(with(statement(newId(), ANN, "http://example.org/a"), "actor", openid));
            String byAccount = write(with(statement(newId(), ANN, "http://example.org/a"), "actor", account));
            String byMbox = write(statement(newId(), "mailto:Ann.Smith@Example.ORG", "http://example.org/a"));

            assertThat(ids(Map.of("agent", sha1.toString()))).containsExactly(bySha1);
            assertThat(ids(Map.of("agent", openid.toString()))).containsExactly(byOpenid);
            assertThat(ids(Map.of("agent", account.toString()))).containsExactly(byAccount);
            assertThat(ids(Map.of("agent", "{\"mbox\":\"mailto:ann.smith@example.org\"}"))).containsExactly(byMbox);
        }

        private String write(ObjectNode statement) {
            return table.write(tenant, statement, 1);
        }
    }

    @Nested
    class ActivityVerbAndRegistrationFilters {
        static final String TARGET = "http://example.org/courses/algebra";

        @Test
        void activityMatchesTheObjectAndWithRelatedActivitiesEveryContextActivityAndSubStatement() {
            String asObject = write(statement(newId(), "mailto:ann@example.org", TARGET));
            String asParent = write(withContextActivities(statement(newId(), "mailto:ann@example.org", "http://example.org/x"),
                    "parent", StatementJson.JSON.createArrayNode().add(activity(TARGET))));
            String asGroupingObject = write(withContextActivities(statement(newId(), "mailto:ann@example.org", "http://example.org/x"),
                    "grouping", activity(TARGET)));
            String asCategory = write(withContextActivities(statement(newId(), "mailto:ann@example.org", "http://example.org/x"),
                    "category", StatementJson.JSON.createArrayNode().add(activity("http://example.org/y")).add(activity(TARGET))));
            String asOther = write(withContextActivities(statement(newId(), "mailto:ann@example.org", "http://example.org/x"),
                    "other", StatementJson.JSON.createArrayNode().add(activity(TARGET))));
            String asSubStatementObject = write(with(statement(newId(), "mailto:ann@example.org", "http://example.org/x"), "object",
                    subStatement(agent("mailto:ann@example.org"), activity(TARGET))));
            ObjectNode subStatementWithContext = subStatement(agent("mailto:ann@example.org"), activity("http://example.org/x"));
            subStatementWithContext.putObject("context").putObject("contextActivities").putArray("grouping").add(activity(TARGET));
            String asSubStatementContext = write(with(statement(newId(), "mailto:ann@example.org", "http://example.org/x"), "object",
                    subStatementWithContext));
            write(statement(newId(), "mailto:ann@example.org", TARGET + "/lesson-1"));

            assertThat(ids(Map.of("activity", TARGET))).containsExactly(asObject);
            assertThat(ids(Map.of("activity", TARGET, "related_activities", "true"))).containsExactlyInAnyOrder(asObject, asParent,
                    asGroupingObject, asCategory, asOther, asSubStatementObject, asSubStatementContext);
        }

        @Test
        void verbMatchesTheVerbId() {
            ObjectNode completed = statement(newId(), "mailto:ann@example.org", "http://example.org/a");
            completed.putObject("verb").put("id", COMPLETED);
            String done = write(completed);
            write(statement(newId(), "mailto:ann@example.org", "http://example.org/a"));

            assertThat(ids(Map.of("verb", COMPLETED))).containsExactly(done);
        }

        @Test
        void registrationMatchesWhateverCaseItWasSentIn() {
            String registration = newId();
            ObjectNode registered = statement(newId(), "mailto:ann@example.org", "http://example.org/a");
            registered.putObject("context").put("registration", registration.toUpperCase());
            String inRegistration = write(registered);
            write(statement(newId(), "mailto:ann@example.org", "http://example.org/a"));

            assertThat(ids(Map.of("registration", registration))).containsExactly(inRegistration);
        }

        @Test
        void filtersCombineSoEveryOneMustMatch() {
            ObjectNode annCompleted = statement(newId(), "mailto:ann@example.org", TARGET);
            annCompleted.putObject("verb").put("id", COMPLETED);
            String wanted = write(annCompleted);
            write(statement(newId(), "mailto:ann@example.org", TARGET));
            ObjectNode bobCompleted = statement(newId(), "mailto:bob@example.org", TARGET);
            bobCompleted.putObject("verb").put("id", COMPLETED);
            write(bobCompleted);

            assertThat(ids(Map.of("verb", COMPLETED, "agent", "{\"mbox\":\"mailto:ann@example.org\"}", "activity", TARGET)))
                    .containsExactly(wanted);
        }

        private String write(ObjectNode statement) {
            return table.write(tenant, statement, 1);
        }
    }

    @Nested
    class TimeOrderAndPages {
        List<String> byStoredSecond;

        @BeforeEach
        void fiveStatementsOneSecondApart() {
            byStoredSecond = new ArrayList<>();
            byStoredSecond.add(null);
            for (int second = 1; second <= 5; second++) {
                byStoredSecond.add(table.write(tenant, statement(newId(), "mailto:ann@example.org", "http://example.org/a"), second));
            }
        }

        @Test
        void newestStoredComesFirstUnlessAscending() {
            assertThat(ids(Map.of())).containsExactly(s(5), s(4), s(3), s(2), s(1));
            assertThat(ids(Map.of("ascending", "true"))).containsExactly(s(1), s(2), s(3), s(4), s(5));
        }

        @Test
        void sinceIsExclusiveAndUntilInclusive() {
            assertThat(ids(Map.of("since", at(2).toString()))).containsExactly(s(5), s(4), s(3));
            assertThat(ids(Map.of("until", at(2).toString()))).containsExactly(s(2), s(1));
            assertThat(ids(Map.of("since", at(2).toString(), "until", at(4).toString()))).containsExactly(s(4), s(3));
            assertThat(ids(Map.of("since", "2026-09-01T10:00:02.000+02:00"))).containsExactly(s(5), s(4), s(3));
        }

        @Test
        void nothingStoredAfterTheConsistentThroughInstantIsListed() {
            StatementPage page = archive.query(tenant, query(Map.of()), Optional.empty(), at(3));

            assertThat(page.statements()).extracting(ArchivedStatement::id).containsExactly(s(3), s(2), s(1));
            assertThat(archive.query(tenant, query(Map.of("until", at(5).toString())), Optional.empty(), at(2)).statements())
                    .extracting(ArchivedStatement::id).containsExactly(s(2), s(1));
        }

        @Test
        void aPageHoldsLimitStatementsAndTellsWhetherMoreFollow() {
            StatementPage first = page(Map.of("limit", "2"));
            StatementPage second = archive.query(tenant, query(Map.of("limit", "2")), Optional.of(first.statements().getLast().position()), EVERYTHING);
            StatementPage third = archive.query(tenant, query(Map.of("limit", "2")), Optional.of(second.statements().getLast().position()), EVERYTHING);

            assertThat(first.statements()).extracting(ArchivedStatement::id).containsExactly(s(5), s(4));
            assertThat(first.more()).isTrue();
            assertThat(second.statements()).extracting(ArchivedStatement::id).containsExactly(s(3), s(2));
            assertThat(second.more()).isTrue();
            assertThat(third.statements()).extracting(ArchivedStatement::id).containsExactly(s(1));
            assertThat(third.more()).isFalse();
            assertThat(page(Map.of("limit", "5")).more()).isFalse();
            assertThat(page(Map.of("limit", "0")).statements()).hasSize(5);
        }

        @Test
        void ascendingPagesContinueAfterTheLastStatement() {
            StatementQuery ascending = query(Map.of("limit", "3", "ascending", "true"));
            StatementPage first = archive.query(tenant, ascending, Optional.empty(), EVERYTHING);
            StatementPage second = archive.query(tenant, ascending, Optional.of(first.statements().getLast().position()), EVERYTHING);

            assertThat(first.statements()).extracting(ArchivedStatement::id).containsExactly(s(1), s(2), s(3));
            assertThat(second.statements()).extracting(ArchivedStatement::id).containsExactly(s(4), s(5));
            assertThat(second.more()).isFalse();
        }

        @Test
        void statementsStoredAfterTheFirstPageDoNotShiftTheNextOne() {
            StatementPage first = page(Map.of("limit", "2"));
            table.write(tenant, statement(newId(), "mailto:ann@example.org", "http://example.org/a"), 6);

            StatementPage second = archive.query(tenant, query(Map.of("limit", "2")), Optional.of(first.statements().getLast().position()), EVERYTHING);

            assertThat(second.statements()).extracting(ArchivedStatement::id).containsExactly(s(3), s(2));
        }

        @Test
        void statementsStoredInTheSameMillisecondArePagedByIdWithoutLossOrRepeat() {
            List<String> sameInstant = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                sameInstant.add(table.write(tenant, statement(newId(), "mailto:ann@example.org", "http://example.org/a"), 7));
            }
            List<String> seen = new ArrayList<>();
            Optional<PagePosition> after = Optional.empty();
            StatementQuery query = query(Map.of("limit", "1", "since", at(6).toString()));
            for (int page = 0; page < 10; page++) {
                StatementPage result = archive.query(tenant, query, after, EVERYTHING);
                result.statements().forEach(statement -> seen.add(statement.id()));
                if (!result.more()) break;
                after = Optional.of(result.statements().getLast().position());
            }

            assertThat(seen).containsExactlyElementsOf(sameInstant.stream().sorted(java.util.Comparator.reverseOrder()).toList());
        }

        private String s(int second) {
            return byStoredSecond.get(second);
        }
    }

    @Nested
    class VoidingAndStatementRefs {
        static final String VERB = "http://adlnet.gov/expapi/test/voided/target/1";

        String voided;
        String voidingStatement;
        String reference;

        /** The ADL conformance scenario: a statement, its voiding, and a statement referring to it, a second apart. */
        @BeforeEach
        void voidedTargetedTwice() {
            ObjectNode target = statement(newId(), "mailto:ann@example.org", "http://example.org/a");
            target.putObject("verb").put("id", VERB);
            voided = table.write(tenant, target, 1);
            voidingStatement = table.write(tenant, voiding(newId(), "mailto:admin@example.org", voided), 2);
            ObjectNode referring = statement(newId(), "mailto:bob@example.org", "http://example.org/unused");
            referring.putObject("verb").put("id", VERB);
            referring.set("object", statementRef(voided));
            reference = table.write(tenant, referring, 3);
        }

        @Test
        void aVoidedStatementIsNeverListedButStatementsTargetingItAre() {
            assertThat(ids(Map.of())).containsExactly(reference, voidingStatement);
            assertThat(ids(Map.of("verb", VERB))).containsExactly(reference, voidingStatement);
        }

        @Test
        void timeBoundsAndLimitApplyToTheTargetingStatements() {
            assertThat(ids(Map.of("verb", VERB, "since", at(2.5).toString()))).containsExactly(reference);
            assertThat(ids(Map.of("verb", "http://adlnet.gov/expapi/verbs/voided", "until", at(2).toString()))).containsExactly(voidingStatement);
            assertThat(ids(Map.of("verb", VERB, "limit", "1"))).containsExactly(reference);
        }

        @Test
        void everyContentFilterIsFollowedThroughStatementRefs() {
            assertThat(ids(Map.of("agent", "{\"mbox\":\"mailto:ann@example.org\"}"))).containsExactly(reference, voidingStatement);
            assertThat(ids(Map.of("activity", "http://example.org/a"))).containsExactly(reference, voidingStatement);
            assertThat(ids(Map.of("agent", "{\"mbox\":\"mailto:bob@example.org\"}"))).containsExactly(reference);
        }

        @Test
        void eachFilterMayBeMetByTheStatementOrByItsTarget() {
            assertThat(ids(Map.of("verb", VERB, "agent", "{\"mbox\":\"mailto:bob@example.org\"}"))).containsExactly(reference);
            assertThat(ids(Map.of("verb", VERB, "agent", "{\"mbox\":\"mailto:admin@example.org\"}"))).containsExactly(voidingStatement);
            assertThat(ids(Map.of("verb", COMPLETED, "agent", "{\"mbox\":\"mailto:bob@example.org\"}"))).isEmpty();
        }

        @Test
        void chainsOfStatementRefsAreFollowed() {
            ObjectNode confirming = statement(newId(), "mailto:carl@example.org", "http://example.org/unused");
            confirming.set("object", statementRef(reference));
            String confirmation = table.write(tenant, confirming, 4);
            ObjectNode auditing = statement(newId(), "mailto:dora@example.org", "http://example.org/unused");
            auditing.set("object", statementRef(confirmation));
            String audit = table.write(tenant, auditing, 5);

            assertThat(ids(Map.of("activity", "http://example.org/a"))).containsExactly(audit, confirmation, reference, voidingStatement);
            assertThat(ids(Map.of("agent", "{\"mbox\":\"mailto:bob@example.org\"}"))).containsExactly(audit, confirmation, reference);
        }

        @Test
        void aCycleOfStatementRefsEnds() {
            String first = newId();
            String second = newId();
            ObjectNode one = statement(first, "mailto:carl@example.org", "http://example.org/unused");
            one.set("object", statementRef(second));
            ObjectNode two = statement(second, "mailto:dora@example.org", "http://example.org/unused");
            two.set("object", statementRef(first));
            table.write(tenant, one, 4);
            table.write(tenant, two, 5);

            assertThat(ids(Map.of("agent", "{\"mbox\":\"mailto:carl@example.org\"}"))).containsExactly(second, first);
        }
    }

    @Nested
    class Isolation {
        @Test
        void aListingShowsOnlyTheCallersDistrict() {
            String mine = table.write(tenant, statement(newId(), "mailto:ann@example.org", "http://example.org/a"), 1);
            table.write("other-" + tenant, statement(newId(), "mailto:ann@example.org", "http://example.org/a"), 2);
            ObjectNode refersAcross = statement(newId(), "mailto:bob@example.org", "http://example.org/x");
            refersAcross.set("object", statementRef(mine));
            table.write("other-" + tenant, refersAcross, 3);

            assertThat(ids(Map.of())).containsExactly(mine);
            assertThat(ids(Map.of("agent", "{\"mbox\":\"mailto:ann@example.org\"}"))).containsExactly(mine);
        }
    }

    @Nested
    class IndexUse {
        @Test
        void aLookupByIdAndTheFiltersSkipGranulesThroughTheTablesIndexes() {
            List<List<?>> rows = new ArrayList<>();
            XapiStatementRows mapper = new XapiStatementRows();
            for (int i = 0; i < 20_000; i++) {
                ObjectNode json = statement(newId(), "mailto:learner" + i + "@example.org", "http://example.org/pages/" + i);
                rows.add(mapper.row("k", ArchiveTable.record(tenant, json, at(i), "h"), 1_000_000 + i));
            }
            store.insert(mapper.table(), mapper.columns(), rows);
            store.execute("OPTIMIZE TABLE xapi_statements FINAL");

            String byId = explain("SELECT statement FROM xapi_statements WHERE tenant_id = '" + tenant
                    + "' AND statement_id = '" + newId() + "'");
            String byAgent = explain("SELECT statement FROM xapi_statements WHERE tenant_id = '" + tenant
                    + "' AND has(agents, 'mbox:mailto:learner7@example.org')");
            String byActivity = explain("SELECT statement FROM xapi_statements WHERE tenant_id = '" + tenant
                    + "' AND has(related_activities, 'http://example.org/pages/7')");

            String filteredPage = explain(archive.firstPageSql(tenant,
                    query(Map.of("agent", "{\"mbox\":\"mailto:learner7@example.org\"}", "limit", "10")), EVERYTHING));

            assertThat(selectedGranules(filteredPage, "agents_bloom")).isLessThanOrEqualTo(2);
            assertThat(byId).contains("statement_id_bloom");
            assertThat(selectedGranules(byId, "statement_id_bloom")).isLessThanOrEqualTo(2);
            assertThat(selectedGranules(byAgent, "agents_bloom")).isLessThanOrEqualTo(2);
            assertThat(selectedGranules(byActivity, "related_activities_bloom")).isLessThanOrEqualTo(2);
        }

        @Test
        void aPageOfAListingReadsTheDistrictInStoredOrderFromTheWantedEndAndTheTextOfThatPageOnly() {
            table.write(tenant, statement(newId(), "mailto:ann@example.org", "http://example.org/a"), 1);
            Map<String, String> filtered = Map.of("agent", "{\"mbox\":\"mailto:ann@example.org\"}", "verb", StatementJson.EXPERIENCED,
                    "limit", "10");

            String newestFirst = explainPlan(archive.firstPageSql(tenant, query(filtered), EVERYTHING));
            String oldestFirst = explainPlan(archive.firstPageSql(tenant, query(Map.of("ascending", "true")), EVERYTHING));

            assertThat(newestFirst).contains("ReadType: InReverseOrder").containsPattern("Lazily read columns: .*statement");
            assertThat(oldestFirst).contains("ReadType: InOrder").containsPattern("Lazily read columns: .*statement");
        }

        private String explainPlan(String sql) {
            return String.join("\n", store.query("EXPLAIN actions = 1 " + sql).column("explain"));
        }

        private String explain(String sql) {
            return String.join("\n", store.query("EXPLAIN indexes = 1 " + sql).column("explain"));
        }

        /** The granules left after the named skip index, from EXPLAIN's "Granules: selected/total" under it. */
        private long selectedGranules(String explain, String index) {
            String afterIndex = explain.substring(explain.indexOf("Name: " + index));
            java.util.regex.Matcher granules = java.util.regex.Pattern.compile("Granules: (\\d+)/(\\d+)").matcher(afterIndex);
            assertThat(granules.find()).as("EXPLAIN shows the granules after %s:%n%s", index, explain).isTrue();
            assertThat(Long.parseLong(granules.group(2))).as("granules before the index").isGreaterThan(10);
            return Long.parseLong(granules.group(1));
        }
    }

    private StatementQuery query(Map<String, String> parameters) {
        Map<String, List<String>> given = new LinkedHashMap<>();
        parameters.forEach((name, value) -> given.put(name, List.of(value)));
        return StatementQuery.parse(given, XapiVersion.V1_0_3);
    }

    private StatementPage page(Map<String, String> parameters) {
        return archive.query(tenant, query(parameters), Optional.empty(), EVERYTHING);
    }

    private List<String> ids(Map<String, String> parameters) {
        return page(parameters).statements().stream().map(ArchivedStatement::id).toList();
    }

    private static ObjectNode with(ObjectNode statement, String field, com.fasterxml.jackson.databind.JsonNode value) {
        statement.set(field, value);
        return statement;
    }

    private static ObjectNode withContext(ObjectNode statement, String field, com.fasterxml.jackson.databind.JsonNode value) {
        statement.withObject("context").set(field, value);
        return statement;
    }

    private static ObjectNode withContextActivities(ObjectNode statement, String kind, com.fasterxml.jackson.databind.JsonNode value) {
        statement.withObject("context").withObject("contextActivities").set(kind, value);
        return statement;
    }

    private static ObjectNode subStatement(ObjectNode actor, ObjectNode object) {
        ObjectNode sub = StatementJson.JSON.createObjectNode();
        sub.put("objectType", "SubStatement");
        sub.set("actor", actor);
        sub.putObject("verb").put("id", StatementJson.EXPERIENCED);
        sub.set("object", object);
        return sub;
    }
}
