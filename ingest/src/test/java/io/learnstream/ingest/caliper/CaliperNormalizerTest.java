package io.learnstream.ingest.caliper;

import static io.learnstream.ingest.caliper.CaliperFixtures.JSON;
import static io.learnstream.ingest.caliper.CaliperFixtures.V1P1;
import static io.learnstream.ingest.caliper.CaliperFixtures.envelope;
import static io.learnstream.ingest.caliper.CaliperFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.ingest.identity.PseudonymKey;
import io.learnstream.ingest.xapi.StatementNormalizer;
import io.learnstream.ingest.xapi.UnprocessableStatementException;
import io.learnstream.schemas.avro.CaliperEventRecord;
import io.learnstream.schemas.avro.LearningEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * How an accepted Caliper event becomes a {@link LearningEvent}, profile by profile, on the IMS fixtures: every
 * field of the result is stated.
 */
class CaliperNormalizerTest {
    private static final PseudonymKey KEY = new PseudonymKey("caliper-test-secret-0123456789".getBytes(StandardCharsets.UTF_8));
    private static final String TENANT = "district-7";
    private static final Instant RECEIVED = Instant.parse("2026-09-07T10:00:00.123Z");

    private static final String LEARNER = "https://example.edu/users/554433";
    private static final String SECTION = "https://example.edu/terms/201601/courses/7/sections/1";
    private static final String ASSESSMENT = SECTION + "/assess/1";
    private static final String ATTEMPT = ASSESSMENT + "/users/554433/attempts/1";
    private static final String ITEM_3 = ASSESSMENT + "/items/3";
    private static final String ITEM_3_ATTEMPT = ITEM_3 + "/users/554433/attempts/1";
    private static final String SESSION = "https://example.edu/sessions/1f6442a482de72ea6ad134943812bff564a76259";
    private static final String ACTIONS = "http://purl.imsglobal.org/caliper/actions/";

    private final CaliperIntake intake = new CaliperIntake();
    private final CaliperNormalizer normalizer = new CaliperNormalizer();

    // ---------------------------------------------------------------- Assessment profile

    @Test
    void assessmentStartedIsTheLearnerStartingTheAssessmentInTheSection() throws Exception {
        LearningEvent event = normalize(fixture("caliperEventAssessmentStarted"));

        assertThat(event).isEqualTo(expected()
                .setEventId("urn:uuid:27734504-068d-4596-861c-2315be33a2a2")
                .setActivityId(ASSESSMENT)
                .setActivityType("http://purl.imsglobal.org/caliper/Assessment")
                .setVerb(ACTIONS + "Started")
                .setEventTime(Instant.parse("2016-11-15T10:15:00Z"))
                .setRegistration(registration(ATTEMPT))
                .build());
    }

    @Test
    void assessmentSubmittedCompletesTheAttemptWithItsDuration() throws Exception {
        LearningEvent event = normalize(fixture("caliperEventAssessmentSubmitted"));

        assertThat(event).isEqualTo(expected()
                .setEventId("urn:uuid:dad88464-0c20-4a19-a1ba-ddf2f9c3ff33")
                .setActivityId(ASSESSMENT)
                .setActivityType("http://purl.imsglobal.org/caliper/Assessment")
                .setVerb(ACTIONS + "Submitted")
                .setEventTime(Instant.parse("2016-11-15T10:25:30Z"))
                .setCompletion(true)
                .setDurationMs(630_000L)
                .setRegistration(registration(ATTEMPT))
                .build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Paused", "Resumed", "Restarted", "Reset"})
    void theOtherAssessmentActionsAreTheirActionIriWithoutCompletion(String action) throws Exception {
        ObjectNode started = fixture("caliperEventAssessmentStarted");
        started.put("action", action);

        LearningEvent event = normalize(started);

        assertThat(event.getVerb()).isEqualTo(ACTIONS + action);
        assertThat(event.getActivityId()).isEqualTo(ASSESSMENT);
        assertThat(event.getCompletion()).isNull();
        assertThat(event.getScoreScaled()).isNull();
    }

    // ---------------------------------------------------------------- Assessment Item (Assessment profile)

    @Test
    void assessmentItemStartedIsTheItemWithinTheItemsAttempt() throws Exception {
        LearningEvent event = normalize(fixture("caliperEventAssessmentItemStarted"));

        assertThat(event).isEqualTo(expected()
                .setEventId("urn:uuid:1b557176-ba67-4624-b060-6bee670a3d8e")
                .setActivityId(ITEM_3)
                .setActivityType("http://purl.imsglobal.org/caliper/AssessmentItem")
                .setVerb(ACTIONS + "Started")
                .setEventTime(Instant.parse("2016-11-15T10:15:00Z"))
                .setRegistration(registration(ITEM_3_ATTEMPT))
                .build());
    }

    @Test
    void assessmentItemSkippedHasNoAttemptSoItsRegistrationIsTheSession() throws Exception {
        LearningEvent event = normalize(fixture("caliperEventAssessmentItemSkipped"));

        assertThat(event).isEqualTo(expected()
                .setEventId("urn:uuid:04e27704-73bf-4d3c-912c-1b2da40aef8f")
                .setActivityId(ASSESSMENT + "/items/2")
                .setActivityType("http://purl.imsglobal.org/caliper/AssessmentItem")
                .setVerb(ACTIONS + "Skipped")
                .setEventTime(Instant.parse("2016-11-15T10:14:30Z"))
                .setRegistration(registration(SESSION))
                .build());
    }

    @Test
    void assessmentItemCompletedWithAGeneratedResponseCompletesTheItemInTheResponsesAttempt() throws Exception {
        LearningEvent event = normalize(fixture("caliperEventAssessmentItemCompleted"));

        assertThat(event).isEqualTo(expected()
                .setEventId("urn:uuid:e5891791-3d27-4df1-a272-091806a43dfb")
                .setActivityId(ITEM_3)
                .setActivityType("http://purl.imsglobal.org/caliper/AssessmentItem")
                .setVerb(ACTIONS + "Completed")
                .setEventTime(Instant.parse("2016-11-15T10:15:12Z"))
                .setCompletion(true)
                .setRegistration(registration(ITEM_3_ATTEMPT))
                .build());
    }

    // ---------------------------------------------------------------- Grading profile

    @Test
    void gradeGradedIsTheAssigneesScoreOnTheAssignableNotTheGraders() throws Exception {
        // given the autograder (a SoftwareApplication) grading the learner's attempt: 10 of 15 points
        LearningEvent event = normalize(fixture("caliperEventGradeGraded"));

        assertThat(event).isEqualTo(expected()
                .setEventId("urn:uuid:a50ca17f-5971-47bb-8fca-4e6e6879001d")
                .setStudentKey(KEY.studentKey("caliper:" + LEARNER))
                .setActivityId(ASSESSMENT)
                .setActivityType("http://purl.imsglobal.org/caliper/Assessment")
                .setVerb(ACTIONS + "Graded")
                .setEventTime(Instant.parse("2016-11-15T10:57:06Z"))
                .setScoreScaled(10.0 / 15.0)
                .setDurationMs(3_012_000L)
                .setRegistration(registration(ATTEMPT))
                .build());
        assertThat(event.getStudentKey()).isNotEqualTo(KEY.studentKey("caliper:https://example.edu/autograder"));
    }

    @Test
    void gradeGradedGivenByIrisInTheMixedBatchKeepsTheAssignableAndTheGroupIri() throws Exception {
        // given the IMS mixed batch's GradeEvent: assignee, assignable and group are IRIs, not objects
        CaliperEventRecord record = intake.accept(fixture("caliperEnvelopeMixedBatch"), TENANT, null, RECEIVED).get(2);

        LearningEvent event = normalizer.normalize(record, KEY);

        assertThat(event).isEqualTo(expected()
                .setEventId("urn:uuid:a50ca17f-5971-47bb-8fca-4e6e6879001d")
                .setActivityId(ASSESSMENT + "?ver=v1p0")
                .setActivityType(null)
                .setVerb(ACTIONS + "Graded")
                .setEventTime(Instant.parse("2016-11-15T10:57:06Z"))
                .setScoreScaled(10.0 / 15.0)
                .setDurationMs(2_412_000L)
                .setRegistration(registration(ATTEMPT))
                .build());
    }

    @Test
    void aScoreAboveTheMaximumCountsAsFullMarks() throws Exception {
        ObjectNode graded = fixture("caliperEventGradeGraded");
        ((ObjectNode) graded.get("generated")).put("scoreGiven", 18.0);

        assertThat(normalize(graded).getScoreScaled()).isEqualTo(1.0);
    }

    @Test
    void aScoreWithoutAPositiveMaximumOrWithoutPointsHasNoScaledScore() throws Exception {
        ObjectNode zeroMax = fixture("caliperEventGradeGraded");
        ((ObjectNode) zeroMax.get("generated")).put("maxScore", 0.0);
        ObjectNode noPoints = fixture("caliperEventGradeGraded");
        ((ObjectNode) noPoints.get("generated")).remove("scoreGiven");

        assertThat(normalize(zeroMax).getScoreScaled()).isNull();
        assertThat(normalize(noPoints).getScoreScaled()).isNull();
    }

    // ---------------------------------------------------------------- Media profile

    @Test
    void mediaPausedIsTheVideoWithoutTakingItsRunningTimeForADuration() throws Exception {
        LearningEvent event = normalize(fixture("caliperEventMediaPausedVideo"));

        assertThat(event).isEqualTo(expected()
                .setEventId("urn:uuid:956b4a02-8de0-4991-b8c5-b6eebb6b4cab")
                .setActivityId("https://example.edu/UQVK-dsU7-Y")
                .setActivityType("http://purl.imsglobal.org/caliper/VideoObject")
                .setVerb(ACTIONS + "Paused")
                .setEventTime(Instant.parse("2016-11-15T10:15:00Z"))
                .setTool("https://example.edu/player")
                .setRegistration(registration(SESSION))
                .build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Started", "Ended", "Paused", "Resumed", "Restarted", "ForwardedTo", "JumpedTo",
        "ChangedResolution", "ChangedSize", "ChangedSpeed", "ChangedVolume", "EnabledClosedCaptioning",
        "DisabledClosedCaptioning", "EnteredFullScreen", "ExitedFullScreen", "Muted", "Unmuted", "OpenedPopout",
        "ClosedPopout"})
    void everyMediaActionIsAcceptedAndBecomesItsActionIri(String action) throws Exception {
        ObjectNode media = fixture("caliperEventMediaPausedVideo");
        media.put("action", action);

        LearningEvent event = normalize(media);

        assertThat(event.getVerb()).isEqualTo(ACTIONS + action);
        assertThat(event.getActivityId()).isEqualTo("https://example.edu/UQVK-dsU7-Y");
        assertThat(event.getCompletion()).isNull();
        assertThat(event.getDurationMs()).isNull();
    }

    @Test
    void theCaptioningActionsSpelledAsInTheJsonLdContextAreTheSameVerbs() throws Exception {
        ObjectNode media = fixture("caliperEventMediaPausedVideo");
        media.put("action", "DisabledCloseCaptioning");

        assertThat(normalize(media).getVerb()).isEqualTo(ACTIONS + "DisabledClosedCaptioning");
    }

    // ---------------------------------------------------------------- Navigation and View

    @Test
    void navigationNavigatedToIsTheWebPage() throws Exception {
        LearningEvent event = normalize(fixture("caliperEventNavigationNavigatedTo"));

        assertThat(event).isEqualTo(expected()
                .setEventId("urn:uuid:ff9ec22a-fc59-4ae1-ae8d-2c9463ee2f8f")
                .setActivityId(SECTION + "/pages/2")
                .setActivityType("http://purl.imsglobal.org/caliper/WebPage")
                .setVerb(ACTIONS + "NavigatedTo")
                .setEventTime(Instant.parse("2016-11-15T10:15:00Z"))
                .setRegistration(registration(SESSION))
                .build());
    }

    @Test
    void viewViewedIsTheDocument() throws Exception {
        LearningEvent event = normalize(fixture("caliperEventViewViewed"));

        assertThat(event).isEqualTo(expected()
                .setEventId("urn:uuid:cd088ca7-c044-405c-bb41-0b2a8506f907")
                .setActivityId("https://example.edu/etexts/201.epub")
                .setActivityType("http://purl.imsglobal.org/caliper/Document")
                .setVerb(ACTIONS + "Viewed")
                .setEventTime(Instant.parse("2016-11-15T10:15:00Z"))
                .setRegistration(registration(SESSION))
                .build());
    }

    // ---------------------------------------------------------------- Session profile

    @Test
    void sessionLoggedInIsTheApplicationOutsideAnyCourse() throws Exception {
        LearningEvent event = normalize(fixture("caliperEventSessionLoggedIn"));

        assertThat(event).isEqualTo(expected()
                .setEventId("urn:uuid:fcd495d0-3740-4298-9bec-1154571dc211")
                .setCourseId(StatementNormalizer.UNKNOWN_COURSE)
                .setActivityId("https://example.edu")
                .setActivityType("http://purl.imsglobal.org/caliper/SoftwareApplication")
                .setVerb(ACTIONS + "LoggedIn")
                .setEventTime(Instant.parse("2016-11-15T10:15:00Z"))
                .setRegistration(registration(SESSION))
                .build());
    }

    @Test
    void sessionLoggedOutCarriesTheSessionsDuration() throws Exception {
        LearningEvent event = normalize(fixture("caliperEventSessionLoggedOut"));

        assertThat(event).isEqualTo(expected()
                .setEventId("urn:uuid:a438f8ac-1da3-4d48-8c86-94a1b387e0f6")
                .setCourseId(StatementNormalizer.UNKNOWN_COURSE)
                .setActivityId("https://example.edu")
                .setActivityType("http://purl.imsglobal.org/caliper/SoftwareApplication")
                .setVerb(ACTIONS + "LoggedOut")
                .setEventTime(Instant.parse("2016-11-15T11:05:00Z"))
                .setDurationMs(3_000_000L)
                .setRegistration(registration(SESSION))
                .build());
    }

    @Test
    void sessionTimedOutIsTheSessionsUserAtTheApplicationNotTheApplicationActor() throws Exception {
        // given the application (actor) timing out the session (object) of user 112233
        LearningEvent event = normalize(fixture("caliperEventSessionTimedOut"));

        String timedOutSession = "https://example.edu/sessions/7d6b88adf746f0692e2e873308b78c60fb13a864";
        assertThat(event).isEqualTo(expected()
                .setEventId("urn:uuid:4e61cf6c-ffbe-45bc-893f-afe7ad4079dc")
                .setStudentKey(KEY.studentKey("caliper:https://example.edu/users/112233"))
                .setCourseId(StatementNormalizer.UNKNOWN_COURSE)
                .setActivityId("https://example.edu")
                .setActivityType("http://purl.imsglobal.org/caliper/SoftwareApplication")
                .setVerb(ACTIONS + "TimedOut")
                .setEventTime(Instant.parse("2016-11-15T11:15:00Z"))
                .setDurationMs(3_600_000L)
                .setRegistration(registration(timedOutSession))
                .build());
    }

    // ---------------------------------------------------------------- the learner, pseudonymous

    @Test
    void anActorGivenAsAnIriIsTheSameStudentAsTheActorObject() throws Exception {
        ObjectNode byIri = fixture("caliperEventViewViewed");
        byIri.put("actor", LEARNER);

        assertThat(normalize(byIri).getStudentKey()).isEqualTo(normalize(fixture("caliperEventViewViewed")).getStudentKey())
                .isEqualTo(KEY.studentKey("caliper:" + LEARNER));
    }

    @Test
    void theRegistrationGroupsAnAttemptsEventsWithoutRevealingTheAttemptOrSessionIri() throws Exception {
        LearningEvent started = normalize(fixture("caliperEventAssessmentStarted"));
        LearningEvent submitted = normalize(fixture("caliperEventAssessmentSubmitted"));
        LearningEvent navigated = normalize(fixture("caliperEventNavigationNavigatedTo"));

        assertThat(started.getRegistration()).isEqualTo(submitted.getRegistration()).doesNotContain("554433");
        assertThat(navigated.getRegistration()).isNotEqualTo(started.getRegistration()).doesNotContain("1f6442a4");
    }

    @Test
    void anAnonymousActorIsDeadLetteredWithTheReason() {
        ObjectNode anonymous = fixture("caliperEventViewViewed");
        anonymous.set("actor", JSON.createObjectNode()
                .put("id", "http://purl.imsglobal.org/caliper/Person").put("type", "Person"));

        assertUnprocessable(anonymous, "actor: an anonymous entity (id http://purl.imsglobal.org/caliper/Person)");
    }

    @Test
    void aBlankNodeActorIsDeadLetteredWithTheReason() {
        ObjectNode blank = fixture("caliperEventViewViewed");
        blank.set("actor", JSON.createObjectNode().put("id", "_:learner").put("type", "Person"));

        assertUnprocessable(blank, "actor: the blank node identifier _:learner names the learner only inside one document");
    }

    @Test
    void aGradeOfAnAttemptGivenOnlyByIriHasNoLearnerAndIsDeadLettered() {
        ObjectNode graded = fixture("caliperEventGradeGraded");
        graded.put("object", ATTEMPT);

        assertUnprocessable(graded, "object.assignee: a GradeEvent's actor is the grader");
    }

    @Test
    void aTimeoutOfASessionGivenOnlyByIriHasNoLearnerAndIsDeadLettered() {
        ObjectNode timedOut = fixture("caliperEventSessionTimedOut");
        timedOut.put("object", "https://example.edu/sessions/7d6b88adf746f0692e2e873308b78c60fb13a864");

        assertUnprocessable(timedOut, "object.user: a TimedOut SessionEvent's actor is the application");
    }

    @Test
    void aStoredEventThatIsNotJsonIsDeadLettered() {
        CaliperEventRecord broken = CaliperEventRecord.newBuilder()
                .setTenantId(TENANT).setEventId("urn:uuid:27734504-068d-4596-861c-2315be33a2a2").setReceived(RECEIVED)
                .setSensor("https://example.edu/sensors/1").setDataVersion(CaliperFixtures.V1P2).setTool(null)
                .setEvent("{\"type\": \"ViewEvent\",")
                .build();

        Throwable thrown = catchThrowable(() -> normalizer.normalize(broken, KEY));

        assertThat(thrown).isInstanceOf(UnprocessableStatementException.class)
                .hasMessageStartingWith("event: the stored Caliper event is not JSON");
    }

    // ---------------------------------------------------------------- course, tool, version

    @Test
    void withoutAGroupTheCourseIsFoundUpTheObjectsIsPartOfChain() throws Exception {
        // given an item of an assessment of a course section, and no group on the event
        ObjectNode item = fixture("caliperEventAssessmentItemSkipped");
        item.remove("group");
        ((ObjectNode) item.get("object").get("isPartOf")).set("isPartOf",
                JSON.createObjectNode().put("id", SECTION).put("type", "CourseSection"));

        assertThat(normalize(item).getCourseId()).isEqualTo(SECTION);
    }

    @Test
    void withoutGroupOrCourseAboveTheObjectTheCourseIsUnknown() throws Exception {
        ObjectNode item = fixture("caliperEventAssessmentItemSkipped");
        item.remove("group");

        assertThat(normalize(item).getCourseId()).isEqualTo(StatementNormalizer.UNKNOWN_COURSE).isEqualTo("unknown");
    }

    @Test
    void theToolOfTheSendingCredentialComesBeforeTheEdApp() throws Exception {
        CaliperEventRecord record = intake.accept(envelope(fixture("caliperEventViewViewed")), TENANT, "reader-app", RECEIVED).get(0);

        assertThat(normalizer.normalize(record, KEY).getTool()).isEqualTo("reader-app");
    }

    @Test
    void withoutCredentialToolOrEdAppTheToolIsUnknown() throws Exception {
        ObjectNode viewed = fixture("caliperEventViewViewed");
        viewed.remove("edApp");

        assertThat(normalize(viewed).getTool()).isNull();
    }

    @Test
    void aCaliper11EventBecomesTheSameLearningEventAsIts12Twin() throws Exception {
        ObjectNode v1p1 = fixture("caliperEventViewViewed");
        v1p1.put("@context", V1P1);
        ObjectNode envelope = envelope(v1p1);
        envelope.put("dataVersion", V1P1);

        LearningEvent event = normalizer.normalize(intake.accept(envelope, TENANT, null, RECEIVED).get(0), KEY);

        assertThat(event).isEqualTo(normalize(fixture("caliperEventViewViewed")));
    }

    @Test
    void anAssessmentSubmissionWhoseObjectIsTheAttemptAsCanvasSendsIsAboutTheAssignedQuiz() throws Exception {
        // given a Canvas-shaped Caliper 1.1 submission: the object is the Attempt, its assignable the quiz
        ObjectNode submitted = (ObjectNode) JSON.readTree("""
                {"@context": "http://purl.imsglobal.org/ctx/caliper/v1p1",
                 "id": "urn:uuid:5f6a1c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                 "type": "AssessmentEvent",
                 "actor": {"id": "urn:instructure:canvas:user:21070000000000042", "type": "Person"},
                 "action": "Submitted",
                 "object": {"id": "urn:instructure:canvas:submission:21070000000000777", "type": "Attempt",
                            "assignee": {"id": "urn:instructure:canvas:user:21070000000000042", "type": "Person"},
                            "assignable": {"id": "urn:instructure:canvas:quiz:21070000000000123", "type": "Assessment"}},
                 "eventTime": "2019-11-01T19:11:33.388Z",
                 "edApp": {"id": "http://canvas.example.edu/", "type": "SoftwareApplication"},
                 "group": {"id": "urn:instructure:canvas:course:21070000000000009", "type": "CourseOffering"},
                 "extensions": {"com.instructure.canvas": {"hostname": "canvas.example.edu"}}}
                """);
        ObjectNode envelope = envelope(submitted);
        envelope.put("sensor", "http://canvas.example.edu/");
        envelope.put("dataVersion", V1P1);

        LearningEvent event = normalizer.normalize(intake.accept(envelope, TENANT, null, RECEIVED).get(0), KEY);

        assertThat(event).isEqualTo(LearningEvent.newBuilder()
                .setEventId("urn:uuid:5f6a1c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b")
                .setTenantId(TENANT)
                .setStudentKey(KEY.studentKey("caliper:urn:instructure:canvas:user:21070000000000042"))
                .setCourseId("urn:instructure:canvas:course:21070000000000009")
                .setActivityId("urn:instructure:canvas:quiz:21070000000000123")
                .setActivityType("http://purl.imsglobal.org/caliper/Assessment")
                .setVerb(ACTIONS + "Submitted")
                .setEventTime(Instant.parse("2019-11-01T19:11:33.388Z"))
                .setStoredTime(RECEIVED)
                .setSourceFormat("caliper")
                .setTool("http://canvas.example.edu/")
                .setCompletion(true)
                .setRegistration(registration("urn:instructure:canvas:submission:21070000000000777"))
                .build());
    }

    // ---------------------------------------------------------------- helpers

    /** The fields the IMS fixtures share: learner 554433 in section 1, received now, the edApp as tool. */
    private static LearningEvent.Builder expected() {
        return LearningEvent.newBuilder()
                .setTenantId(TENANT)
                .setStudentKey(KEY.studentKey("caliper:" + LEARNER))
                .setCourseId(SECTION)
                .setStoredTime(RECEIVED)
                .setSourceFormat("caliper")
                .setTool("https://example.edu")
                .setScoreScaled(null)
                .setSuccess(null)
                .setCompletion(null)
                .setDurationMs(null)
                .setRegistration(null);
    }

    private static String registration(String attemptOrSessionId) {
        return KEY.studentKey("caliper-registration:" + attemptOrSessionId);
    }

    /** The event accepted in an envelope by the intake (no credential tool), then normalized. */
    private LearningEvent normalize(ObjectNode event) throws UnprocessableStatementException {
        CaliperEventRecord record = intake.accept(envelope(event), TENANT, null, RECEIVED).get(0);
        return normalizer.normalize(record, KEY);
    }

    private void assertUnprocessable(ObjectNode event, String reasonStart) {
        CaliperEventRecord record = intake.accept(envelope(event), TENANT, null, RECEIVED).get(0);

        Throwable thrown = catchThrowable(() -> normalizer.normalize(record, KEY));

        assertThat(thrown).isInstanceOf(UnprocessableStatementException.class).hasMessageStartingWith(reasonStart);
    }
}
