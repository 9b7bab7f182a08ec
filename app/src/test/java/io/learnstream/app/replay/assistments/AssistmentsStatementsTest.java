package io.learnstream.app.replay.assistments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AssistmentsStatementsTest {
    private final AssistmentsStatements statements = new AssistmentsStatements(new ObjectMapper(), "test", AssistmentsStatements.START);

    @Test
    void shouldSendAnAnswerAsAQuizToolWould() {
        // given Ann's third answer (index 2): item 51 of skill 10_13, wrong
        AnswerSchedule.Scheduled answer = new AnswerSchedule.Scheduled(new AssistmentsRow(9, "ann", "51", false, "10_13"), 2);

        ObjectNode statement = statements.statement(answer);

        assertThat(statement.at("/actor/account/homePage").asText()).isEqualTo(AssistmentsStatements.HOME_PAGE);
        assertThat(statement.at("/actor/account/name").asText()).isEqualTo("ann");
        assertThat(statement.at("/verb/id").asText()).isEqualTo("http://adlnet.gov/expapi/verbs/answered");
        assertThat(statement.at("/object/id").asText()).isEqualTo(AssistmentsStatements.HOME_PAGE + "/items/51");
        assertThat(statement.at("/result/success").asBoolean()).isFalse();
        JsonNode skill = statement.at("/context/contextActivities/category/0");
        assertThat(skill.at("/id").asText()).isEqualTo(AssistmentsStatements.HOME_PAGE + "/skills/10_13");
        assertThat(skill.at("/definition/type").asText()).isEqualTo("http://adlnet.gov/expapi/activities/objective");
        assertThat(statement.at("/context/contextActivities/grouping/0/id").asText()).isEqualTo(AssistmentsStatements.COURSE);
        // answer k of a user is at minute k of the replay's clock
        assertThat(Instant.parse(statement.get("timestamp").asText())).isEqualTo(AssistmentsStatements.START.plusSeconds(120));
    }

    @Test
    void shouldNameNoSkillForAnAnswerWithout() {
        ObjectNode statement = statements.statement(new AnswerSchedule.Scheduled(new AssistmentsRow(2, "ann", "51", true, ""), 0));

        assertThat(statement.at("/context/contextActivities/category").isMissingNode()).isTrue();
    }

    @Test
    void shouldGiveTheSameStatementTheSameIdInEveryReplayAndOthersAnother() {
        AnswerSchedule.Scheduled first = new AnswerSchedule.Scheduled(new AssistmentsRow(2, "ann", "51", true, "1"), 0);
        AnswerSchedule.Scheduled second = new AnswerSchedule.Scheduled(new AssistmentsRow(3, "ann", "51", true, "1"), 1);
        AssistmentsStatements train = new AssistmentsStatements(new ObjectMapper(), "train", AssistmentsStatements.START);

        assertThat(statements.statementId(first)).isEqualTo(new AssistmentsStatements(new ObjectMapper(), "test", AssistmentsStatements.START).statementId(first));
        assertThat(statements.statementId(first)).isNotEqualTo(statements.statementId(second));
        assertThat(statements.statementId(first)).isNotEqualTo(train.statementId(first));
    }

    @Test
    void shouldFitOnTheIdsTheStatementsCarry() {
        AssistmentsRow row = new AssistmentsRow(2, "ann", "a b/c", true, "7");

        assertThat(AssistmentsStatements.answer(row).answer().itemId())
                .isEqualTo(statements.statement(new AnswerSchedule.Scheduled(row, 0)).at("/object/id").asText())
                .isEqualTo(AssistmentsStatements.HOME_PAGE + "/items/a%20b%2Fc");
        assertThat(AssistmentsStatements.answer(row).answer().skills()).containsExactly(AssistmentsStatements.HOME_PAGE + "/skills/7");
    }
}
