package io.learnstream.ingest.lrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnstream.ingest.xapi.XapiVersion;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatementQueryTest {
    private static final String ID = "3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77";

    @Test
    void noParametersListEverythingNewestFirstInFullPagesAsStored() {
        StatementQuery query = parse(Map.of());

        assertThat(query.isSingle()).isFalse();
        assertThat(query.filtersContent()).isFalse();
        assertThat(query.limit()).isEqualTo(StatementQuery.MAX_LIMIT);
        assertThat(query.format()).isEqualTo(ResponseFormat.EXACT);
        assertThat(query.ascending()).isFalse();
        assertThat(query.attachments()).isFalse();
        assertThat(query.relatedAgents()).isFalse();
        assertThat(query.relatedActivities()).isFalse();
        assertThat(query.since()).isEmpty();
        assertThat(query.until()).isEmpty();
    }

    @Test
    void theGivenParametersAreKeptToRepeatTheQuery() {
        Map<String, String> given = Map.of("verb", "http://adlnet.gov/expapi/verbs/completed", "limit", "10", "ascending", "true");

        StatementQuery query = parse(given);

        assertThat(query.parameters()).isEqualTo(new java.util.TreeMap<>(given));
        assertThat(query.version()).isEqualTo(XapiVersion.V1_0_3);
        assertThat(StatementQuery.parse(lists(query.parameters()), query.version())).isEqualTo(query);
    }

    @Nested
    class UnknownAndRepeatedParameters {
        @Test
        void anUnknownParameterIsRefusedByName() {
            assertRefused(Map.of("actor", "{}"), "actor", "is not a parameter of GET statements");
            assertRefused(Map.of("Verb", "http://example.org/v"), "Verb", "is not a parameter");
        }

        @Test
        void aParameterGivenTwiceIsRefused() {
            Map<String, List<String>> twice = Map.of("verb", List.of("http://example.org/a", "http://example.org/b"));

            assertThatThrownBy(() -> StatementQuery.parse(twice, XapiVersion.V1_0_3))
                    .isInstanceOfSatisfying(StatementQueryException.class, e -> {
                        assertThat(e.parameter()).isEqualTo("verb");
                        assertThat(e.rule()).contains("exactly once");
                    });
        }
    }

    @Nested
    class StatementIdAndVoidedStatementId {
        @Test
        void eachAsksForOneStatementInLowerCase() {
            assertThat(parse(Map.of("statementId", ID.toUpperCase())).statementId()).hasValue(ID);
            assertThat(parse(Map.of("voidedStatementId", ID)).voidedStatementId()).hasValue(ID);
            assertThat(parse(Map.of("statementId", ID)).isSingle()).isTrue();
        }

        @Test
        void mayComeWithFormatAndAttachmentsOnly() {
            StatementQuery query = parse(Map.of("statementId", ID, "format", "ids", "attachments", "true"));

            assertThat(query.format()).isEqualTo(ResponseFormat.IDS);
            assertThat(query.attachments()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"agent", "verb", "activity", "registration", "related_activities", "related_agents",
                "since", "until", "limit", "ascending"})
        void cannotBeCombinedWithAnyFilter(String filter) {
            String value = switch (filter) {
                case "agent" -> "{\"mbox\":\"mailto:ann@example.org\"}";
                case "verb", "activity" -> "http://example.org/x";
                case "registration" -> ID;
                case "since", "until" -> "2026-09-01T00:00:00Z";
                case "limit" -> "1";
                default -> "true";
            };
            assertRefused(Map.of("statementId", ID, filter, value), filter, "cannot be combined with statementId");
            assertRefused(Map.of("voidedStatementId", ID, filter, value), filter, "cannot be combined with voidedStatementId");
        }

        @Test
        void cannotBeCombinedWithEachOther() {
            assertRefused(Map.of("statementId", ID, "voidedStatementId", ID), "voidedStatementId", "cannot be combined with statementId");
        }

        @Test
        void mustBeUuids() {
            assertRefused(Map.of("statementId", "42"), "statementId", "must be a UUID");
            assertRefused(Map.of("voidedStatementId", "not-a-uuid"), "voidedStatementId", "must be a UUID");
        }
    }

    @Nested
    class Agent {
        @Test
        void isMatchedByItsCanonicalIdentifier() {
            assertThat(parse(Map.of("agent", "{\"mbox\":\"mailto:Ann@Example.org\"}")).agent()).hasValue("mbox:mailto:ann@example.org");
            assertThat(parse(Map.of("agent", "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://sis.example.org\",\"name\":\"7\"}}")).agent())
                    .hasValue("account:https://sis.example.org|7");
            assertThat(parse(Map.of("agent", "{\"objectType\":\"Group\",\"openid\":\"https://id.example.org/class\"}")).agent())
                    .hasValue("openid:https://id.example.org/class");
            assertThat(parse(Map.of("agent", "{\"mbox_sha1sum\":\"EBD31E95054C018B10727CCFFD2EF2EC3A016EE9\"}")).agent())
                    .hasValue("mbox_sha1sum:ebd31e95054c018b10727ccffd2ef2ec3a016ee9");
            assertThat(parse(Map.of("agent", "{\"mbox\":\"mailto:ann@example.org\"}")).filtersContent()).isTrue();
        }

        @Test
        void mustBeValidJson() {
            assertRefused(Map.of("agent", "{mbox:ann}"), "agent", "not valid JSON");
            assertRefused(Map.of("agent", "\"mailto:ann@example.org\""), "agent", "must be a JSON object");
        }

        /** The agent is held to the rules of a statement's actor; the rule's wording is the validator's. */
        @Test
        void mustBeAValidAgentOrGroup() {
            assertRefused(Map.of("agent", "{\"name\":\"Ann\"}"), "agent", "identifier");
            assertRefused(Map.of("agent", "{\"mbox\":\"ann@example.org\"}"), "agent", "(at agent.mbox)");
            assertRefused(Map.of("agent", "{\"mbox\":\"mailto:a@example.org\",\"openid\":\"https://id.example.org/a\"}"), "agent", "identifier");
            assertRefused(Map.of("agent", "{\"objectType\":\"Activity\",\"id\":\"http://example.org/a\"}"), "agent", "(at agent.objectType)");
        }

        @Test
        void cannotBeAnAnonymousGroup() {
            assertRefused(Map.of("agent", "{\"objectType\":\"Group\",\"member\":[{\"mbox\":\"mailto:ann@example.org\"}]}"),
                    "agent", "an anonymous Group cannot be a filter");
        }
    }

    @Nested
    class VerbActivityAndRegistration {
        @Test
        void verbAndActivityAreAbsoluteIris() {
            StatementQuery query = parse(Map.of("verb", "http://adlnet.gov/expapi/verbs/completed", "activity", "urn:example:course:7"));

            assertThat(query.verb()).hasValue("http://adlnet.gov/expapi/verbs/completed");
            assertThat(query.activity()).hasValue("urn:example:course:7");
            assertRefused(Map.of("verb", "completed"), "verb", "must be an absolute IRI");
            assertRefused(Map.of("activity", "/courses/7"), "activity", "must be an absolute IRI");
            assertRefused(Map.of("activity", "http://example.org/a b"), "activity", "must be an absolute IRI");
            assertRefused(Map.of("verb", ""), "verb", "must be an absolute IRI");
        }

        @Test
        void registrationIsAUuidInLowerCase() {
            assertThat(parse(Map.of("registration", ID.toUpperCase())).registration()).hasValue(ID);
            assertRefused(Map.of("registration", "abc"), "registration", "must be a UUID");
        }
    }

    @Nested
    class Booleans {
        @ParameterizedTest
        @ValueSource(strings = {"related_activities", "related_agents", "attachments", "ascending"})
        void areTrueOrFalseAsInJson(String name) {
            assertThat(parse(Map.of(name, "true")).parameters()).containsEntry(name, "true");
            assertThat(flag(parse(Map.of(name, "true")), name)).isTrue();
            assertThat(flag(parse(Map.of(name, "false")), name)).isFalse();
            assertRefused(Map.of(name, "yes"), name, "must be true or false");
            assertRefused(Map.of(name, "True"), name, "must be true or false");
            assertRefused(Map.of(name, ""), name, "must be true or false");
        }

        private boolean flag(StatementQuery query, String name) {
            return switch (name) {
                case "related_activities" -> query.relatedActivities();
                case "related_agents" -> query.relatedAgents();
                case "attachments" -> query.attachments();
                default -> query.ascending();
            };
        }
    }

    @Nested
    class SinceAndUntil {
        @Test
        void areIso8601TimestampsOfAnyZoneAndUtcWithoutOne() {
            StatementQuery query = parse(Map.of("since", "2026-09-01T10:00:00.250+02:00", "until", "2026-09-02T08:00:00"));

            assertThat(query.since()).hasValue(Instant.parse("2026-09-01T08:00:00.250Z"));
            assertThat(query.until()).hasValue(Instant.parse("2026-09-02T08:00:00Z"));
        }

        @Test
        void anythingElseIsRefused() {
            assertRefused(Map.of("since", "yesterday"), "since", "must be an ISO 8601 timestamp");
            assertRefused(Map.of("until", "2026-13-01T00:00:00Z"), "until", "must be an ISO 8601 timestamp");
        }
    }

    @Nested
    class Limit {
        @Test
        void zeroAndAnythingAboveTheMaximumAskForTheMaximum() {
            assertThat(parse(Map.of("limit", "0")).limit()).isEqualTo(StatementQuery.MAX_LIMIT);
            assertThat(parse(Map.of("limit", "501")).limit()).isEqualTo(StatementQuery.MAX_LIMIT);
            assertThat(parse(Map.of("limit", "99999999999999999999")).limit()).isEqualTo(StatementQuery.MAX_LIMIT);
            assertThat(parse(Map.of("limit", "1")).limit()).isEqualTo(1);
            assertThat(parse(Map.of("limit", "007")).limit()).isEqualTo(7);
        }

        @Test
        void mustBeAWholeNumberOfZeroOrMore() {
            assertRefused(Map.of("limit", "-1"), "limit", "must be a whole number of 0 or more");
            assertRefused(Map.of("limit", "ten"), "limit", "must be a whole number");
            assertRefused(Map.of("limit", "1.5"), "limit", "must be a whole number");
        }
    }

    @Nested
    class Format {
        @Test
        void isIdsExactOrCanonical() {
            assertThat(parse(Map.of("format", "ids")).format()).isEqualTo(ResponseFormat.IDS);
            assertThat(parse(Map.of("format", "exact")).format()).isEqualTo(ResponseFormat.EXACT);
            assertThat(parse(Map.of("format", "canonical")).format()).isEqualTo(ResponseFormat.CANONICAL);
            assertRefused(Map.of("format", "IDS"), "format", "must be ids, exact or canonical");
            assertRefused(Map.of("format", "full"), "format", "must be ids, exact or canonical");
        }
    }

    static StatementQuery parse(Map<String, String> parameters) {
        return StatementQuery.parse(lists(parameters), XapiVersion.V1_0_3);
    }

    static Map<String, List<String>> lists(Map<String, String> parameters) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        parameters.forEach((name, value) -> lists.put(name, List.of(value)));
        return lists;
    }

    static void assertRefused(Map<String, String> parameters, String parameter, String rule) {
        assertThatThrownBy(() -> parse(parameters))
                .isInstanceOfSatisfying(StatementQueryException.class, e -> {
                    assertThat(e.parameter()).isEqualTo(parameter);
                    assertThat(e.rule()).contains(rule);
                });
    }
}
