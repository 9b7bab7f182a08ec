package io.learnstream.ingest.lrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class StatementIndexTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theActorAndAnAgentObjectAreWhatTheStatementIsAboutAndGroupsBringTheirMembers() {
        StatementIndex index = index("""
                {"actor": {"objectType": "Group", "mbox": "mailto:Class@Example.org",
                           "member": [{"mbox": "mailto:ann@example.org"}, {"openid": "https://id.example.org/bob"}]},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/mentored"},
                 "object": {"objectType": "Agent", "account": {"homePage": "https://sis.example.org", "name": "carl"}}}
                """);

        assertThat(index.agents()).containsExactly("mbox:mailto:class@example.org", "mbox:mailto:ann@example.org",
                "openid:https://id.example.org/bob", "account:https://sis.example.org|carl");
        assertThat(index.relatedAgents()).containsExactlyElementsOf(index.agents());
        assertThat(index.activities()).isEmpty();
        assertThat(index.verbId()).isEqualTo("http://adlnet.gov/expapi/verbs/mentored");
    }

    @Test
    void relatedAgentsAddAuthorityInstructorTeamContextAgentsAndGroupsAndTheSubStatementsAgents() {
        StatementIndex index = index("""
                {"actor": {"mbox": "mailto:ann@example.org"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/planned"},
                 "object": {"objectType": "SubStatement",
                            "actor": {"mbox": "mailto:sub-actor@example.org"},
                            "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"},
                            "object": {"objectType": "Agent", "mbox": "mailto:sub-object@example.org"},
                            "context": {"instructor": {"mbox": "mailto:sub-instructor@example.org"},
                                        "team": {"objectType": "Group", "member": [{"mbox": "mailto:sub-team@example.org"}]}}},
                 "authority": {"objectType": "Group", "member": [{"account": {"homePage": "https://lrs.example.org", "name": "app"}},
                                                                {"mbox": "mailto:admin@example.org"}]},
                 "context": {"instructor": {"mbox": "mailto:teacher@example.org"},
                             "team": {"objectType": "Group", "mbox": "mailto:team@example.org", "member": [{"mbox": "mailto:mate@example.org"}]},
                             "contextAgents": [{"objectType": "contextAgent", "agent": {"mbox": "mailto:coach@example.org"}}],
                             "contextGroups": [{"objectType": "contextGroup",
                                                "group": {"objectType": "Group", "mbox": "mailto:squad@example.org",
                                                          "member": [{"mbox": "mailto:player@example.org"}]}}]}}
                """);

        assertThat(index.agents()).containsExactly("mbox:mailto:ann@example.org");
        assertThat(index.relatedAgents()).containsExactly("mbox:mailto:ann@example.org",
                "account:https://lrs.example.org|app", "mbox:mailto:admin@example.org",
                "mbox:mailto:teacher@example.org", "mbox:mailto:team@example.org", "mbox:mailto:mate@example.org",
                "mbox:mailto:coach@example.org", "mbox:mailto:squad@example.org", "mbox:mailto:player@example.org",
                "mbox:mailto:sub-actor@example.org", "mbox:mailto:sub-object@example.org",
                "mbox:mailto:sub-instructor@example.org", "mbox:mailto:sub-team@example.org");
    }

    @Test
    void activitiesAreTheObjectAndRelatedActivitiesEveryContextActivityAndTheSubStatements() {
        StatementIndex index = index("""
                {"actor": {"mbox": "mailto:ann@example.org"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
                 "object": {"id": "https://lms.example.org/pages/7"},
                 "context": {"contextActivities": {
                     "parent": [{"id": "https://lms.example.org/units/1"}],
                     "grouping": {"id": "https://sis.example.org/classes/algebra-1"},
                     "category": [{"id": "https://profiles.example.org/video"}, {"id": "https://profiles.example.org/lms"}],
                     "other": [{"id": "https://lms.example.org/forum"}]}}}
                """);

        assertThat(index.activities()).containsExactly("https://lms.example.org/pages/7");
        assertThat(index.relatedActivities()).containsExactly("https://lms.example.org/pages/7",
                "https://lms.example.org/units/1", "https://sis.example.org/classes/algebra-1",
                "https://profiles.example.org/video", "https://profiles.example.org/lms", "https://lms.example.org/forum");
    }

    @Test
    void aSubStatementsObjectAndContextActivitiesAreRelatedButNotTheObject() {
        StatementIndex index = index("""
                {"actor": {"mbox": "mailto:ann@example.org"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/planned"},
                 "object": {"objectType": "SubStatement", "actor": {"mbox": "mailto:ann@example.org"},
                            "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"},
                            "object": {"objectType": "Activity", "id": "https://lms.example.org/lectures/3"},
                            "context": {"contextActivities": {"parent": [{"id": "https://lms.example.org/courses/9"}]}}}}
                """);

        assertThat(index.activities()).isEmpty();
        assertThat(index.relatedActivities()).containsExactly("https://lms.example.org/lectures/3", "https://lms.example.org/courses/9");
        assertThat(index.agents()).containsExactly("mbox:mailto:ann@example.org");
    }

    @Test
    void registrationAndStatementRefsAreKeptInLowerCase() {
        StatementIndex index = index("""
                {"actor": {"mbox": "mailto:ann@example.org"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/confirmed"},
                 "object": {"objectType": "StatementRef", "id": "3F1C0A6E-7D2B-4C55-9A1E-2B8F5C1D9E77"},
                 "context": {"registration": "AAAAAAAA-7D2B-4C55-9A1E-2B8F5C1D9E77"}}
                """);

        assertThat(index.registration()).hasValue("aaaaaaaa-7d2b-4c55-9a1e-2b8f5c1d9e77");
        assertThat(index.statementRef()).hasValue("3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77");
        assertThat(index.voidedStatementId()).isEmpty();
        assertThat(index.isVoiding()).isFalse();
        assertThat(index.activities()).isEmpty();
    }

    @Test
    void aVoidingStatementNamesTheStatementItVoids() {
        StatementIndex index = index("""
                {"actor": {"mbox": "mailto:admin@example.org"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"},
                 "object": {"objectType": "StatementRef", "id": "3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77"}}
                """);

        assertThat(index.voidedStatementId()).hasValue("3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77");
        assertThat(index.isVoiding()).isTrue();
    }

    @Test
    void theVoidedVerbWithoutAStatementRefVoidsNothing() {
        StatementIndex index = index("""
                {"actor": {"mbox": "mailto:admin@example.org"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"},
                 "object": {"id": "https://lms.example.org/pages/7"}}
                """);

        assertThat(index.voidedStatementId()).isEmpty();
    }

    @Test
    void propertiesOfTheWrongShapeAreSkippedNotRefused() {
        StatementIndex index = index("""
                {"actor": "ann", "verb": 7, "object": {"objectType": "Activity"},
                 "context": {"contextActivities": {"parent": "x"}, "instructor": [1], "contextAgents": {}}}
                """);

        assertThat(index.verbId()).isEmpty();
        assertThat(index.agents()).isEmpty();
        assertThat(index.relatedActivities()).isEmpty();
        assertThat(StatementIndex.of(JSON.missingNode()).agents()).isEmpty();
    }

    @Test
    void anAgentsIdentifierIsTheOneTheQuerySideComputes() {
        assertThat(StatementIndex.identifierOf(json("{\"mbox\": \"mailto:Ann@Example.org\"}"))).hasValue("mbox:mailto:ann@example.org");
        assertThat(StatementIndex.identifierOf(json("{\"objectType\": \"Group\", \"member\": []}"))).isEmpty();
        assertThat(StatementIndex.identifierOf(json("\"mailto:ann@example.org\""))).isEmpty();
    }

    private static StatementIndex index(String statement) {
        return StatementIndex.of(json(statement));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
