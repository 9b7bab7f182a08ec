package io.learnstream.ingest.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SkillSourcesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FRACTIONS = "https://sis.example.org/skills/fractions";
    private static final String DECIMALS = "https://sis.example.org/skills/decimals";

    @Test
    void shouldFindSkillsInCategoryParentAndOtherContextActivitiesOfASkillType() throws Exception {
        JsonNode statement = JSON.readTree("""
                {"object": {"id": "https://quiz.example.org/q/1"},
                 "context": {"contextActivities": {
                   "category": [{"id": "%s", "definition": {"type": "http://adlnet.gov/expapi/activities/objective"}}],
                   "parent": [{"id": "https://quiz.example.org/quiz/1", "definition": {"type": "http://adlnet.gov/expapi/activities/assessment"}}],
                   "other": {"id": "%s", "definition": {"type": "http://adlnet.gov/expapi/activities/objective"}}}}}
                """.formatted(FRACTIONS, DECIMALS));

        assertThat(SkillSources.defaults().of(statement)).containsExactly(FRACTIONS, DECIMALS);
    }

    @Test
    void shouldUseTheConfiguredActivityTypes() throws Exception {
        JsonNode statement = JSON.readTree("""
                {"object": {"id": "https://quiz.example.org/q/1"},
                 "context": {"contextActivities": {"other": [
                   {"id": "%s", "definition": {"type": "https://district.example.org/types/competency"}},
                   {"id": "%s", "definition": {"type": "http://adlnet.gov/expapi/activities/objective"}}]}}}
                """.formatted(FRACTIONS, DECIMALS));

        SkillSources competencies = new SkillSources(Set.of("https://district.example.org/types/competency"), SkillSources.SKILLS_EXTENSION);

        assertThat(competencies.of(statement)).containsExactly(FRACTIONS);
    }

    @Test
    void shouldFallBackToTheSkillsExtensionOfTheObjectsDefinition() throws Exception {
        JsonNode statement = JSON.readTree("""
                {"object": {"id": "https://quiz.example.org/q/1", "definition": {"extensions": {
                   "https://learnstream.io/xapi/extensions/skills": ["%s", "%s", "%s"]}}}}
                """.formatted(FRACTIONS, DECIMALS, FRACTIONS));

        assertThat(SkillSources.defaults().of(statement)).containsExactly(FRACTIONS, DECIMALS);
    }

    @Test
    void shouldReadASingleSkillIdInTheExtensionOfASubStatementsObject() throws Exception {
        JsonNode statement = JSON.readTree("""
                {"object": {"objectType": "SubStatement", "object": {"id": "https://quiz.example.org/q/1",
                   "definition": {"extensions": {"https://district.example.org/ext/skill": "%s"}}}}}
                """.formatted(FRACTIONS));

        assertThat(new SkillSources(Set.of(), "https://district.example.org/ext/skill").of(statement)).containsExactly(FRACTIONS);
    }

    @Test
    void shouldFindNoSkillsInAStatementThatNamesNone() throws Exception {
        JsonNode statement = JSON.readTree("""
                {"object": {"id": "https://lms.example.org/pages/7"},
                 "context": {"contextActivities": {"grouping": [{"id": "https://sis.example.org/classes/algebra-1"}]}}}
                """);

        assertThat(SkillSources.defaults().of(statement)).isEmpty();
    }
}
