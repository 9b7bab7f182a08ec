package io.learnstream.ingest.http;

import io.javalin.http.Context;
import io.learnstream.ingest.auth.Principal;
import io.learnstream.ingest.auth.Scope;
import io.learnstream.ingest.lrs.ActivityReader;
import java.util.Objects;

/**
 * {@code GET /xAPI/activities?activityId=}: the Activity object with the definition the caller's district gave it
 * ({@link ActivityReader}). Needs the {@code statements/read} scope: a definition comes from the district's statements.
 */
final class ActivitiesRead {
    private final ActivityReader reader;

    ActivitiesRead(ActivityReader reader) {
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    void get(Context ctx) {
        Principal principal = XapiGate.principal(ctx, Scope.STATEMENTS_READ);
        ctx.json(reader.read(principal.tenantId(), ctx.queryParamMap()));
    }
}
