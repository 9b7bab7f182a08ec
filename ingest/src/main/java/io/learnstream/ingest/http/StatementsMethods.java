package io.learnstream.ingest.http;

import io.javalin.http.Context;
import java.util.Set;

/**
 * The methods of the Statement resource: GET, HEAD, POST and PUT. Any other (a DELETE: statements are voided, never
 * deleted) is answered 405 with {@code Allow}, before credentials are asked for (Communication 2.1).
 */
final class StatementsMethods {
    static final String ALLOWED = "GET, HEAD, POST, PUT";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT");

    private StatementsMethods() {}

    static void requireSupported(Context ctx) {
        String method = ctx.req().getMethod();
        if (!METHODS.contains(method)) {
            ctx.header("Allow", ALLOWED);
            throw new ApiException(405, "method_not_allowed", "the statement resource takes " + ALLOWED + ", not " + method
                    + (method.equals("DELETE") ? "; to take a statement back, send a voiding statement" : ""));
        }
    }
}
