package io.learnstream.ingest.caliper;

import static io.learnstream.ingest.caliper.CaliperFixtures.JSON;
import static io.learnstream.ingest.caliper.CaliperFixtures.V1P1;
import static io.learnstream.ingest.caliper.CaliperFixtures.V1P2;
import static io.learnstream.ingest.caliper.CaliperFixtures.envelope;
import static io.learnstream.ingest.caliper.CaliperFixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.ingest.xapi.StatementRejectedException;
import io.learnstream.schemas.avro.CaliperEventRecord;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the Caliper endpoint accepts a sensor's envelope, and how it names what is wrong with one. */
class CaliperIntakeTest {
    private static final Instant RECEIVED = Instant.parse("2026-09-07T10:00:00.123Z");
    private static final String TENANT = "district-7";
    private static final String TOOL = "quiz-app";

    private final CaliperIntake intake = new CaliperIntake();

    // ---------------------------------------------------------------- accepted envelopes

    @ParameterizedTest
    @ValueSource(strings = {
        "caliperEventAssessmentStarted", "caliperEventAssessmentSubmitted", "caliperEventAssessmentItemStarted",
        "caliperEventAssessmentItemSkipped", "caliperEventAssessmentItemCompleted", "caliperEventGradeGraded",
        "caliperEventMediaPausedVideo", "caliperEventNavigationNavigatedTo", "caliperEventViewViewed",
        "caliperEventSessionLoggedIn", "caliperEventSessionLoggedOut", "caliperEventSessionTimedOut"
    })
    void acceptsEachImsFixtureEventAsOneRecordHoldingTheEvent(String name) {
        // given an IMS fixture event in an envelope
        ObjectNode event = fixture(name);

        // when the envelope is accepted
        List<CaliperEventRecord> records = intake.accept(envelope(event), TENANT, TOOL, RECEIVED);

        // then there is one record carrying the event and what the endpoint knows about it
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.getTenantId()).isEqualTo(TENANT);
            assertThat(record.getEventId()).isEqualTo(event.get("id").asText());
            assertThat(record.getReceived()).isEqualTo(RECEIVED);
            assertThat(record.getSensor()).isEqualTo("https://example.edu/sensors/1");
            assertThat(record.getDataVersion()).isEqualTo(V1P2);
            assertThat(record.getTool()).isEqualTo(TOOL);
            assertThat(parse(record.getEvent())).isEqualTo(event);
        });
    }

    @Test
    void acceptsTheImsMixedBatchEnvelopeWithARecordPerEventAndNoneForTheEntityDescribes() {
        // given the IMS mixed batch: four entity describes (Person, Assessment, SoftwareApplication, CourseSection)
        // followed by three events given partly by IRI
        ObjectNode envelope = fixture("caliperEnvelopeMixedBatch");

        // when it is accepted
        List<CaliperEventRecord> records = intake.accept(envelope, TENANT, null, RECEIVED);

        // then the events are the records, in the envelope's order, and the describes produced none
        assertThat(records).extracting(CaliperEventRecord::getEventId).containsExactly(
                "urn:uuid:c51570e4-f8ed-4c18-bb3a-dfe51b2cc594",
                "urn:uuid:dad88464-0c20-4a19-a1ba-ddf2f9c3ff33",
                "urn:uuid:a50ca17f-5971-47bb-8fca-4e6e6879001d");
        assertThat(records).extracting(record -> parse(record.getEvent()))
                .containsExactly(envelope.get("data").get(4), envelope.get("data").get(5), envelope.get("data").get(6));
        assertThat(records).allSatisfy(record -> assertThat(record.getTool()).isNull());
    }

    @Test
    void acceptsAnEnvelopeThatOnlyDescribesEntitiesWithoutRecords() {
        // given an envelope with entity describes only
        ObjectNode envelope = fixture("caliperEnvelopeMixedBatch");
        ObjectNode describes = envelope(
                (ObjectNode) envelope.get("data").get(0), (ObjectNode) envelope.get("data").get(3));

        // when it is accepted, then it yields no event
        assertThat(intake.accept(describes, TENANT, TOOL, RECEIVED)).isEmpty();
    }

    @Test
    void acceptsACaliper11EnvelopeWhoseEventsUseThe11Context() {
        // given a Caliper 1.1 envelope, as Canvas live events send
        ObjectNode event = fixture("caliperEventViewViewed");
        event.put("@context", V1P1);
        ObjectNode envelope = envelope(event);
        envelope.put("dataVersion", V1P1);

        // when it is accepted, then the record says which version it is
        assertThat(intake.accept(envelope, TENANT, TOOL, RECEIVED))
                .singleElement()
                .satisfies(record -> assertThat(record.getDataVersion()).isEqualTo(V1P1));
    }

    @Test
    void acceptsAnArrayOfContextsThatListsTheCaliperContextLast() {
        // given an event with a vendor context before the Caliper one, as the specification allows
        ObjectNode event = fixture("caliperEventViewViewed");
        event.putArray("@context").add("https://schema.org/docs/jsonldcontext.json").add(V1P2);

        // when it is accepted, then it is one record
        assertThat(intake.accept(envelope(event), TENANT, TOOL, RECEIVED)).hasSize(1);
    }

    @Test
    void acceptsTheCaptioningActionsAlsoInTheSpellingOfTheJsonLdContext() {
        // given MediaEvents with both spellings the Caliper documents use
        ObjectNode closed = withAction(fixture("caliperEventMediaPausedVideo"), "EnabledClosedCaptioning");
        ObjectNode close = withAction(fixture("caliperEventMediaPausedVideo"), "DisabledCloseCaptioning");
        close.put("id", "urn:uuid:956b4a02-8de0-4991-b8c5-b6eebb6b4caa");

        // when they are accepted, then both are events
        assertThat(intake.accept(envelope(closed, close), TENANT, TOOL, RECEIVED)).hasSize(2);
    }

    @Test
    void keepsTheReceivedTimeToTheMillisecondAsTheRecordStoresIt() {
        // given a receive time with nanoseconds
        Instant received = Instant.parse("2026-09-07T10:00:00.123456789Z");

        // when an envelope is accepted, then the record holds the millisecond
        assertThat(intake.accept(envelope(fixture("caliperEventViewViewed")), TENANT, TOOL, received))
                .singleElement()
                .satisfies(record -> assertThat(record.getReceived()).isEqualTo(Instant.parse("2026-09-07T10:00:00.123Z")));
    }

    // ---------------------------------------------------------------- rejected envelopes

    @Test
    void rejectsABodyThatIsNotAnObject() {
        assertRejected(JSON.createArrayNode(), "", "must be a Caliper envelope");
    }

    @Test
    void rejectsAnEnvelopeWithoutSensor() {
        assertRejected(envelopeWith(e -> e.remove("sensor")), "sensor", "is required");
    }

    @Test
    void rejectsASensorThatIsNotAString() {
        assertRejected(envelopeWith(e -> e.put("sensor", 1)), "sensor", "must be a string identifying the sensor");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2016-11-15", "2016-11-15T11:05:01.000", "2016-11-15T11:05:01.000+01:00",
        "2016-13-15T11:05:01.000Z"})
    void rejectsASendTimeThatIsNotAnIsoDateTimeInUtc(String sendTime) {
        assertRejected(envelopeWith(e -> e.put("sendTime", sendTime)), "sendTime",
                "must be an ISO 8601 date-time in UTC with a 'Z'");
    }

    @Test
    void rejectsAnEnvelopeWithoutSendTime() {
        assertRejected(envelopeWith(e -> e.remove("sendTime")), "sendTime", "is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://purl.imsglobal.org/ctx/caliper/v1p0", "http://purl.imsglobal.org/ctx/caliper/v2",
        "1.2"})
    void rejectsADataVersionThisEndpointDoesNotSupportNamingTheSupportedOnes(String dataVersion) {
        StatementRejectedException e = assertRejected(envelopeWith(env -> env.put("dataVersion", dataVersion)),
                "dataVersion", "is not a Caliper version this endpoint supports");
        assertThat(e.rule()).contains(V1P2, V1P1);
        assertThat(CaliperDataVersion.of(dataVersion)).as("the HTTP layer answers 422 for this one").isEmpty();
    }

    @Test
    void rejectsAnEnvelopeWithoutDataVersion() {
        assertRejected(envelopeWith(e -> e.remove("dataVersion")), "dataVersion", "is required");
    }

    @Test
    void rejectsDataThatIsNotAnArray() {
        assertRejected(envelopeWith(e -> e.set("data", fixture("caliperEventViewViewed"))), "data", "must be an array");
    }

    @Test
    void rejectsEmptyData() {
        assertRejected(envelopeWith(e -> e.putArray("data")), "data", "must hold at least one event or entity describe");
    }

    @Test
    void rejectsAnEnvelopeWithoutData() {
        assertRejected(envelopeWith(e -> e.remove("data")), "data", "is required");
    }

    @Test
    void rejectsCustomEnvelopePropertiesAsTheSpecificationPermitsNone() {
        assertRejected(envelopeWith(e -> e.put("vendor", "x")), "vendor", "is not an envelope property");
    }

    @Test
    void rejectsADataItemThatIsNotAnObject() {
        assertRejected(envelopeWith(e -> ((ArrayNode) e.get("data")).add("event")),
                "data[2]", "must be a JSON object");
    }

    // ---------------------------------------------------------------- rejected events, named by their path

    @Test
    void rejectsAnEventWithoutId() {
        assertRejected(secondEventWith(e -> e.remove("id")), "data[1].id", "is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"27734504-068d-4596-861c-2315be33a2a2", "urn:uuid:27734504068d4596861c2315be33a2a2",
        "https://example.edu/events/1", "urn:uuid:27734504-068d-4596-861c-2315be33a2ag"})
    void rejectsAnEventIdThatIsNotAUuidUrn(String id) {
        assertRejected(secondEventWith(e -> e.put("id", id)), "data[1].id", "must be a UUID URN");
    }

    @Test
    void rejectsAnEventWithoutType() {
        assertRejected(secondEventWith(e -> e.remove("type")), "data[1].type", "is required");
    }

    @Test
    void rejectsAnUnknownEventTypeListingTheKnownOnes() {
        StatementRejectedException e = assertRejected(secondEventWith(event -> event.put("type", "AssesmentEvent")),
                "data[1].type", "'AssesmentEvent' is not a Caliper 1.2 Event type");
        assertThat(e.rule()).contains("AssessmentEvent", "MediaEvent", "SessionEvent");
    }

    @Test
    void rejectsACaliper12EventTypeInACaliper11Envelope() {
        // given a 1.1 envelope carrying a ToolLaunchEvent, which only 1.2 defines
        ObjectNode event = fixture("caliperEventViewViewed");
        event.put("@context", V1P1);
        event.put("type", "ToolLaunchEvent");
        event.put("action", "Launched");
        ObjectNode envelope = envelope(event);
        envelope.put("dataVersion", V1P1);

        assertRejected(envelope, "data[0].type", "'ToolLaunchEvent' is not a Caliper 1.1 Event type");
    }

    @Test
    void rejectsAnEventWithoutAction() {
        assertRejected(secondEventWith(e -> e.remove("action")), "data[1].action", "is required");
    }

    @Test
    void rejectsAnActionTheEventTypeDoesNotAllowNamingTheAllowedOnes() {
        assertRejected(secondEventWith(e -> e.put("action", "Viewed")), "data[1].action",
                "'Viewed' is not an action of AssessmentEvent in Caliper 1.2; it allows Started, Paused, Resumed,"
                        + " Restarted, Reset, Submitted");
    }

    @Test
    void rejectsAGenericEventWithAnActionOutsideTheVocabulary() {
        assertRejected(secondEventWith(e -> e.put("type", "Event").put("action", "Teleported")), "data[1].action",
                "'Teleported' is not a Caliper 1.2 action");
    }

    @Test
    void rejectsAnEventWithoutEventTime() {
        assertRejected(secondEventWith(e -> e.remove("eventTime")), "data[1].eventTime", "is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2016-11-15T10:15:00.000+00:00", "2016-11-15 10:15:00", "15/11/2016"})
    void rejectsAnEventTimeThatIsNotAnIsoDateTimeInUtc(String eventTime) {
        assertRejected(secondEventWith(e -> e.put("eventTime", eventTime)), "data[1].eventTime",
                "must be an ISO 8601 date-time in UTC");
    }

    @Test
    void rejectsAnEventWithoutActor() {
        assertRejected(secondEventWith(e -> e.remove("actor")), "data[1].actor", "is required");
    }

    @Test
    void rejectsAnActorObjectWithoutId() {
        assertRejected(secondEventWith(e -> ((ObjectNode) e.get("actor")).remove("id")), "data[1].actor.id", "is required");
    }

    @Test
    void rejectsAnActorIriThatIsNotAbsolute() {
        assertRejected(secondEventWith(e -> e.put("actor", "users/554433")), "data[1].actor", "must be an entity object or its IRI");
    }

    @Test
    void rejectsAnEventWithoutObject() {
        assertRejected(secondEventWith(e -> e.remove("object")), "data[1].object", "is required");
    }

    @Test
    void rejectsAnObjectWithoutType() {
        assertRejected(secondEventWith(e -> ((ObjectNode) e.get("object")).remove("type")), "data[1].object.type", "is required");
    }

    @Test
    void rejectsAnOptionalEntityThatIsNeitherObjectNorIri() {
        assertRejected(secondEventWith(e -> e.put("group", 7)), "data[1].group", "must be an entity object or its IRI");
    }

    @Test
    void rejectsAnEventWithoutContext() {
        assertRejected(secondEventWith(e -> e.remove("@context")), "data[1].@context", "is required");
    }

    @Test
    void rejectsAnEventWhoseContextIsNotTheEnvelopesVersion() {
        assertRejected(secondEventWith(e -> e.put("@context", V1P1)), "data[1].@context",
                "must be " + V1P2 + ", the context of the envelope's dataVersion");
    }

    @Test
    void rejectsAnArrayOfContextsThatDoesNotEndWithTheCaliperContext() {
        assertRejected(secondEventWith(e -> e.putArray("@context").add(V1P2).add("https://schema.org/")),
                "data[1].@context", "must list " + V1P2 + ", the context of the envelope's dataVersion, last");
    }

    @Test
    void rejectsTwoEventsWithTheSameId() {
        // given two different events that carry the same id
        ObjectNode started = fixture("caliperEventAssessmentStarted");
        ObjectNode submitted = fixture("caliperEventAssessmentSubmitted");
        submitted.put("id", started.get("id").asText());

        assertRejected(envelope(started, submitted), "data[1].id", "repeats the id of data[0]");
    }

    @Test
    void rejectsAnEntityDescribeWithoutId() {
        ObjectNode envelope = fixture("caliperEnvelopeMixedBatch");
        ((ObjectNode) envelope.get("data").get(2)).remove("id");

        assertRejected(envelope, "data[2].id", "is required");
    }

    @Test
    void rejectsAnEntityDescribeWithoutType() {
        ObjectNode envelope = fixture("caliperEnvelopeMixedBatch");
        ((ObjectNode) envelope.get("data").get(3)).remove("type");

        assertRejected(envelope, "data[3].type", "is required");
    }

    @Test
    void keepsNothingOfAnEnvelopeWithOneBadEvent() {
        // given the mixed batch whose last event is broken
        ObjectNode envelope = fixture("caliperEnvelopeMixedBatch");
        ((ObjectNode) envelope.get("data").get(6)).put("action", "Viewed");

        // when it is accepted, then the whole envelope is rejected at the bad event
        assertRejected(envelope, "data[6].action", "is not an action of GradeEvent");
    }

    // ---------------------------------------------------------------- helpers

    private StatementRejectedException assertRejected(JsonNode envelope, String path, String ruleFragment) {
        Throwable thrown = catchThrowable(() -> intake.accept(envelope, TENANT, TOOL, RECEIVED));
        assertThat(thrown).isInstanceOf(StatementRejectedException.class);
        StatementRejectedException rejected = (StatementRejectedException) thrown;
        assertThat(rejected.path()).isEqualTo(path);
        assertThat(rejected.rule()).contains(ruleFragment);
        assertThat(rejected.getMessage()).startsWith(path + ": ");
        return rejected;
    }

    /** A valid two-event envelope (Navigation, then AssessmentStarted) changed by {@code change}. */
    private static ObjectNode envelopeWith(Consumer<ObjectNode> change) {
        ObjectNode envelope = envelope(fixture("caliperEventNavigationNavigatedTo"), fixture("caliperEventAssessmentStarted"));
        change.accept(envelope);
        return envelope;
    }

    /** A valid two-event envelope whose second event, an AssessmentEvent Started, is changed by {@code change}. */
    private static ObjectNode secondEventWith(Consumer<ObjectNode> change) {
        ObjectNode second = fixture("caliperEventAssessmentStarted");
        change.accept(second);
        return envelope(fixture("caliperEventNavigationNavigatedTo"), second);
    }

    private static ObjectNode withAction(ObjectNode event, String action) {
        event.put("action", action);
        return event;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError("record event is not JSON: " + json, e);
        }
    }
}
