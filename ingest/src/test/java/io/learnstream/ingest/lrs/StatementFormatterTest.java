package io.learnstream.ingest.lrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class StatementFormatterTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String STATEMENT = """
            {"id": "3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77",
             "actor": {"objectType": "Agent", "name": "Ann", "mbox": "mailto:ann@example.org"},
             "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en-US": "answered", "de-DE": "beantwortete"}},
             "object": {"objectType": "Activity", "id": "https://quiz.example.org/q/1",
                        "definition": {"name": {"en-US": "Question 1", "fr-FR": "Question un"},
                                       "description": {"en-US": "Pick one", "de-DE": "Wähle eins"},
                                       "interactionType": "choice",
                                       "choices": [{"id": "a", "description": {"en-US": "Yes", "de-DE": "Ja"}}],
                                       "extensions": {"https://example.org/ext": {"en-US": "kept"}}}},
             "result": {"success": true, "response": "a"},
             "context": {"registration": "aaaaaaaa-7d2b-4c55-9a1e-2b8f5c1d9e77",
                         "instructor": {"name": "Mr Teacher", "account": {"homePage": "https://sis.example.org", "name": "t1"}},
                         "team": {"objectType": "Group", "name": "Team", "member": [{"name": "Bob", "mbox": "mailto:bob@example.org"}]},
                         "contextActivities": {"grouping": [{"id": "https://sis.example.org/classes/7",
                                                             "definition": {"name": {"en-GB": "Class 7", "de-DE": "Klasse 7"}}}]}},
             "timestamp": "2026-09-01T08:00:00.000Z",
             "stored": "2026-09-01T08:00:01.000Z",
             "authority": {"objectType": "Group", "name": "LMS",
                           "member": [{"name": "App", "account": {"homePage": "https://lrs.example.org", "name": "app"}},
                                      {"name": "Admin", "mbox": "mailto:admin@example.org"}]}}
            """;

    @Test
    void exactReturnsTheStatementAsStored() {
        JsonNode statement = json(STATEMENT);

        assertThat(StatementFormatter.format(statement, ResponseFormat.EXACT, LanguagePreference.parse("de"))).isEqualTo(json(STATEMENT));
    }

    @Test
    void idsKeepsOnlyWhatIdentifiesAgentsGroupsActivitiesAndVerbs() {
        JsonNode ids = StatementFormatter.format(json(STATEMENT), ResponseFormat.IDS, LanguagePreference.none());

        assertThat(ids).isEqualTo(json("""
                {"id": "3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77",
                 "actor": {"objectType": "Agent", "mbox": "mailto:ann@example.org"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"},
                 "object": {"id": "https://quiz.example.org/q/1"},
                 "result": {"success": true, "response": "a"},
                 "context": {"registration": "aaaaaaaa-7d2b-4c55-9a1e-2b8f5c1d9e77",
                             "instructor": {"account": {"homePage": "https://sis.example.org", "name": "t1"}},
                             "team": {"objectType": "Group", "member": [{"mbox": "mailto:bob@example.org"}]},
                             "contextActivities": {"grouping": [{"id": "https://sis.example.org/classes/7"}]}},
                 "timestamp": "2026-09-01T08:00:00.000Z",
                 "stored": "2026-09-01T08:00:01.000Z",
                 "authority": {"objectType": "Group",
                               "member": [{"account": {"homePage": "https://lrs.example.org", "name": "app"}},
                                          {"mbox": "mailto:admin@example.org"}]}}
                """));
    }

    @Test
    void idsReducesAnIdentifiedGroupToItsIdentifierAndWorksInsideSubStatementsAndContextAgents() {
        JsonNode ids = StatementFormatter.format(json("""
                {"actor": {"objectType": "Group", "name": "Class", "mbox": "mailto:class@example.org",
                           "member": [{"name": "Ann", "mbox": "mailto:ann@example.org"}]},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/planned", "display": {"en": "planned"}},
                 "object": {"objectType": "SubStatement",
                            "actor": {"name": "Bob", "mbox": "mailto:bob@example.org"},
                            "verb": {"id": "http://adlnet.gov/expapi/verbs/attended", "display": {"en": "attended"}},
                            "object": {"objectType": "Agent", "name": "Carl", "openid": "https://id.example.org/carl"},
                            "context": {"contextActivities": {"parent": {"id": "https://lms.example.org/c", "definition": {}}}}},
                 "context": {"contextAgents": [{"objectType": "contextAgent", "agent": {"name": "Coach", "mbox": "mailto:coach@example.org"},
                                                "relevantTypes": ["https://example.org/types/coach"]}],
                             "contextGroups": [{"objectType": "contextGroup",
                                                "group": {"objectType": "Group", "name": "Squad", "member": [{"name": "P", "mbox": "mailto:p@example.org"}]}}],
                             "statement": {"objectType": "StatementRef", "id": "3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77"}}}
                """), ResponseFormat.IDS, LanguagePreference.none());

        assertThat(ids).isEqualTo(json("""
                {"actor": {"objectType": "Group", "mbox": "mailto:class@example.org"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/planned"},
                 "object": {"objectType": "SubStatement",
                            "actor": {"mbox": "mailto:bob@example.org"},
                            "verb": {"id": "http://adlnet.gov/expapi/verbs/attended"},
                            "object": {"objectType": "Agent", "openid": "https://id.example.org/carl"},
                            "context": {"contextActivities": {"parent": {"id": "https://lms.example.org/c"}}}},
                 "context": {"contextAgents": [{"objectType": "contextAgent", "agent": {"mbox": "mailto:coach@example.org"},
                                                "relevantTypes": ["https://example.org/types/coach"]}],
                             "contextGroups": [{"objectType": "contextGroup",
                                                "group": {"objectType": "Group", "member": [{"mbox": "mailto:p@example.org"}]}}],
                             "statement": {"objectType": "StatementRef", "id": "3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77"}}}
                """));
    }

    @Test
    void canonicalKeepsThePreferredLanguageOfEachActivityAndVerbMapAndAgentsAsStored() {
        JsonNode canonical = StatementFormatter.format(json(STATEMENT), ResponseFormat.CANONICAL, LanguagePreference.parse("de-DE, en;q=0.5"));

        assertThat(canonical.at("/verb/display")).isEqualTo(json("{\"de-DE\": \"beantwortete\"}"));
        assertThat(canonical.at("/object/definition/name")).isEqualTo(json("{\"en-US\": \"Question 1\"}"));
        assertThat(canonical.at("/object/definition/description")).isEqualTo(json("{\"de-DE\": \"Wähle eins\"}"));
        assertThat(canonical.at("/object/definition/choices/0/description")).isEqualTo(json("{\"de-DE\": \"Ja\"}"));
        assertThat(canonical.at("/context/contextActivities/grouping/0/definition/name")).isEqualTo(json("{\"de-DE\": \"Klasse 7\"}"));
        assertThat(canonical.at("/object/definition/extensions")).isEqualTo(json("{\"https://example.org/ext\": {\"en-US\": \"kept\"}}"));
        assertThat(canonical.get("actor")).isEqualTo(json(STATEMENT).get("actor"));
        assertThat(canonical.get("authority")).isEqualTo(json(STATEMENT).get("authority"));
    }

    @Test
    void canonicalWithoutAPreferenceKeepsTheFirstLanguageOfEachMap() {
        JsonNode canonical = StatementFormatter.format(json(STATEMENT), ResponseFormat.CANONICAL, LanguagePreference.none());

        assertThat(canonical.at("/verb/display")).isEqualTo(json("{\"en-US\": \"answered\"}"));
        assertThat(canonical.at("/object/definition/name")).isEqualTo(json("{\"en-US\": \"Question 1\"}"));
        assertThat(canonical.at("/context/contextActivities/grouping/0/definition/name")).isEqualTo(json("{\"en-GB\": \"Class 7\"}"));
    }

    @Test
    void canonicalReachesIntoASubStatement() {
        JsonNode canonical = StatementFormatter.format(json("""
                {"actor": {"mbox": "mailto:ann@example.org"},
                 "verb": {"id": "http://adlnet.gov/expapi/verbs/planned"},
                 "object": {"objectType": "SubStatement", "actor": {"mbox": "mailto:ann@example.org"},
                            "verb": {"id": "http://adlnet.gov/expapi/verbs/attended", "display": {"en": "attended", "fr": "a assisté"}},
                            "object": {"id": "https://lms.example.org/l/3", "definition": {"name": {"en": "Lecture", "fr": "Cours"}}}}}
                """), ResponseFormat.CANONICAL, LanguagePreference.parse("fr"));

        assertThat(canonical.at("/object/verb/display")).isEqualTo(json("{\"fr\": \"a assisté\"}"));
        assertThat(canonical.at("/object/object/definition/name")).isEqualTo(json("{\"fr\": \"Cours\"}"));
    }

    @Test
    void shapingNeverChangesTheStoredStatement() {
        JsonNode stored = json(STATEMENT);

        StatementFormatter.format(stored, ResponseFormat.IDS, LanguagePreference.none());
        StatementFormatter.format(stored, ResponseFormat.CANONICAL, LanguagePreference.parse("de"));

        assertThat(stored).isEqualTo(json(STATEMENT));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
