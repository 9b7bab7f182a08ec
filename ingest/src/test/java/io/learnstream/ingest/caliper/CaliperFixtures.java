package io.learnstream.ingest.caliper;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The IMS Caliper 1.2 fixtures of {@code src/test/resources/caliper} (see the README there), read fresh for each
 * use so a test may change its copy, and envelopes to send them in.
 */
final class CaliperFixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String V1P2 = "http://purl.imsglobal.org/ctx/caliper/v1p2";
    static final String V1P1 = "http://purl.imsglobal.org/ctx/caliper/v1p1";

    private CaliperFixtures() {}

    /** A fixture by file name without {@code .json}, e.g. {@code caliperEventAssessmentStarted}. */
    static ObjectNode fixture(String name) {
        try (InputStream in = CaliperFixtures.class.getResourceAsStream("/caliper/" + name + ".json")) {
            if (in == null) throw new IllegalArgumentException("no fixture " + name);
            return (ObjectNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Caliper 1.2 envelope from the specification's example sensor holding the given events and entities. */
    static ObjectNode envelope(ObjectNode... data) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("sensor", "https://example.edu/sensors/1");
        envelope.put("sendTime", "2016-11-15T11:05:01.000Z");
        envelope.put("dataVersion", V1P2);
        ArrayNode items = envelope.putArray("data");
        for (ObjectNode item : data) items.add(item);
        return envelope;
    }
}
