package io.learnstream.ingest.caliper;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnstream.ingest.xapi.StatementRejectedException;
import io.learnstream.schemas.avro.CaliperEventRecord;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The Caliper endpoint's use case, apart from HTTP: validate a sensor's envelope (all or nothing) and turn each
 * event in it into a {@link CaliperEventRecord}.
 *
 * <p>An envelope is a JSON object with exactly the properties {@code sensor} (a non-empty string; the
 * specification recommends an IRI), {@code sendTime} (ISO 8601 UTC date-time), {@code dataVersion} (the context
 * IRI of a supported version, see {@link CaliperDataVersion}) and {@code data} (a non-empty array of Events and
 * Entity describes); the specification permits no custom properties. Each item of {@code data} is checked by
 * {@link CaliperDataValidator}; two events with the same id are refused. Entity describes are valid payload but
 * yield no record.
 *
 * <p>Problems are reported as {@link StatementRejectedException} with the path from the envelope, e.g.
 * {@code sendTime} or {@code data[2].action}, and the rule broken. A {@code dataVersion} that is a string but not a
 * supported version is reported at path {@code dataVersion}; the specification asks the endpoint to answer
 * {@code 422} in that case ({@link CaliperDataVersion#of(String)} is empty), {@code 400} for any other rejection.
 */
public final class CaliperIntake {
    private static final Set<String> ENVELOPE_PROPERTIES = Set.of("sensor", "sendTime", "dataVersion", "data");

    private final CaliperDataValidator validator = new CaliperDataValidator();

    /**
     * Validates an envelope received from a tool and returns one record per event, in the envelope's order.
     *
     * @param envelope the parsed request body
     * @param tenantId the district the sending credential belongs to
     * @param tool the tool of the sending credential, or {@code null}
     * @param received when learnstream received the envelope (kept to the millisecond, as the record stores it)
     * @return the events as records holding each event's JSON; empty when the envelope only describes entities
     * @throws StatementRejectedException naming the first offending property; nothing of the envelope is kept
     */
    public List<CaliperEventRecord> accept(JsonNode envelope, String tenantId, String tool, Instant received) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(received, "received");
        if (envelope == null || !envelope.isObject()) {
            throw new StatementRejectedException("",
                    "the request body must be a Caliper envelope: a JSON object with sensor, sendTime, dataVersion and data");
        }
        for (Iterator<String> names = envelope.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!ENVELOPE_PROPERTIES.contains(name)) {
                throw new StatementRejectedException(name,
                        "is not an envelope property: an envelope holds only sensor, sendTime, dataVersion and data");
            }
        }
        String sensor = requiredString(envelope, "sensor", "a string identifying the sensor, such as https://example.edu/sensors/1");
        String sendTime = requiredString(envelope, "sendTime", CaliperTimestamps.FORMAT);
        if (CaliperTimestamps.parseOrNull(sendTime) == null) {
            throw new StatementRejectedException("sendTime", CaliperTimestamps.RULE);
        }
        CaliperDataVersion version = dataVersion(envelope);
        JsonNode data = envelope.get("data");
        if (data == null || data.isNull()) {
            throw new StatementRejectedException("data", "is required: an array of Caliper events and entity describes");
        }
        if (!data.isArray()) throw new StatementRejectedException("data", "must be an array of Caliper events and entity describes");
        if (data.isEmpty()) throw new StatementRejectedException("data", "must hold at least one event or entity describe");

        Instant receivedMillis = received.truncatedTo(ChronoUnit.MILLIS);
        List<CaliperEventRecord> records = new ArrayList<>(data.size());
        Map<String, Integer> eventIndexById = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            JsonNode item = data.get(i);
            CaliperDataValidator.Kind kind;
            try {
                kind = validator.validate(item, version);
            } catch (StatementRejectedException e) {
                throw e.under("data[" + i + "]");
            }
            if (kind != CaliperDataValidator.Kind.EVENT) continue;
            String id = item.get("id").textValue();
            Integer first = eventIndexById.putIfAbsent(id.toLowerCase(Locale.ROOT), i);
            if (first != null) {
                throw new StatementRejectedException("data[" + i + "].id",
                        "repeats the id of data[" + first + "]: every event needs its own UUID");
            }
            records.add(CaliperEventRecord.newBuilder()
                    .setTenantId(tenantId)
                    .setEventId(id)
                    .setReceived(receivedMillis)
                    .setSensor(sensor)
                    .setDataVersion(version.contextIri())
                    .setTool(tool)
                    .setEvent(item.toString())
                    .build());
        }
        return Collections.unmodifiableList(records);
    }

    private static CaliperDataVersion dataVersion(JsonNode envelope) {
        String text = requiredString(envelope, "dataVersion", "the context IRI of the Caliper version of the data, such as "
                + CaliperDataVersion.V1P2.contextIri());
        return CaliperDataVersion.of(text).orElseThrow(() -> {
            StringBuilder supported = new StringBuilder();
            for (CaliperDataVersion version : CaliperDataVersion.values()) {
                if (!supported.isEmpty()) supported.append(" or ");
                supported.append(version.contextIri()).append(" (").append(version.label()).append(')');
            }
            return new StatementRejectedException("dataVersion",
                    "'" + text + "' is not a Caliper version this endpoint supports; use " + supported);
        });
    }

    private static String requiredString(JsonNode envelope, String property, String what) {
        JsonNode value = envelope.get(property);
        if (value == null || value.isNull()) throw new StatementRejectedException(property, "is required: " + what);
        if (!value.isTextual() || value.textValue().isBlank()) throw new StatementRejectedException(property, "must be " + what);
        return value.textValue();
    }
}
