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

    private static final String DEFAULT_VERSION = "learnstream.xapi.default";

    private final Authentication authentication;
    private final IngestMetrics metrics;
    private final XapiVersion defaultVersion;

    /** {@code defaultVersion}: what a request that names no version it may speak is answered with. */
    XapiGate(Authentication authentication, IngestMetrics metrics, XapiVersion defaultVersion) {
        this.authentication = authentication;
        this.metrics = metrics;
        this.defaultVersion = java.util.Objects.requireNonNull(defaultVersion, "defaultVersion");
    }

    /**
     * Names the default version on the answer, before anything else may refuse the request: every xAPI answer carries
     * the version header (1.0.3 and 2.0 Communication, Versioning), also one refused before the version is negotiated.
     */
    void answerWithDefault(Context ctx) {
        ctx.header(XapiVersion.HEADER, defaultVersion.header());
        ctx.attribute(DEFAULT_VERSION, defaultVersion);
    }

    /** Negotiates the version and authenticates; for every xAPI resource but {@code /xAPI/about}. */
    void admit(Context ctx) {
        negotiate(ctx);
        authenticate(ctx);
    }

    void negotiate(Context ctx) {
        String requested = ctx.header(XapiVersion.HEADER);
        if (requested == null) {
            answerWithDefault(ctx);
            throw new ApiException(400, "missing_version", "the " + XapiVersion.HEADER + " header is required (e.g. 1.0.3 or 2.0.0)");
        }
        XapiVersion version = XapiVersion.negotiate(requested).orElse(null);
        if (version == null) {
            answerWithDefault(ctx);
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

    /** The version negotiated, or the LRS's default when the request was not negotiated. */
    static XapiVersion version(Context ctx) {
        XapiVersion version = ctx.attribute(XapiVersion.HEADER);
        if (version != null) return version;
        XapiVersion fallback = ctx.attribute(DEFAULT_VERSION);
        return fallback == null ? io.learnstream.ingest.IngestConfig.DEFAULT_XAPI_VERSION : fallback;
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
