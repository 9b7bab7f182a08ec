package io.learnstream.app.dashboard.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.learnstream.app.alerts.FeedbackAction;
import io.learnstream.app.dashboard.DashboardConfig;
import io.learnstream.app.dashboard.accounts.AccountStore;
import io.learnstream.app.dashboard.authz.ClassAccess;
import io.learnstream.app.dashboard.authz.Principal;
import io.learnstream.app.dashboard.data.ClassRisk;
import io.learnstream.app.dashboard.data.DashboardQueries;
import io.learnstream.app.dashboard.data.StudentDetail;
import io.learnstream.app.dashboard.data.StudentRisk;
import io.learnstream.app.dashboard.live.AlertInbox;
import io.learnstream.app.dashboard.live.LiveUpdates;
import io.learnstream.app.dashboard.names.StudentNames;
import io.learnstream.app.dashboard.oidc.OidcPrincipals;
import io.learnstream.app.dashboard.oidc.OidcSignIn;
import io.learnstream.schemas.avro.Alert;
import io.learnstream.schemas.avro.RosterClass;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The dashboard's HTTP server (Javalin): server-rendered pages (jte) for people, the same data as JSON under
 * {@code /api} for tools, and a server-sent event stream per page. Every request but sign-in and the static files
 * needs a session; every state-changing request its CSRF token; every class, student and alert is checked against
 * {@link ClassAccess} and answered 403 when it is not the principal's to see.
 */
public final class DashboardServer implements AutoCloseable {
    public static final String SESSION_COOKIE = "learnstream_session";
    /** Ties a sign-in at a district's provider to the browser that started it. */
    public static final String OIDC_COOKIE = "learnstream_oidc";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final String CSRF_FIELD = "_csrf";
    private static final String SESSION_ATTRIBUTE = "learnstream.session";
    private static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'";

    private final DashboardConfig config;
    private final AccountStore accounts;
    private final Sessions sessions;
    private final ClassAccess access;
    private final DashboardQueries queries;
    private final AlertInbox inbox;
    private final LiveUpdates live;
    private final Views views;
    private final StudentNames names;
    private final OidcSignIn oidc;
    private final OidcPrincipals oidcPrincipals;
    private final boolean secureCookie;
    private final Javalin app;

    public DashboardServer(DashboardConfig config, AccountStore accounts, Sessions sessions, ClassAccess access, DashboardQueries queries,
            AlertInbox inbox, LiveUpdates live, Views views, StudentNames names, OidcSignIn oidc, OidcPrincipals oidcPrincipals) {
        this.config = config;
        this.accounts = accounts;
        this.sessions = sessions;
        this.access = access;
        this.queries = queries;
        this.inbox = inbox;
        this.live = live;
        this.views = views;
        this.names = names;
        this.oidc = oidc;
        this.oidcPrincipals = oidcPrincipals;
        this.secureCookie = config.publicUrl().map(url -> "https".equals(url.getScheme())).orElse(false);
        this.app = Javalin.create(javalin -> {
            javalin.showJavalinBanner = false;
            javalin.jsonMapper(new JavalinJackson(new ObjectMapper(), false));
            javalin.staticFiles.enableWebjars();
            javalin.staticFiles.add(files -> {
                files.hostedPath = "/static";
                files.directory = "/io/learnstream/app/dashboard/static";
                files.location = Location.CLASSPATH;
            });
        });
        app.before(ctx -> {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Referrer-Policy", "same-origin");
            ctx.header("Content-Security-Policy", CSP);
        });
        app.before(this::requireSession);
        app.get("/", ctx -> ctx.redirect(Links.CLASSES));
        app.get(Links.LOGIN, ctx -> ctx.html(views.render("login", loginModel(ctx.queryParam("district"), null))));
        app.post(Links.LOGIN, this::signIn);
        app.get(Links.LOGIN_OIDC + "/{district}", this::beginOidc);
        app.get(Links.LOGIN_OIDC + "/{district}/callback", this::completeOidc);
        app.post(Links.LOGOUT, this::signOut);
        app.get(Links.CLASSES, ctx -> ctx.html(views.render("classes", Map.of("chrome", chrome(ctx, "classes"), "rows", classRows(principal(ctx))))));
        app.get(Links.CLASSES + "/{classId}", this::classPage);
        app.get(Links.CLASSES + "/{classId}/students/{studentKey}", this::studentPage);
        app.get(Links.ALERTS, ctx -> ctx.html(views.render("alerts", Map.of("chrome", chrome(ctx, "alerts"),
                "alerts", inbox.open(principal(ctx), Optional.empty()), "names", names))));
        app.post(Links.ALERTS + "/answer", this::answerFromPage);
        app.sse(Links.EVENTS, client -> live.connect(client, principal(client.ctx())));

        app.get(Links.API + "/classes", ctx -> ctx.json(classRows(principal(ctx)).stream().map(ApiViews.ClassItem::of).toList()));
        app.get(Links.API + "/classes/{classId}", ctx -> {
            RosterClass rosterClass = access.require(principal(ctx), ctx.pathParam("classId"));
            ctx.json(new ApiViews.ClassDetail(rosterClass.getSourcedId(), rosterClass.getTitle(),
                    queries.students(rosterClass.getTenantId(), rosterClass.getSourcedId()).stream().map(ApiViews.StudentItem::of).toList()));
        });
        app.get(Links.API + "/classes/{classId}/students/{studentKey}", ctx -> {
            Principal principal = principal(ctx);
            RosterClass rosterClass = access.require(principal, ctx.pathParam("classId"));
            String student = requireStudent(rosterClass, ctx.pathParam("studentKey"));
            ctx.json(ApiViews.Student.of(rosterClass.getSourcedId(), student,
                    queries.student(rosterClass.getTenantId(), rosterClass.getSourcedId(), student),
                    inbox.openOf(principal, rosterClass.getSourcedId(), student)));
        });
        app.get(Links.API + "/alerts", ctx -> {
            Principal principal = principal(ctx);
            Optional<String> classId = Optional.ofNullable(ctx.queryParam("classId"));
            classId.ifPresent(id -> access.require(principal, id));
            ctx.json(inbox.open(principal, classId).stream().map(ApiViews.AlertItem::of).toList());
        });
        app.post(Links.API + "/alerts/{action}", ctx -> {
            FeedbackAction action = action(ctx.pathParam("action"));
            Alert alert = inbox.answer(principal(ctx), required(ctx, "alertId"), action);
            ctx.json(new ApiViews.Answered(alert.getAlertId(), action.wireName(), principal(ctx).answeredBy()));
        });

        app.exception(ClassAccess.AccessDenied.class, (e, ctx) -> problem(ctx, HttpStatus.FORBIDDEN, "forbidden", e.getMessage()));
        app.exception(NotFound.class, (e, ctx) -> problem(ctx, HttpStatus.NOT_FOUND, "not_found", e.getMessage()));
        app.exception(IllegalArgumentException.class, (e, ctx) -> problem(ctx, HttpStatus.BAD_REQUEST, "bad_request", e.getMessage()));
    }

    public DashboardServer start() {
        app.start(config.host(), config.port());
        return this;
    }

    /** The address teachers reach it at: the configured public URL, else {@code http://<host>:<port it got>}. */
    public String baseUrl() {
        return config.publicUrl().map(URI::toString).orElse("http://" + (config.host().equals("0.0.0.0") ? "localhost" : config.host())
                + ":" + app.port());
    }

    public int port() {
        return app.port();
    }

    // sign-in and sessions

    private void requireSession(Context ctx) {
        String path = ctx.path();
        if (path.equals(Links.LOGIN) || path.startsWith(Links.LOGIN_OIDC + "/") || path.startsWith("/static/") || path.startsWith("/webjars/")) return;
        Optional<Sessions.Session> session = sessions.find(ctx.cookie(SESSION_COOKIE));
        if (session.isEmpty()) {
            if (path.startsWith(Links.API + "/")) {
                problem(ctx, HttpStatus.UNAUTHORIZED, "unauthorized", "sign in first (POST " + Links.LOGIN + ")");
            } else {
                ctx.redirect(Links.LOGIN);
            }
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(SESSION_ATTRIBUTE, session.get());
        if (!"GET".equals(ctx.method().name()) && !"HEAD".equals(ctx.method().name()) && !csrfMatches(ctx, session.get())) {
            problem(ctx, HttpStatus.FORBIDDEN, "csrf", "the request lacks this session's CSRF token (header " + CSRF_HEADER + " or field " + CSRF_FIELD + ")");
            ctx.skipRemainingHandlers();
        }
    }

    private static boolean csrfMatches(Context ctx, Sessions.Session session) {
        String presented = Optional.ofNullable(ctx.header(CSRF_HEADER)).orElseGet(() -> ctx.formParam(CSRF_FIELD));
        return presented != null && MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }

    private void signIn(Context ctx) {
        String district = Optional.ofNullable(ctx.formParam("district")).orElse("").strip();
        Optional<Principal> principal = accounts.verify(district, ctx.formParam("username"), ctx.formParam("password"));
        if (principal.isEmpty()) {
            ctx.status(HttpStatus.UNAUTHORIZED).html(views.render("login", loginModel(district, "Unknown district, user name or password.")));
            return;
        }
        openSession(ctx, principal.get());
        ctx.redirect(Links.CLASSES, HttpStatus.SEE_OTHER);
    }

    /** A new session of {@code principal} on every sign-in (no fixation), in a SameSite=Strict HttpOnly cookie. */
    private void openSession(Context ctx, Principal principal) {
        sessions.close(ctx.cookie(SESSION_COOKIE));
        ctx.cookie(new Cookie(SESSION_COOKIE, sessions.open(principal), "/", -1, secureCookie, 0, true, null, null, SameSite.STRICT));
    }

    private void beginOidc(Context ctx) {
        String district = ctx.pathParam("district");
        OidcSignIn.Started started;
        try {
            started = oidc.begin(district, URI.create(baseUrl() + Links.oidcCallback(district)));
        } catch (OidcSignIn.Refused e) {
            refuseOidc(ctx, district, e);
            return;
        }
        // Lax: the provider's redirect back is a cross-site top-level navigation
        ctx.cookie(new Cookie(OIDC_COOKIE, started.browserToken(), Links.LOGIN_OIDC, (int) OidcSignIn.PENDING_FOR.toSeconds(), secureCookie,
                0, true, null, null, SameSite.LAX));
        ctx.redirect(started.authorizationUrl().toString(), HttpStatus.FOUND);
    }

    private void completeOidc(Context ctx) {
        String district = ctx.pathParam("district");
        ctx.removeCookie(OIDC_COOKIE, Links.LOGIN_OIDC);
        Principal principal;
        try {
            String query = ctx.queryString();
            String value = oidc.complete(district, URI.create(baseUrl() + Links.oidcCallback(district) + (query == null ? "" : "?" + query)),
                    ctx.cookie(OIDC_COOKIE));
            principal = oidcPrincipals.resolve(oidc.district(district).orElseThrow(), value);
        } catch (OidcSignIn.Refused e) {
            refuseOidc(ctx, district, e);
            return;
        }
        openSession(ctx, principal);
        // a page, not a redirect: the browser came here from the provider (cross-site), and would not send the
        // SameSite=Strict session cookie along a redirect of that navigation; the refresh is a same-site one
        ctx.html(views.render("signedIn", Map.of("target", Links.CLASSES)));
    }

    private void refuseOidc(Context ctx, String district, OidcSignIn.Refused refusal) {
        ctx.status(HttpStatus.FORBIDDEN).html(views.render("login", loginModel(district, "Sign-in refused: " + refusal.getMessage() + ".")));
    }

    private void signOut(Context ctx) {
        sessions.close(ctx.cookie(SESSION_COOKIE));
        ctx.removeCookie(SESSION_COOKIE, "/");
        ctx.redirect(Links.LOGIN, HttpStatus.SEE_OTHER);
    }

    private Map<String, Object> loginModel(String district, String error) {
        Map<String, Object> model = new HashMap<>();
        model.put("oidc", config.oidc());
        model.put("district", district == null ? "" : district);
        model.put("error", error);
        return model;
    }

    private static Principal principal(Context ctx) {
        Sessions.Session session = ctx.attribute(SESSION_ATTRIBUTE);
        if (session == null) throw new IllegalStateException("no session on " + ctx.path());
        return session.principal();
    }

    private static Chrome chrome(Context ctx, String section) {
        Sessions.Session session = ctx.attribute(SESSION_ATTRIBUTE);
        return new Chrome(session.principal(), session.csrfToken(), section);
    }

    // pages

    private List<ClassRow> classRows(Principal principal) {
        List<RosterClass> classes = access.visible(principal);
        Map<String, ClassRisk> risk = queries.classRisk(principal.tenantId(), classes.stream().map(RosterClass::getSourcedId).toList());
        Map<String, Long> alerts = inbox.open(principal, Optional.empty()).stream()
                .collect(Collectors.groupingBy(Alert::getClassId, Collectors.counting()));
        return classes.stream().map(c -> new ClassRow(c, risk.getOrDefault(c.getSourcedId(), ClassRisk.unscored(c.getSourcedId())),
                alerts.getOrDefault(c.getSourcedId(), 0L).intValue())).toList();
    }

    private void classPage(Context ctx) {
        RosterClass rosterClass = access.require(principal(ctx), ctx.pathParam("classId"));
        List<StudentRisk> students = queries.students(rosterClass.getTenantId(), rosterClass.getSourcedId());
        ctx.html(views.render("class", Map.of("chrome", chrome(ctx, "classes"), "rosterClass", rosterClass, "students", students,
                "names", names)));
    }

    private void studentPage(Context ctx) {
        Principal principal = principal(ctx);
        RosterClass rosterClass = access.require(principal, ctx.pathParam("classId"));
        String student = requireStudent(rosterClass, ctx.pathParam("studentKey"));
        StudentDetail detail = queries.student(rosterClass.getTenantId(), rosterClass.getSourcedId(), student);
        ctx.html(views.render("student", Map.of("chrome", chrome(ctx, "classes"), "rosterClass", rosterClass, "studentKey", student,
                "studentName", names.displayName(rosterClass.getTenantId(), student), "names", names,
                "detail", detail, "alerts", inbox.openOf(principal, rosterClass.getSourcedId(), student),
                "engagementSeries", series(detail.engagement().stream().map(d -> new double[] {
                        d.day().toEpochDay() * 86_400.0, d.activeMinutes()}).toList()),
                "riskSeries", series(detail.riskTrend().stream().map(p -> new double[] {
                        p.asOf().toEpochMilli() / 1000.0, p.probability()}).toList()))));
    }

    /** uPlot's data: {@code [[x...], [y...]]}. */
    private static String series(List<double[]> points) {
        String xs = points.stream().map(p -> format(p[0])).collect(Collectors.joining(","));
        String ys = points.stream().map(p -> format(p[1])).collect(Collectors.joining(","));
        return "[[" + xs + "],[" + ys + "]]";
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private String requireStudent(RosterClass rosterClass, String studentKey) {
        if (!queries.inClass(rosterClass.getTenantId(), rosterClass.getSourcedId(), studentKey)) {
            throw new NotFound("student '" + studentKey + "' has no score in class '" + rosterClass.getSourcedId() + "'");
        }
        return studentKey;
    }

    private void answerFromPage(Context ctx) {
        inbox.answer(principal(ctx), required(ctx, "alertId"), action(required(ctx, "action")));
        if (ctx.header("HX-Request") != null) {
            ctx.html(""); // htmx swaps the alert's item for nothing: it leaves the inbox
        } else {
            ctx.redirect(Links.ALERTS, HttpStatus.SEE_OTHER);
        }
    }

    private static FeedbackAction action(String name) {
        return Arrays.stream(FeedbackAction.values()).filter(a -> a.wireName().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("action '" + name + "' is neither acknowledge nor dismiss"));
    }

    private static String required(Context ctx, String field) {
        String value = ctx.formParam(field);
        if (value == null || value.isBlank()) throw new IllegalArgumentException("the form field '" + field + "' is missing");
        return value;
    }

    private static void problem(Context ctx, HttpStatus status, String error, String message) {
        ctx.status(status);
        if (ctx.path().startsWith(Links.API + "/") || ctx.header("HX-Request") != null) {
            ctx.json(new ApiViews.Problem(status.getCode(), error, message));
        } else {
            ctx.contentType("text/plain; charset=utf-8").result(status.getCode() + " " + status.getMessage() + ": " + message);
        }
    }

    /** A student not of the class asked for. */
    static final class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
