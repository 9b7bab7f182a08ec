package io.learnstream.streams.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.ingest.xapi.Statement;
import io.learnstream.ingest.xapi.SkillSources;
import io.learnstream.ingest.xapi.StatementNormalizer;
import io.learnstream.ingest.xapi.UnprocessableStatementException;
import io.learnstream.ingest.xapi.XapiTimestamps;
import io.learnstream.schemas.avro.LearningEvent;
import io.learnstream.schemas.avro.XapiStatementRecord;
import java.util.Optional;
import java.util.UUID;

/**
 * Stored xAPI statements as intake input. Voiding statements are not learning activity. The class is the first of
 * {@link ClassSources#candidates} that names a class of the district's roster.
 */
final class XapiSource implements IntakeSource<XapiStatementRecord> {
    static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

    private final ObjectMapper json = new ObjectMapper();
    private final StatementNormalizer normalizer;
    private final ClassSources classes;

    XapiSource(SkillSources skills, ClassSources classes) {
        this.normalizer = new StatementNormalizer(skills);
        this.classes = classes;
    }

    @Override
    public String name() {
        return "streams.intake.xapi";
    }

    @Override
    public String tenantId(XapiStatementRecord value) {
        return value.getTenantId();
    }

    @Override
    public String id(XapiStatementRecord value) {
        return value.getStatementId();
    }

    @Override
    public String contentHash(XapiStatementRecord value) {
        return value.getContentHash();
    }

    @Override
    public String payload(XapiStatementRecord value) {
        return value.getStatement();
    }

    @Override
    public Optional<LearningEvent> normalize(XapiStatementRecord stored, DistrictRoster roster) throws UnprocessableStatementException {
        JsonNode tree;
        try {
            tree = json.readTree(stored.getStatement());
        } catch (JsonProcessingException e) {
            throw new UnprocessableStatementException("the stored statement is not JSON: " + e.getOriginalMessage());
        }
        if (!(tree instanceof ObjectNode statement)) {
            throw new UnprocessableStatementException("the stored statement is not a JSON object");
        }
        if (VOIDED.equals(statement.path("verb").path("id").asText())) return Optional.empty();
        Statement parsed = new Statement(UUID.fromString(stored.getStatementId()), statement,
                XapiTimestamps.parse(statement.path("timestamp").asText()), stored.getStored(), stored.getContentHash());
        LearningEvent event = normalizer.normalize(parsed, stored.getTenantId(), roster, stored.getTool());
        for (String candidate : classes.candidates(statement)) {
            Optional<String> found = roster.classOf(candidate);
            if (found.isPresent()) {
                event.setClassId(found.get());
                event.setCourseId(found.get());
                break;
            }
        }
        return Optional.of(event);
    }
}
