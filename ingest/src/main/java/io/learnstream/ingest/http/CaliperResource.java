package io.learnstream.ingest.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.learnstream.ingest.caliper.CaliperDataVersion;
import io.learnstream.ingest.CaliperSubmissions;
import io.learnstream.ingest.auth.Principal;
import io.learnstream.ingest.auth.Scope;
import java.util.Map;
import java.util.concurrent.Executor;

/** {@code POST /caliper}: a Caliper 1.2 sensor's envelope; answers the ids of the events stored. */
public final class CaliperResource {
    private final CaliperSubmissions submissions;
    private final JsonBodies bodies;
    private final PublishFailures failures;
    private final Executor afterAcknowledgement;

    /** @param afterAcknowledgement where the answer is written once Kafka acknowledged the events */
    CaliperResource(CaliperSubmissions submissions, JsonBodies bodies, PublishFailures failures, Executor afterAcknowledgement) {
        this.submissions = submissions;
        this.bodies = bodies;
        this.failures = failures;
        this.afterAcknowledgement = afterAcknowledgement;
    }

    void post(Context ctx) {
        Principal principal = XapiGate.principal(ctx, Scope.STATEMENTS_WRITE);
        JsonNode envelope = bodies.read(ctx);
        JsonNode dataVersion = envelope.path("dataVersion");
        if (dataVersion.isTextual() && CaliperDataVersion.of(dataVersion.asText()).isEmpty()) {
            // the Caliper specification asks for 422 when the envelope is well formed but of a version not spoken here
            throw new ApiException(422, "unsupported_data_version", "dataVersion '" + dataVersion.asText()
                    + "' is not supported; send Caliper 1.2 (http://purl.imsglobal.org/ctx/caliper/v1p2) or 1.1");
        }
        var stored = submissions.submit(StatementsWrite.submitter(principal), envelope);
        ctx.future(() -> stored.handleAsync((ids, error) -> {
            if (error == null) ctx.status(200).json(Map.of("accepted", ids.size(), "ids", ids));
            else failures.answer(ctx, error);
            return null;
        }, afterAcknowledgement));
    }
}
