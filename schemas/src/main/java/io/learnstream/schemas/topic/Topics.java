package io.learnstream.schemas.topic;

import io.learnstream.schemas.avro.Alert;
import io.learnstream.schemas.avro.AlertDelivery;
import io.learnstream.schemas.avro.AlertFeedback;
import io.learnstream.schemas.avro.CaliperEventRecord;
import io.learnstream.schemas.avro.ClassLineItems;
import io.learnstream.schemas.avro.ClassTeachers;
import io.learnstream.schemas.avro.Credential;
import io.learnstream.schemas.avro.DashboardAccount;
import io.learnstream.schemas.avro.DeadLetter;
import io.learnstream.schemas.avro.DeliveryZone;
import io.learnstream.schemas.avro.District;
import io.learnstream.schemas.avro.EngagementDaily;
import io.learnstream.schemas.avro.ItemSkills;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.avro.MasteryParameter;
import io.learnstream.schemas.avro.MasteryPrediction;
import io.learnstream.schemas.avro.RiskParameter;
import io.learnstream.schemas.avro.RiskScore;
import io.learnstream.schemas.avro.RosterAcademicSession;
import io.learnstream.schemas.avro.RosterClass;
import io.learnstream.schemas.avro.RosterCourse;
import io.learnstream.schemas.avro.RosterEnrollment;
import io.learnstream.schemas.avro.RosterIdentity;
import io.learnstream.schemas.avro.RosterImport;
import io.learnstream.schemas.avro.RosterLineItem;
import io.learnstream.schemas.avro.RosterOrg;
import io.learnstream.schemas.avro.RosterUser;
import io.learnstream.schemas.avro.SkillMastery;
import io.learnstream.schemas.avro.StudentCourseDay;
import io.learnstream.schemas.avro.StudentMastery;
import io.learnstream.schemas.avro.StudentSkill;
import io.learnstream.schemas.avro.TeacherDeliveryPreference;
import io.learnstream.schemas.avro.XapiAttachmentRecord;
import io.learnstream.schemas.avro.XapiDocumentRecord;
import io.learnstream.schemas.avro.XapiStatementRecord;
import io.learnstream.schemas.serde.AvroSerdes;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The catalogue of learnstream's topics. The one place where topic names are written down.
 *
 * @param xapiStatements every xAPI statement the LRS accepted (the system of record, personal data), keyed by
 *     {@code <tenant>/actor-<hash of the actor's identifier>} so one learner's statements stay in order on one
 *     partition and all writes of one statement (same content, same actor) share it ({@code <tenant>/<statementId>}
 *     for an anonymous Group)
 * @param caliperEvents every Caliper event accepted (personal data), keyed by {@code <tenant>/<eventId>}
 * @param learningEvents every accepted learning event, pseudonymous, keyed by the student key
 * @param engagementDaily per student, course and day engagement, an update stream (latest value per key wins)
 * @param deadLetters input that could not be processed, with the reason
 * @param districts the districts (tenants), compacted, keyed by tenant id
 * @param credentials the LRS credentials, compacted, keyed by credential key
 * @param xapiAttachments the raw data of xAPI attachments sent with statements (personal data), compacted, keyed by
 *     {@code <tenant>/<sha2>} so the same content of one district is one record; a record is at most
 *     {@link #MAX_ATTACHMENT_BYTES} of content so it fits Kafka's default 1 MB message size
 * @param itemSkills imported item-to-skill mappings, compacted, keyed {@code <tenant>/<itemId>}
 * @param masteryParameters the fitted mastery models' parameters, compacted, keyed by entry key
 * @param masteryPredictions for every scored answer, each model's prediction made before it, keyed by student
 * @param skillMastery per student and skill mastery, an update stream (latest value per key wins)
 * @param studentMastery per student strengths, weaknesses and practice items, compacted, keyed {@code <tenant>/<studentKey>}
 * @param rosterOrgs the orgs (district, schools) of imported OneRoster exports, compacted, keyed {@code <tenant>/<sourcedId>}
 * @param rosterAcademicSessions the academic sessions (terms, school years) of imported rosters, compacted, keyed
 *     {@code <tenant>/<sourcedId>}
 * @param rosterCourses the courses of imported rosters, compacted, keyed {@code <tenant>/<sourcedId>}
 * @param rosterClasses the classes of imported rosters, compacted, keyed {@code <tenant>/<sourcedId>}
 * @param rosterUsers the users of imported rosters (personal data), compacted, keyed {@code <tenant>/<sourcedId>}
 * @param rosterEnrollments the enrollments of imported rosters, compacted, keyed {@code <tenant>/<sourcedId>}
 * @param rosterLineItems the line items (assignments, due dates) of imported rosters, compacted, keyed
 *     {@code <tenant>/<sourcedId>}
 * @param rosterImports per district, the marker of its last completed roster import (written after all its records),
 *     compacted, keyed by tenant id
 * @param classTeachers per roster class, its teachers (primary and co-teachers), derived from roster-enrollments, compacted, keyed {@code <tenant>/<classSourcedId>}
 * @param classLineItems per roster class, its start and its line items with due dates, derived from the roster, compacted, keyed {@code <tenant>/<classSourcedId>}
 * @param rosterIdentities the identifiers tools may name a roster user by (personal data), derived from roster-users, compacted, keyed {@code <tenant>/<token>}
 * @param riskParameters the fitted risk model, compacted, single partition, keyed by entry key
 * @param riskScores the risk history: each student's risk per class with its reasons, keyed {@code <tenant>/<classId>}
 * @param alerts intervention alerts addressed to a class's teachers, compacted, keyed by alert id (latest status wins)
 * @param alertFeedback teachers' acknowledgements and dismissals of alerts (labels for the model), keyed {@code <tenant>/<classId>}
 * @param teacherDeliveryPreferences how each teacher wants alerts delivered (channel, digest, quiet hours; a webhook's
 *     secret), compacted, keyed {@code <tenant>/<teacherSourcedId>}
 * @param deliveryZones the time zone of a district ({@code <tenant>}) or a school's override ({@code <tenant>/<school>}), compacted
 * @param alertDeliveries alerts due to a teacher on a channel now (personal data: e-mail addresses), keyed {@code <tenant>/<teacherSourcedId>}
 * @param xapiStates the documents of the xAPI State resource (personal data), compacted, keyed
 *     {@code <tenant>/actor-<hash of the agent's identifier>/activity-<hash>/<hash of registration and stateId>}
 * @param xapiActivityProfiles the documents of the xAPI Activity Profile resource, compacted, keyed
 *     {@code <tenant>/activity-<hash of the activity id>/<hash of the profileId>}
 * @param xapiAgentProfiles the documents of the xAPI Agent Profile resource (personal data), compacted, keyed
 *     {@code <tenant>/actor-<hash of the agent's identifier>/<hash of the profileId>}; documents of every kind hold at
 *     most {@link #MAX_DOCUMENT_BYTES} of content
 * @param dashboardAccounts the teacher dashboard's local sign-ins (password hashed), compacted, keyed {@code <tenant>/<username>}
 */
public record Topics(
        Topic<String, XapiStatementRecord> xapiStatements,
        Topic<String, CaliperEventRecord> caliperEvents,
        Topic<String, LearningEvent> learningEvents,
        Topic<StudentCourseDay, EngagementDaily> engagementDaily,
        Topic<String, DeadLetter> deadLetters,
        Topic<String, District> districts,
        Topic<String, Credential> credentials,
        Topic<String, XapiAttachmentRecord> xapiAttachments,
        Topic<String, ItemSkills> itemSkills,
        Topic<String, MasteryParameter> masteryParameters,
        Topic<String, MasteryPrediction> masteryPredictions,
        Topic<StudentSkill, SkillMastery> skillMastery,
        Topic<String, StudentMastery> studentMastery,
        Topic<String, RosterOrg> rosterOrgs,
        Topic<String, RosterAcademicSession> rosterAcademicSessions,
        Topic<String, RosterCourse> rosterCourses,
        Topic<String, RosterClass> rosterClasses,
        Topic<String, RosterUser> rosterUsers,
        Topic<String, RosterEnrollment> rosterEnrollments,
        Topic<String, RosterLineItem> rosterLineItems,
        Topic<String, RosterImport> rosterImports,
        Topic<String, ClassTeachers> classTeachers,
        Topic<String, ClassLineItems> classLineItems,
        Topic<String, RosterIdentity> rosterIdentities,
        Topic<String, RiskParameter> riskParameters,
        Topic<String, RiskScore> riskScores,
        Topic<String, Alert> alerts,
        Topic<String, AlertFeedback> alertFeedback,
        Topic<String, TeacherDeliveryPreference> teacherDeliveryPreferences,
        Topic<String, DeliveryZone> deliveryZones,
        Topic<String, AlertDelivery> alertDeliveries,
        Topic<String, XapiDocumentRecord> xapiStates,
        Topic<String, XapiDocumentRecord> xapiActivityProfiles,
        Topic<String, XapiDocumentRecord> xapiAgentProfiles,
        Topic<String, DashboardAccount> dashboardAccounts) {

    public static final String XAPI_STATEMENTS = "learnstream.xapi-statements";
    public static final String CALIPER_EVENTS = "learnstream.caliper-events";
    public static final String LEARNING_EVENTS = "learnstream.learning-events";
    public static final String ENGAGEMENT_DAILY = "learnstream.engagement-daily";
    public static final String DEAD_LETTERS = "learnstream.dead-letters";
    public static final String DISTRICTS = "learnstream.districts";
    public static final String CREDENTIALS = "learnstream.credentials";
    public static final String XAPI_ATTACHMENTS = "learnstream.xapi-attachments";
    public static final String ITEM_SKILLS = "learnstream.item-skills";
    public static final String MASTERY_PARAMETERS = "learnstream.mastery-parameters";
    public static final String MASTERY_PREDICTIONS = "learnstream.mastery-predictions";
    public static final String SKILL_MASTERY = "learnstream.skill-mastery";
    public static final String STUDENT_MASTERY = "learnstream.student-mastery";
    public static final String ROSTER_ORGS = "learnstream.roster-orgs";
    public static final String ROSTER_ACADEMIC_SESSIONS = "learnstream.roster-academic-sessions";
    public static final String ROSTER_COURSES = "learnstream.roster-courses";
    public static final String ROSTER_CLASSES = "learnstream.roster-classes";
    public static final String ROSTER_USERS = "learnstream.roster-users";
    public static final String ROSTER_ENROLLMENTS = "learnstream.roster-enrollments";
    public static final String ROSTER_LINE_ITEMS = "learnstream.roster-line-items";
    public static final String ROSTER_IMPORTS = "learnstream.roster-imports";
    public static final String CLASS_TEACHERS = "learnstream.class-teachers";
    public static final String CLASS_LINE_ITEMS = "learnstream.class-line-items";
    public static final String ROSTER_IDENTITIES = "learnstream.roster-identities";
    public static final String RISK_PARAMETERS = "learnstream.risk-parameters";
    public static final String RISK_SCORES = "learnstream.risk-scores";
    public static final String ALERTS = "learnstream.alerts";
    public static final String ALERT_FEEDBACK = "learnstream.alert-feedback";
    public static final String TEACHER_DELIVERY_PREFERENCES = "learnstream.teacher-delivery-preferences";
    public static final String DELIVERY_ZONES = "learnstream.delivery-zones";
    public static final String ALERT_DELIVERIES = "learnstream.alert-deliveries";
    public static final String XAPI_STATES = "learnstream.xapi-states";
    public static final String XAPI_ACTIVITY_PROFILES = "learnstream.xapi-activity-profiles";
    public static final String XAPI_AGENT_PROFILES = "learnstream.xapi-agent-profiles";
    public static final String DASHBOARD_ACCOUNTS = "learnstream.dashboard-accounts";
    /**
     * The most content one attachment record carries: 1,000,000 octets, so that with its key, the other fields and
     * the batch overhead (even when compression grows incompressible data a little) it stays under Kafka's default
     * {@code max.message.bytes} (1,048,588) and the producer's {@code max.request.size} (1,048,576).
     */
    public static final int MAX_ATTACHMENT_BYTES = 1_000_000;
    /** The most content one xAPI document record carries, for the same reason as {@link #MAX_ATTACHMENT_BYTES}. */
    public static final int MAX_DOCUMENT_BYTES = MAX_ATTACHMENT_BYTES;

    public static Topics create(AvroSerdes serdes) {
        return new Topics(
                new Topic<>(XAPI_STATEMENTS, Serdes.String(), serdes.value(XapiStatementRecord.class)),
                new Topic<>(CALIPER_EVENTS, Serdes.String(), serdes.value(CaliperEventRecord.class)),
                new Topic<>(LEARNING_EVENTS, Serdes.String(), serdes.value(LearningEvent.class)),
                new Topic<>(ENGAGEMENT_DAILY, serdes.key(StudentCourseDay.class), serdes.value(EngagementDaily.class)),
                new Topic<>(DEAD_LETTERS, Serdes.String(), serdes.value(DeadLetter.class)),
                new Topic<>(DISTRICTS, Serdes.String(), serdes.value(District.class)),
                new Topic<>(CREDENTIALS, Serdes.String(), serdes.value(Credential.class)),
                new Topic<>(XAPI_ATTACHMENTS, Serdes.String(), serdes.value(XapiAttachmentRecord.class)),
                new Topic<>(ITEM_SKILLS, Serdes.String(), serdes.value(ItemSkills.class)),
                new Topic<>(MASTERY_PARAMETERS, Serdes.String(), serdes.value(MasteryParameter.class)),
                new Topic<>(MASTERY_PREDICTIONS, Serdes.String(), serdes.value(MasteryPrediction.class)),
                new Topic<>(SKILL_MASTERY, serdes.key(StudentSkill.class), serdes.value(SkillMastery.class)),
                new Topic<>(STUDENT_MASTERY, Serdes.String(), serdes.value(StudentMastery.class)),
                new Topic<>(ROSTER_ORGS, Serdes.String(), serdes.value(RosterOrg.class)),
                new Topic<>(ROSTER_ACADEMIC_SESSIONS, Serdes.String(), serdes.value(RosterAcademicSession.class)),
                new Topic<>(ROSTER_COURSES, Serdes.String(), serdes.value(RosterCourse.class)),
                new Topic<>(ROSTER_CLASSES, Serdes.String(), serdes.value(RosterClass.class)),
                new Topic<>(ROSTER_USERS, Serdes.String(), serdes.value(RosterUser.class)),
                new Topic<>(ROSTER_ENROLLMENTS, Serdes.String(), serdes.value(RosterEnrollment.class)),
                new Topic<>(ROSTER_LINE_ITEMS, Serdes.String(), serdes.value(RosterLineItem.class)),
                new Topic<>(ROSTER_IMPORTS, Serdes.String(), serdes.value(RosterImport.class)),
                new Topic<>(CLASS_TEACHERS, Serdes.String(), serdes.value(ClassTeachers.class)),
                new Topic<>(CLASS_LINE_ITEMS, Serdes.String(), serdes.value(ClassLineItems.class)),
                new Topic<>(ROSTER_IDENTITIES, Serdes.String(), serdes.value(RosterIdentity.class)),
                new Topic<>(RISK_PARAMETERS, Serdes.String(), serdes.value(RiskParameter.class)),
                new Topic<>(RISK_SCORES, Serdes.String(), serdes.value(RiskScore.class)),
                new Topic<>(ALERTS, Serdes.String(), serdes.value(Alert.class)),
                new Topic<>(ALERT_FEEDBACK, Serdes.String(), serdes.value(AlertFeedback.class)),
                new Topic<>(TEACHER_DELIVERY_PREFERENCES, Serdes.String(), serdes.value(TeacherDeliveryPreference.class)),
                new Topic<>(DELIVERY_ZONES, Serdes.String(), serdes.value(DeliveryZone.class)),
                new Topic<>(ALERT_DELIVERIES, Serdes.String(), serdes.value(AlertDelivery.class)),
                new Topic<>(XAPI_STATES, Serdes.String(), serdes.value(XapiDocumentRecord.class)),
                new Topic<>(XAPI_ACTIVITY_PROFILES, Serdes.String(), serdes.value(XapiDocumentRecord.class)),
                new Topic<>(XAPI_AGENT_PROFILES, Serdes.String(), serdes.value(XapiDocumentRecord.class)),
                new Topic<>(DASHBOARD_ACCOUNTS, Serdes.String(), serdes.value(DashboardAccount.class)));
    }

    /** The key of a statement or event record: ids are unique per district. */
    public static String tenantScopedKey(String tenantId, String id) {
        return tenantId + "/" + id;
    }

    public List<Topic<?, ?>> all() {
        return List.of(xapiStatements, caliperEvents, learningEvents, engagementDaily, deadLetters, districts, credentials,
                xapiAttachments, itemSkills, masteryParameters, masteryPredictions, skillMastery, studentMastery,
                rosterOrgs, rosterAcademicSessions, rosterCourses, rosterClasses, rosterUsers, rosterEnrollments, rosterLineItems,
                rosterImports, classTeachers, classLineItems, rosterIdentities, riskParameters, riskScores, alerts, alertFeedback,
                teacherDeliveryPreferences, deliveryZones, alertDeliveries,
                xapiStates, xapiActivityProfiles, xapiAgentProfiles,
                dashboardAccounts);
    }

    /**
     * Topics that have one partition whatever the cluster's default: their records must be read in the order they
     * were written (a parameter publication's marker after its entries).
     */
    public List<Topic<?, ?>> singlePartition() {
        return List.of(masteryParameters, riskParameters);
    }

    /** Topics that hold the latest value per key (compacted). */
    public List<Topic<?, ?>> compacted() {
        return List.of(engagementDaily, districts, credentials, xapiAttachments, itemSkills, masteryParameters, studentMastery,
                rosterOrgs, rosterAcademicSessions, rosterCourses, rosterClasses, rosterUsers, rosterEnrollments, rosterLineItems,
                rosterImports, classTeachers, classLineItems, rosterIdentities, riskParameters, alerts,
                teacherDeliveryPreferences, deliveryZones,
                xapiStates, xapiActivityProfiles, xapiAgentProfiles, dashboardAccounts);
    }
}
