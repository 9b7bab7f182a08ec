package io.learnstream.sinks.lrs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;

/** Statements for the archive specs, built as the LRS stores them (id, timestamp and stored set). */
final class StatementJson {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String EXPERIENCED = "http://adlnet.gov/expapi/verbs/experienced";
    static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";

    private StatementJson() {}

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** {@code <mbox> experienced <activity>}. */
    static ObjectNode statement(String id, String mbox, String activity) {
        ObjectNode statement = JSON.createObjectNode();
        statement.put("id", id);
        statement.set("actor", agent(mbox));
        statement.putObject("verb").put("id", EXPERIENCED).putObject("display").put("en-US", "experienced");
        statement.set("object", activity(activity));
        statement.put("timestamp", "2026-09-01T07:59:00.000Z");
        return statement;
    }

    static ObjectNode agent(String mbox) {
        ObjectNode agent = JSON.createObjectNode();
        agent.put("objectType", "Agent");
        agent.put("mbox", mbox);
        return agent;
    }

    static ObjectNode anonymousGroup(ObjectNode... members) {
        ObjectNode group = JSON.createObjectNode();
        group.put("objectType", "Group");
        ArrayNode member = group.putArray("member");
        for (ObjectNode m : members) member.add(m);
        return group;
    }

    static ObjectNode identifiedGroup(String mbox, ObjectNode... members) {
        ObjectNode group = anonymousGroup(members);
        group.put("mbox", mbox);
        return group;
    }

    static ObjectNode activity(String id) {
        ObjectNode activity = JSON.createObjectNode();
        activity.put("objectType", "Activity");
        activity.put("id", id);
        return activity;
    }

    static ObjectNode statementRef(String targetId) {
        ObjectNode ref = JSON.createObjectNode();
        ref.put("objectType", "StatementRef");
        ref.put("id", targetId);
        return ref;
    }

    /** {@code <mbox> voided <target>}. */
    static ObjectNode voiding(String id, String mbox, String targetId) {
        ObjectNode statement = statement(id, mbox, "http://example.org/unused");
        statement.putObject("verb").put("id", "http://adlnet.gov/expapi/verbs/voided");
        statement.set("object", statementRef(targetId));
        return statement;
    }

    static ObjectNode withStored(ObjectNode statement, Instant stored) {
        statement.put("stored", stored.toString());
        return statement;
    }
}
