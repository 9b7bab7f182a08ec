package io.learnstream.ingest.http;

import io.javalin.http.Context;
import io.learnstream.ingest.IngestMetrics;
import io.learnstream.ingest.auth.AuthenticationException;
import io.learnstream.ingest.auth.Principal;
import io.learnstream.ingest.auth.Scope;
import io.learnstream.ingest.xapi.XapiVersion;

/**
 * What every xAPI request passes first: the {@code X-Experience-API-Version} header (required; the answer
 * carries the version spoken) and HTTP Basic authentication. Resources read the outcome with
 * {@link #version(Context)} and {@link #principal(Context, Scope)}.
 */
final class XapiGate {
    private static final String PRINCIPAL = "learnstream.principal";

    private final Authentication authentication;
    private final IngestMetrics metrics;

    XapiGate(Authentication authentication, IngestMetrics metrics) {
        this.authentication = authentication;
        this.metrics = metrics;
    }

    /** Negotiates the version and authenticates; for every xAPI resource but {@code /xAPI/about}. */
    void admit(Context ctx) {
        negotiate(ctx);
        authenticate(ctx);
    }

    void negotiate(Context ctx) {
        String requested = ctx.header(XapiVersion.HEADER);
        if (requested == null) {
            ctx.header(XapiVersion.HEADER, XapiVersion.V1_0_3.header());
            throw new ApiException(400, "missing_version", "the " + XapiVersion.HEADER + " header is required (e.g. 1.0.3 or 2.0.0)");
        }
        XapiVersion version = XapiVersion.negotiate(requested).orElse(null);
        if (version == null) {
            ctx.header(XapiVersion.HEADER, XapiVersion.V1_0_3.header());
            throw new ApiException(400, "unsupported_version", "xAPI version '" + requested + "' is not supported; use 1.0.x or 2.0.x");
        }
        ctx.header(XapiVersion.HEADER, version.header());
        ctx.attribute(XapiVersion.HEADER, version);
    }

    void authenticate(Context ctx) {
        try {
            ctx.attribute(PRINCIPAL, authentication.authenticate(ctx.header("Authorization")));
        } catch (AuthenticationException e) {
            metrics.unauthorized(e.reason().tag());
            ctx.header("WWW-Authenticate", "Basic realm=\"learnstream LRS\"");
            throw new ApiException(401, "unauthorized", "valid HTTP Basic credentials of this LRS are required");
        }
    }

    static XapiVersion version(Context ctx) {
        XapiVersion version = ctx.attribute(XapiVersion.HEADER);
        return version == null ? XapiVersion.V1_0_3 : version;
    }

    /** The authenticated caller, who must hold {@code scope}: 403 otherwise. */
    static Principal principal(Context ctx, Scope scope) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) throw new ApiException(401, "unauthorized", "valid HTTP Basic credentials of this LRS are required");
        if (!principal.can(scope)) {
            throw new ApiException(403, "forbidden", "this credential may not " + describe(scope) + "; it needs the scope "
                    + scope.wireName());
        }
        return principal;
    }

    private static String describe(Scope scope) {
        return switch (scope) {
            case STATEMENTS_READ -> "read statements";
            case STATEMENTS_WRITE -> "write statements";
            case STATE -> "read or write state documents";
            case PROFILE -> "read or write profile documents or read agents";
            default -> "do this";
        };
    }
}
