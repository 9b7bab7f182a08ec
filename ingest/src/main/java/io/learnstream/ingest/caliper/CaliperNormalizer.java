package io.learnstream.ingest.caliper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.learnstream.ingest.identity.PseudonymKey;
import io.learnstream.ingest.identity.StudentKeys;
import io.learnstream.ingest.xapi.StatementNormalizer;
import io.learnstream.ingest.xapi.UnprocessableStatementException;
import io.learnstream.ingest.xapi.XapiDuration;
import io.learnstream.schemas.avro.CaliperEventRecord;
import io.learnstream.schemas.avro.LearningEvent;
import java.time.Instant;
import java.util.Set;

/**
 * Turns a Caliper event accepted by {@link CaliperIntake} into the pipeline's {@link LearningEvent}: pseudonymous,
 * flat, typed, comparable with what xAPI statements become. The record's event JSON is parsed once per call.
 *
 * <h2>Mapping</h2>
 * <table>
 *   <caption>LearningEvent fields from a Caliper event</caption>
 *   <tr><th>field</th><th>from</th></tr>
 *   <tr><td>eventId, tenantId</td><td>the record's (the event's {@code urn:uuid:} id as sent)</td></tr>
 *   <tr><td>studentKey</td><td>{@code key.studentKey("caliper:" + learner id)} (or what the given {@link StudentKeys}
 *       make of it: the intake's key of the roster user the id is linked to). The learner is the {@code actor}
 *       (an IRI string or an object's {@code id}), except where the specification makes the actor someone else:
 *       for a GradeEvent the actor is the grader, so the learner is the graded Attempt's {@code assignee}; for a
 *       SessionEvent {@code TimedOut} the actor is the application, so the learner is the Session's {@code user}
 *       (the {@code object}, else the event's {@code session}). No usable learner id (absent, an anonymous entity
 *       whose id is a Caliper type IRI such as {@code http://purl.imsglobal.org/caliper/Person}, or a blank node
 *       {@code _:…}) throws {@link UnprocessableStatementException}: the event is dead-lettered.</td></tr>
 *   <tr><td>courseId</td><td>the event's {@code group} when it is a CourseSection, CourseOffering or Group (or
 *       given only as an IRI, whose type the event does not say), else the first such entity up the
 *       {@code isPartOf} chain of the activity or the object, else
 *       {@value io.learnstream.ingest.xapi.StatementNormalizer#UNKNOWN_COURSE}
 *       ({@link StatementNormalizer#UNKNOWN_COURSE}, shared with xAPI)</td></tr>
 *   <tr><td>activityId</td><td>the activity's id. The activity is the {@code object}; when the object is an
 *       Attempt (GradeEvent; Canvas's AssessmentEvent {@code Submitted}) it is the Attempt's {@code assignable},
 *       falling back to the Attempt when it names none; for a SessionEvent {@code TimedOut} (whose object is the
 *       Session) it is the application: the actor when it is a SoftwareApplication, else {@code edApp}, else the
 *       actor. For an AssessmentItemEvent the object is the item, so the item id.</td></tr>
 *   <tr><td>activityType</td><td>the activity's {@code type} term expanded as the Caliper JSON-LD context does,
 *       e.g. {@code http://purl.imsglobal.org/caliper/Assessment}; a term the context does not define is kept
 *       as sent; {@code null} when the activity is given only as an IRI</td></tr>
 *   <tr><td>verb</td><td>the {@code action} as the context expands it:
 *       {@code http://purl.imsglobal.org/caliper/actions/<Action>} (e.g. {@code …/actions/Started}); the
 *       captioning actions spelled without "d" count as the specification's {@code …ClosedCaptioning}</td></tr>
 *   <tr><td>eventTime</td><td>{@code eventTime}, to the millisecond</td></tr>
 *   <tr><td>storedTime</td><td>the record's {@code received}</td></tr>
 *   <tr><td>sourceFormat</td><td>{@value #SOURCE_FORMAT}</td></tr>
 *   <tr><td>tool</td><td>the record's tool (of the sending credential), else the {@code edApp} id, else null</td></tr>
 *   <tr><td>scoreScaled</td><td>when the event generated a Score (GradeEvent {@code Graded}):
 *       {@code scoreGiven / maxScore}, held to [-1, 1] (extra credit counts as 1); null without both numbers or
 *       when {@code maxScore} is not above 0</td></tr>
 *   <tr><td>success</td><td>always null: Caliper 1.1 and 1.2 define no pass or fail (a Score has no passing
 *       mark), and none is guessed</td></tr>
 *   <tr><td>completion</td><td>true for the actions {@code Completed} and {@code Submitted} (AssessmentItemEvent
 *       Completed, AssessmentEvent Submitted, and the same actions of Assignable and Questionnaire events), else
 *       null</td></tr>
 *   <tr><td>durationMs</td><td>the ISO 8601 {@code duration} of the Attempt the event is about (the generated
 *       Attempt, an Attempt object, or the {@code attempt} of a generated Response or Score), or, for a SessionEvent
 *       {@code LoggedOut} or {@code TimedOut}, of the Session that ended; never a media object's running time.
 *       Null when absent or not ISO 8601.</td></tr>
 *   <tr><td>registration</td><td>groups the events of one attempt, else of one session:
 *       {@code key.studentKey("caliper-registration:" + id)} of that Attempt, else of the Session (the event's
 *       {@code session}, or a Session object). Pseudonymised like the student, because Caliper attempt and
 *       session IRIs routinely embed the LMS user id or a session token; null when the event has neither.</td></tr>
 * </table>
 */
public final class CaliperNormalizer {
    public static final String SOURCE_FORMAT = "caliper";
    /** Prefix of the identifier pseudonymised into the student key, keeping Caliper ids apart from xAPI IFIs. */
    public static final String STUDENT_PREFIX = "caliper:";
    /** Prefix of the attempt or session id pseudonymised into the registration. */
    public static final String REGISTRATION_PREFIX = "caliper-registration:";

    private static final String GRADE_EVENT = "GradeEvent";
    private static final String SESSION_EVENT = "SessionEvent";
    private static final String TIMED_OUT = "TimedOut";
    private static final String LOGGED_OUT = "LoggedOut";
    private static final Set<String> COMPLETING_ACTIONS = Set.of("Completed", "Submitted");
    private static final Set<String> COURSE_TYPES = Set.of("CourseSection", "CourseOffering", "Group");
    /** How far up an isPartOf chain to look for the course; real chains are a handful deep. */
    private static final int MAX_IS_PART_OF_DEPTH = 16;
    private static final ObjectReader JSON = new ObjectMapper().reader();

    /**
     * The learning event of an accepted Caliper event, by the mapping above.
     *
     * @param record an event as {@link CaliperIntake} stored it
     * @param key the district's pseudonymisation secret
     * @throws UnprocessableStatementException when analytics cannot use the event (no usable learner id, or a
     *     stored event that is not a Caliper event); the reason names the property, for the dead-letter topic
     */
    public LearningEvent normalize(CaliperEventRecord record, PseudonymKey key) throws UnprocessableStatementException {
        return normalize(record, key, key);
    }

    /**
     * The learning event of an accepted Caliper event, the student key made by {@code students} of
     * {@value #STUDENT_PREFIX}{@code <learner id>} (the intake links learners its district's roster knows).
     *
     * @param key the district's pseudonymisation secret, for the registration
     * @throws UnprocessableStatementException as {@link #normalize(CaliperEventRecord, PseudonymKey)}
     */
    public LearningEvent normalize(CaliperEventRecord record, PseudonymKey key, StudentKeys students)
            throws UnprocessableStatementException {
        JsonNode event = parse(record.getEvent());
        String type = requiredText(event, "type");
        String action = CaliperVocabulary.canonicalAction(requiredText(event, "action"));
        JsonNode object = present(event, "object");
        if (CaliperEntities.id(object) == null) {
            throw new UnprocessableStatementException("object: the event names no entity that was acted on");
        }
        Instant eventTime = CaliperTimestamps.parseOrNull(requiredText(event, "eventTime"));
        if (eventTime == null) throw new UnprocessableStatementException("eventTime: " + CaliperTimestamps.RULE);

        String learner = learnerOf(event, type, action, object);
        JsonNode activity = activityOf(event, type, action, object);
        JsonNode attempt = attemptOf(event, object);
        JsonNode session = sessionOf(event, object);
        JsonNode edApp = present(event, "edApp");
        String registrationBasis = attempt != null ? CaliperEntities.id(attempt) : CaliperEntities.id(session);

        return LearningEvent.newBuilder()
                .setEventId(record.getEventId())
                .setTenantId(record.getTenantId())
                .setStudentKey(students.studentKey(STUDENT_PREFIX + learner))
                .setCourseId(courseOf(event, activity, object))
                .setActivityId(CaliperEntities.id(activity))
                .setActivityType(typeIriOf(activity))
                .setVerb(CaliperVocabulary.actionIri(action))
                .setEventTime(eventTime)
                .setStoredTime(record.getReceived())
                .setSourceFormat(SOURCE_FORMAT)
                .setTool(record.getTool() != null ? record.getTool() : CaliperEntities.id(edApp))
                .setScoreScaled(scoreScaledOf(present(event, "generated")))
                .setSuccess(null)
                .setCompletion(COMPLETING_ACTIONS.contains(action) ? Boolean.TRUE : null)
                .setDurationMs(durationOf(timedEntity(type, action, attempt, session)))
                .setRegistration(registrationBasis == null ? null : key.studentKey(REGISTRATION_PREFIX + registrationBasis))
                .build();
    }

    private static String learnerOf(JsonNode event, String type, String action, JsonNode object)
            throws UnprocessableStatementException {
        if (GRADE_EVENT.equals(type)) {
            return usableLearner(CaliperEntities.property(object, "assignee"), "object.assignee",
                    "a GradeEvent's actor is the grader; the graded Attempt must name its assignee, the learner");
        }
        if (SESSION_EVENT.equals(type) && TIMED_OUT.equals(action)) {
            JsonNode user = CaliperEntities.property(object, "user");
            String path = "object.user";
            JsonNode sessionUser = CaliperEntities.property(present(event, "session"), "user");
            if (user == null && sessionUser != null) {
                user = sessionUser;
                path = "session.user";
            }
            return usableLearner(user, path,
                    "a TimedOut SessionEvent's actor is the application; the timed-out Session must name its user");
        }
        return usableLearner(present(event, "actor"), "actor", "the event names no actor id to attribute learning to");
    }

    private static String usableLearner(JsonNode reference, String path, String whenMissing)
            throws UnprocessableStatementException {
        String id = CaliperEntities.id(reference);
        if (id == null) throw new UnprocessableStatementException(path + ": " + whenMissing);
        if (CaliperIdentifiers.isAnonymous(id)) {
            throw new UnprocessableStatementException(path + ": an anonymous entity (id " + id
                    + ") has no stable identity to attribute learning to");
        }
        if (CaliperIdentifiers.isBlankNode(id)) {
            throw new UnprocessableStatementException(path + ": the blank node identifier " + id
                    + " names the learner only inside one document, not across events");
        }
        return id;
    }

    private static JsonNode activityOf(JsonNode event, String type, String action, JsonNode object) {
        if (CaliperEntities.isA(object, "Attempt")) {
            JsonNode assignable = CaliperEntities.property(object, "assignable");
            return CaliperEntities.id(assignable) != null ? assignable : object;
        }
        if (SESSION_EVENT.equals(type) && TIMED_OUT.equals(action)) {
            JsonNode actor = present(event, "actor");
            if (CaliperEntities.isA(actor, "SoftwareApplication")) return actor;
            JsonNode edApp = present(event, "edApp");
            return CaliperEntities.id(edApp) != null ? edApp : actor;
        }
        return object;
    }

    /**
     * The Attempt the event is about: the generated Attempt, an Attempt object, or the {@code attempt} of what the
     * event generated (a Response or a Score).
     */
    private static JsonNode attemptOf(JsonNode event, JsonNode object) {
        JsonNode generated = present(event, "generated");
        if (CaliperEntities.isA(generated, "Attempt")) return generated;
        if (CaliperEntities.isA(object, "Attempt")) return object;
        JsonNode generatedFor = CaliperEntities.property(generated, "attempt");
        return CaliperEntities.id(generatedFor) != null ? generatedFor : null;
    }

    /** The user session: the event's {@code session}, else the object when it is a Session (SessionEvent TimedOut). */
    private static JsonNode sessionOf(JsonNode event, JsonNode object) {
        JsonNode session = present(event, "session");
        if (CaliperEntities.id(session) != null) return session;
        return CaliperEntities.isA(object, "Session") ? object : null;
    }

    private static String courseOf(JsonNode event, JsonNode activity, JsonNode object) {
        JsonNode group = present(event, "group");
        if (group != null && group.isTextual() && !group.textValue().isEmpty()) return group.textValue();
        if (isCourse(group)) return CaliperEntities.id(group);
        String course = courseUp(activity);
        if (course == null && object != activity) course = courseUp(object);
        return course != null ? course : StatementNormalizer.UNKNOWN_COURSE;
    }

    private static String courseUp(JsonNode entity) {
        JsonNode parent = CaliperEntities.property(entity, "isPartOf");
        for (int depth = 0; parent != null && depth < MAX_IS_PART_OF_DEPTH; depth++) {
            if (isCourse(parent)) return CaliperEntities.id(parent);
            parent = CaliperEntities.property(parent, "isPartOf");
        }
        return null;
    }

    /** Whether an entity is a course: a CourseSection, CourseOffering or Group object with an id. */
    private static boolean isCourse(JsonNode entity) {
        String type = CaliperEntities.type(entity);
        return type != null && COURSE_TYPES.contains(type) && CaliperEntities.id(entity) != null;
    }

    private static String typeIriOf(JsonNode activity) {
        String term = CaliperEntities.type(activity);
        if (term == null) return null;
        String iri = CaliperVocabulary.typeIri(term);
        return iri != null ? iri : term;
    }

    private static Double scoreScaledOf(JsonNode generated) {
        if (!CaliperEntities.isA(generated, "Score")) return null;
        JsonNode given = generated.get("scoreGiven");
        JsonNode max = generated.get("maxScore");
        if (given == null || max == null || !given.isNumber() || !max.isNumber() || !(max.doubleValue() > 0)) {
            return null;
        }
        double scaled = given.doubleValue() / max.doubleValue();
        return Math.max(-1.0, Math.min(1.0, scaled));
    }

    /** Whose duration the event's is: the Session a SessionEvent ends, else the Attempt; never the object's own. */
    private static JsonNode timedEntity(String type, String action, JsonNode attempt, JsonNode session) {
        if (!SESSION_EVENT.equals(type)) return attempt;
        return LOGGED_OUT.equals(action) || TIMED_OUT.equals(action) ? session : null;
    }

    private static Long durationOf(JsonNode entity) {
        JsonNode duration = CaliperEntities.property(entity, "duration");
        if (duration == null || !duration.isTextual()) return null;
        long millis = XapiDuration.parseMillis(duration.textValue());
        return millis < 0 ? null : millis;
    }

    private static JsonNode parse(String json) throws UnprocessableStatementException {
        JsonNode event;
        try {
            event = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UnprocessableStatementException("event: the stored Caliper event is not JSON: " + e.getOriginalMessage());
        }
        if (event == null || !event.isObject()) {
            throw new UnprocessableStatementException("event: the stored Caliper event is not a JSON object");
        }
        return event;
    }

    private static String requiredText(JsonNode event, String property) throws UnprocessableStatementException {
        JsonNode value = present(event, property);
        if (value == null || !value.isTextual() || value.textValue().isEmpty()) {
            throw new UnprocessableStatementException(property + ": the stored Caliper event has no " + property);
        }
        return value.textValue();
    }

    private static JsonNode present(JsonNode parent, String property) {
        JsonNode value = parent.get(property);
        return value == null || value.isNull() ? null : value;
    }
}
