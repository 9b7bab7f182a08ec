package io.learnstream.app.replay.oulad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnstream.ingest.xapi.StatementValidator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OuladStatementsTest {
    private static final String CLASS = "https://oulad.learnstream.example/classes/AAA-2013J";

    private final ObjectMapper json = new ObjectMapper();
    private final OuladStatements statements = new OuladStatements(json);
    private final OuladData data = OuladFixture.read();
    private final List<OuladEvent> events = OuladTimeline.of(data.presentations());

    @Test
    void shouldMakeEveryEventAValidXapiStatementOfItsStudentInItsClass() {
        StatementValidator validator = new StatementValidator();
        for (OuladEvent event : events) {
            JsonNode statement = statements.statement(event);
            assertThatCode(() -> validator.validate(statement)).as(statement.toString()).doesNotThrowAnyException();
            assertThat(statement.get("actor")).isEqualTo(json.createObjectNode().put("objectType", "Agent").set("account",
                    json.createObjectNode().put("homePage", "https://oulad.learnstream.example/sis").put("name", event.studentId())));
            JsonNode grouping = statement.at("/context/contextActivities/grouping");
            assertThat(grouping).hasSize(1);
            assertThat(grouping.at("/0/id").asText()).isEqualTo("https://oulad.learnstream.example/classes/" + event.classId());
            assertThat(grouping.at("/0/definition/type").asText()).isEqualTo("http://adlnet.gov/expapi/activities/course");
            assertThat(statement.get("timestamp").asText()).isEqualTo(event.timestamp().toString());
        }
    }

    @Test
    void shouldSendARegistrationAndAWithdrawalAsTheSisWould() {
        JsonNode registration = statements.statement(first(OuladEvent.Registration.class, "30268"));
        JsonNode withdrawal = statements.statement(first(OuladEvent.Withdrawal.class, "30268"));

        assertThat(registration.at("/verb/id").asText()).isEqualTo("http://adlnet.gov/expapi/verbs/registered");
        assertThat(registration.at("/object/id").asText()).isEqualTo(CLASS);
        assertThat(registration.at("/context/platform").asText()).isEqualTo("sis");
        assertThat(registration.get("timestamp").asText()).isEqualTo("2013-07-01T08:00:00Z"); // day -92
        assertThat(withdrawal.at("/verb/id").asText()).isEqualTo("http://id.tincanapi.com/verb/unregistered");
        assertThat(withdrawal.at("/object/id").asText()).isEqualTo(CLASS);
        assertThat(withdrawal.get("timestamp").asText()).isEqualTo("2013-10-13T08:00:00Z"); // day 12
    }

    @Test
    void shouldSendAVleRowAsAnInteractionWithItsSiteAndItsClicks() {
        JsonNode statement = statements.statement(first(OuladEvent.VleActivity.class, "11391"));

        assertThat(statement.at("/verb/id").asText()).isEqualTo("http://adlnet.gov/expapi/verbs/interacted");
        assertThat(statement.at("/object/id").asText()).isEqualTo("https://oulad.learnstream.example/vle/546943");
        assertThat(statement.at("/object/definition/type").asText()).isEqualTo("https://oulad.learnstream.example/activity-types/resource");
        assertThat(statement.at("/result/extensions").get("https://learnstream.example/xapi/extensions/clicks").asInt()).isEqualTo(2);
        assertThat(statement.at("/context/platform").asText()).isEqualTo("vle");
        assertThat(statement.get("timestamp").asText()).isEqualTo("2013-10-01T12:00:00Z");
    }

    @Test
    void shouldSendASubmissionWithItsScoreOutOf100() {
        JsonNode statement = statements.statement(first(OuladEvent.Submission.class, "28400"));

        assertThat(statement.at("/verb/id").asText()).isEqualTo("http://activitystrea.ms/schema/1.0/submit");
        assertThat(statement.at("/object/id").asText()).isEqualTo("https://oulad.learnstream.example/lineitems/1752");
        assertThat(statement.at("/object/definition/type").asText()).isEqualTo("http://adlnet.gov/expapi/activities/assessment");
        assertThat(statement.at("/result/score")).hasToString("{\"raw\":70,\"min\":0,\"max\":100,\"scaled\":0.7}");
        assertThat(statement.at("/result/completion").asBoolean()).isTrue();
        assertThat(statement.at("/context/platform").asText()).isEqualTo("assessment");
        assertThat(statement.at("/context/extensions").isMissingNode()).isTrue();
        assertThat(statement.get("timestamp").asText()).isEqualTo("2013-10-23T12:00:00Z");
    }

    @Test
    void shouldSendASubmissionWithoutScoreWithoutOneAndABankedOneMarked() {
        JsonNode exam = statements.statement(events.stream().filter(e -> e instanceof OuladEvent.Submission s && s.assessmentId().equals("1757"))
                .findFirst().orElseThrow());
        JsonNode banked = statements.statement(events.stream().filter(e -> e instanceof OuladEvent.Submission s && s.banked())
                .findFirst().orElseThrow());

        assertThat(exam.at("/result/score").isMissingNode()).isTrue();
        assertThat(exam.at("/result/completion").asBoolean()).isTrue();
        assertThat(banked.at("/context/extensions").get("https://learnstream.example/xapi/extensions/banked").asBoolean()).isTrue();
        assertThat(banked.at("/result/score/scaled").asDouble()).isEqualTo(0.85);
        assertThat(banked.get("timestamp").asText()).isEqualTo("2014-01-31T12:00:00Z"); // day -1 of BBB-2014B
    }

    @Test
    void shouldGiveEachStatementTheSameIdInEveryReplayAndIdenticalRowsDifferentOnes() {
        List<UUID> ids = events.stream().map(statements::statementId).toList();
        List<UUID> again = OuladTimeline.of(OuladFixture.read().presentations()).stream().map(new OuladStatements(new ObjectMapper())::statementId).toList();

        assertThat(ids).doesNotHaveDuplicates().isEqualTo(again);
        assertThat(statements.statement(events.getFirst()).get("id").asText()).isEqualTo(ids.getFirst().toString());
    }

    @Test
    void shouldGiveAPresentationsStatementsInTheOrderSent() {
        OuladPresentation bbb = data.presentation(OuladFixture.BBB).orElseThrow();

        assertThat(statements.inOrder(bbb).toList()).isEqualTo(OuladTimeline.of(bbb).stream().map(statements::statement).toList())
                .extracting(s -> s.at("/verb/id").asText())
                .containsExactly(OuladVocabulary.REGISTERED, OuladVocabulary.SUBMIT, OuladVocabulary.SUBMIT);
    }

    @Test
    void shouldRenderABatchAsOneJsonArray() throws Exception {
        JsonNode body = json.readTree(statements.body(events.subList(0, 4)));

        assertThat(body.isArray()).isTrue();
        assertThat(body).hasSize(4);
        assertThat(body.get(0)).isEqualTo(statements.statement(events.getFirst()));
    }

    private <T extends OuladEvent> T first(Class<T> kind, String student) {
        return events.stream().filter(kind::isInstance).map(kind::cast).filter(e -> e.studentId().equals(student)).findFirst().orElseThrow();
    }
}
