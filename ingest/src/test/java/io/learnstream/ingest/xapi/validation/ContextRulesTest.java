package io.learnstream.ingest.xapi.validation;

import static io.learnstream.ingest.xapi.XapiVersion.V1_0_3;
import static io.learnstream.ingest.xapi.XapiVersion.V2_0_0;
import static io.learnstream.ingest.xapi.validation.RuleCases.Case.accepts;
import static io.learnstream.ingest.xapi.validation.RuleCases.Case.rejects;
import static io.learnstream.ingest.xapi.validation.RuleCases.all;
import static io.learnstream.ingest.xapi.validation.RuleCases.set;

import io.learnstream.ingest.xapi.XapiVersion;
import io.learnstream.ingest.xapi.validation.RuleCases.Case;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Context (xAPI Data 2.4.6), with xAPI 2.0's Context Agents and Context Groups. */
class ContextRulesTest {
    private static final String ACTIVITY = "{\"objectType\": \"Activity\", \"id\": \"http://www.example.com/meetings/occurances/34534\"}";
    private static final String CONTEXT_AGENTS = """
            [{"objectType": "contextAgent", "agent": {"objectType": "Agent", "mbox": "mailto:player-1@example.com"},
              "relevantTypes": ["https://example.com/xapi/american-football/activity-types/player"]},
             {"objectType": "contextAgent", "agent": {"mbox": "mailto:coach@example.com"}}]""";
    private static final String CONTEXT_GROUPS = """
            [{"objectType": "contextGroup",
              "group": {"objectType": "Group", "mbox": "mailto:team-1@example.com",
                        "member": [{"objectType": "Agent", "mbox": "mailto:player-1@example.com"}]},
              "relevantTypes": ["https://example.com/xapi/american-football/activity-types/team/a"]}]""";

    static Stream<Arguments> contextProperties() {
        return RuleCases.arguments(
                accepts("an empty context", set("/context", "{}")),
                rejects("a context that is a string", set("/context", "\"classroom\""), "context", "must be a Context"),
                rejects("a registration that is not a UUID", set("/context/registration", "\"should fail\""), "context.registration", "must be a UUID"),
                rejects("a registration that is an object", set("/context/registration", "{\"key\": \"should fail\"}"), "context.registration", "must be a string"),
                rejects("a null registration", set("/context/registration", "null"), "context.registration", "must not be null"),
                rejects("a numeric revision", set("/context/revision", "12345"), "context.revision", "must be a string"),
                rejects("a platform that is an object", set("/context/platform", "{\"key\": \"should fail\"}"), "context.platform", "must be a string"),
                accepts("language cmn (three letters)", set("/context/language", "\"cmn\"")),
                accepts("language tlh", set("/context/language", "\"tlh\"")),
                rejects("a language that is not a tag", set("/context/language", "\"something\""), "context.language", "RFC 5646"),
                rejects("a numeric language", set("/context/language", "12345"), "context.language", "must be a string"),
                rejects("a context statement whose objectType is in lower case", set("/context/statement", "{\"objectType\": \"statementref\"}"),
                        "context.statement.objectType", "but is 'statementref'"),
                rejects("a context statement without objectType", set("/context/statement", "{\"id\": \"6690e6c9-3ef0-4ed3-8b37-7f3964730bee\"}"),
                        "context.statement.objectType", "is required"),
                rejects("a context statement whose id is not a UUID", set("/context/statement/id", "\"should fail\""),
                        "context.statement.id", "must be a UUID"),
                rejects("context extensions keyed by a word", set("/context/extensions", "{\"altitude\": 100}"), "context.extensions.altitude", "must be IRIs"),
                rejects("an unknown context property", set("/context/course", "\"algebra\""), "context.course", "is not a property of a Context"));
    }

    static Stream<Arguments> revisionAndPlatform() {
        String agentObject = "{\"objectType\": \"Agent\", \"mbox\": \"mailto:bob@example.org\"}";
        String statementRef = "{\"objectType\": \"StatementRef\", \"id\": \"8f87ccde-bb56-4c2e-ab83-44982ef22df0\"}";
        return RuleCases.arguments(
                accepts("revision and platform with an Activity without objectType", set("/object", "{\"id\": \"https://example.org/a\"}")),
                rejects("revision with an Agent as object", all(set("/object", agentObject), set("/context", "{\"revision\": \"r1\"}")),
                        "context.revision", "only be used when the statement's object is an Activity"),
                rejects("platform with a Group as object", all(set("/object", "{\"objectType\": \"Group\", \"mbox\": \"mailto:g@example.org\"}"),
                        set("/context", "{\"platform\": \"web\"}")), "context.platform", "only be used when the statement's object is an Activity"),
                rejects("platform with a StatementRef as object", all(set("/object", statementRef), set("/context", "{\"platform\": \"web\"}")),
                        "context.platform", "only be used when the statement's object is an Activity"),
                accepts("a context without revision and platform about a StatementRef", all(set("/object", statementRef),
                        set("/context", "{\"language\": \"en\"}"))));
    }

    static Stream<Arguments> contextActivities() {
        return RuleCases.arguments(
                accepts("a single Activity as parent (accepted for 0.95 compatibility)", set("/context/contextActivities", "{\"parent\": " + ACTIVITY + "}")),
                accepts("single Activities for all four kinds", set("/context/contextActivities",
                        "{\"parent\": " + ACTIVITY + ", \"grouping\": " + ACTIVITY + ", \"category\": " + ACTIVITY + ", \"other\": " + ACTIVITY + "}")),
                accepts("an empty array", set("/context/contextActivities/other", "[]")),
                rejects("an unknown kind of context activity", set("/context/contextActivities/sibling", "[" + ACTIVITY + "]"),
                        "context.contextActivities.sibling", "its properties are parent, grouping, category, other"),
                rejects("a kind in the wrong case", set("/context/contextActivities/Parent", "[" + ACTIVITY + "]"),
                        "context.contextActivities.Parent", "it should be 'parent'"),
                rejects("contextActivities that are a string", set("/context/contextActivities", "\"should fail\""),
                        "context.contextActivities", "must be an object with parent"),
                rejects("an array holding something that is not an Activity", set("/context/contextActivities/other", "[" + ACTIVITY + ", {\"key\": \"should fail\"}]"),
                        "context.contextActivities.other[1].id", "is required"),
                rejects("a parent whose id is not an IRI", set("/context/contextActivities/parent/0/id", "\"quiz-3\""),
                        "context.contextActivities.parent[0].id", "absolute IRI"),
                rejects("a context activity that is an Agent", set("/context/contextActivities/parent/0",
                        "{\"objectType\": \"Agent\", \"id\": \"https://example.org/a\"}"), "context.contextActivities.parent[0].objectType", "must be 'Activity'"),
                rejects("a context activity that is a string", set("/context/contextActivities/grouping", "\"https://example.org/course\""),
                        "context.contextActivities.grouping", "must be an Activity or an array of Activities"));
    }

    static Stream<Arguments> contextAgentsAndGroups() {
        return RuleCases.arguments(
                accepts("Context Agents in xAPI 2.0", set("/context/contextAgents", CONTEXT_AGENTS)).onlyIn(V2_0_0),
                accepts("Context Groups in xAPI 2.0", set("/context/contextGroups", CONTEXT_GROUPS)).onlyIn(V2_0_0),
                rejects("Context Agents in xAPI 1.0.3", set("/context/contextAgents", CONTEXT_AGENTS),
                        "context.contextAgents", "is an xAPI 2.0 property").onlyIn(V1_0_3),
                rejects("Context Groups in xAPI 1.0.3", set("/context/contextGroups", CONTEXT_GROUPS),
                        "context.contextGroups", "is an xAPI 2.0 property").onlyIn(V1_0_3),
                rejects("a Context Agent whose objectType is not contextAgent", all(set("/context/contextAgents", CONTEXT_AGENTS),
                        set("/context/contextAgents/0/objectType", "\"Should fail\"")), "context.contextAgents[0].objectType",
                        "must be 'contextAgent'").onlyIn(V2_0_0),
                rejects("a Context Agent without objectType", all(set("/context/contextAgents", CONTEXT_AGENTS),
                        RuleCases.remove("/context/contextAgents/1/objectType")), "context.contextAgents[1].objectType", "is required").onlyIn(V2_0_0),
                rejects("a Context Agent whose agent is invalid", all(set("/context/contextAgents", CONTEXT_AGENTS),
                        set("/context/contextAgents/0/agent", "{\"key\": \"Should fail\"}")), "context.contextAgents[0].agent.key",
                        "is not a property of an Agent").onlyIn(V2_0_0),
                rejects("a Context Agent whose agent is a Group", all(set("/context/contextAgents", CONTEXT_AGENTS),
                        set("/context/contextAgents/0/agent", "{\"objectType\": \"Group\", \"mbox\": \"mailto:t@example.com\"}")),
                        "context.contextAgents[0].agent.objectType", "are Agents, not Groups").onlyIn(V2_0_0),
                rejects("a Context Agent with empty relevantTypes", all(set("/context/contextAgents", CONTEXT_AGENTS),
                        set("/context/contextAgents/0/relevantTypes", "[]")), "context.contextAgents[0].relevantTypes", "at least one IRI").onlyIn(V2_0_0),
                rejects("a Context Agent with a relevant type that is not an IRI", all(set("/context/contextAgents", CONTEXT_AGENTS),
                        set("/context/contextAgents/0/relevantTypes", "[\"abc\"]")), "context.contextAgents[0].relevantTypes[0]", "absolute IRI").onlyIn(V2_0_0),
                rejects("Context Agents that are not an array", set("/context/contextAgents", "{\"objectType\": \"contextAgent\"}"),
                        "context.contextAgents", "must be an array of Context Agents").onlyIn(V2_0_0),
                rejects("a Context Group whose objectType is not contextGroup", all(set("/context/contextGroups", CONTEXT_GROUPS),
                        set("/context/contextGroups/0/objectType", "\"Should fail\"")), "context.contextGroups[0].objectType",
                        "must be 'contextGroup'").onlyIn(V2_0_0),
                rejects("a Context Group whose group is invalid", all(set("/context/contextGroups", CONTEXT_GROUPS),
                        set("/context/contextGroups/0/group", "{\"key\": \"Should fail\"}")), "context.contextGroups[0].group.objectType",
                        "is required").onlyIn(V2_0_0),
                rejects("a Context Group with a member property beside group", all(set("/context/contextGroups", CONTEXT_GROUPS),
                        set("/context/contextGroups/0/member", "[{\"mbox\": \"mailto:player-1@example.com\"}]")),
                        "context.contextGroups[0].member", "is not a property of a Context Group").onlyIn(V2_0_0),
                rejects("a Context Group with empty relevantTypes", all(set("/context/contextGroups", CONTEXT_GROUPS),
                        set("/context/contextGroups/0/relevantTypes", "[]")), "context.contextGroups[0].relevantTypes", "at least one IRI").onlyIn(V2_0_0),
                rejects("a Context Group with a relevant type that is not an IRI", all(set("/context/contextGroups", CONTEXT_GROUPS),
                        set("/context/contextGroups/0/relevantTypes", "[\"abc\"]")), "context.contextGroups[0].relevantTypes[0]", "absolute IRI").onlyIn(V2_0_0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contextProperties")
    void contextHasTypedProperties(String name, Case rule, XapiVersion version) {
        rule.check(version);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("revisionAndPlatform")
    void revisionAndPlatformOnlyWhenTheObjectIsAnActivity(String name, Case rule, XapiVersion version) {
        rule.check(version);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contextActivities")
    void contextActivitiesAreActivitiesUnderFourKnownKinds(String name, Case rule, XapiVersion version) {
        rule.check(version);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contextAgentsAndGroups")
    void contextAgentsAndGroupsExistOnlyInXapi20(String name, Case rule, XapiVersion version) {
        rule.check(version);
    }
}
