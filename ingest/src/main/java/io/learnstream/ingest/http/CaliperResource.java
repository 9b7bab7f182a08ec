package io.learnstream.ingest.http;

import io.javalin.http.Context;
import io.learnstream.ingest.CaliperSubmissions;
import io.learnstream.ingest.auth.Principal;
import io.learnstream.ingest.auth.Scope;
import java.util.Map;

/** {@code POST /caliper}: a Caliper 1.2 sensor's envelope; answers the ids of the events stored. */
public final class CaliperResource {
    private final CaliperSubmissions submissions;
    private final JsonBodies bodies;
    private final PublishFailures failures;

    CaliperResource(CaliperSubmissions submissions, JsonBodies bodies, PublishFailures failures) {
        this.submissions = submissions;
        this.bodies = bodies;
        this.failures = failures;
    }

    void post(Context ctx) {
        Principal principal = XapiGate.principal(ctx, Scope.STATEMENTS_WRITE);
        var stored = submissions.submit(StatementsWrite.submitter(principal), bodies.read(ctx));
        ctx.future(() -> stored.handle((ids, error) -> {
            if (error == null) ctx.status(200).json(Map.of("accepted", ids.size(), "ids", ids));
            else failures.answer(ctx, error);
            return null;
        }));
    }
}
