package io.learnstream.app.dashboard.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.learnstream.app.dashboard.Dashboard;
import io.learnstream.app.dashboard.DashboardConfig;
import io.learnstream.app.dashboard.accounts.Role;
import io.learnstream.app.pipeline.Part;
import io.learnstream.app.roster.RosterExport;
import io.learnstream.app.roster.RosterImporter;
import io.learnstream.app.simulate.activity.Term;
import io.learnstream.app.simulate.district.CourseSection;
import io.learnstream.app.simulate.district.District;
import io.learnstream.app.simulate.district.DistrictGenerator;
import io.learnstream.app.simulate.district.DistrictSpec;
import io.learnstream.app.stack.EmbeddedStack;
import io.learnstream.app.stack.EmbeddedStackConfig;
import io.learnstream.schemas.avro.RosterUser;
import io.learnstream.schemas.topic.TopicTable;
import io.learnstream.schemas.topic.TopicTableConfig;
import io.learnstream.schemas.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sign-in to the dashboard at a district's OpenID Connect provider (mock-oauth2-server, issuer {@code demo}) on the
 * embedded stack (the analytics, whose roster index the dashboard decides access by, and the dashboard) with the simulated district's roster imported as {@code demo}: a browser (java.net.http keeping
 * cookies) follows the redirects from the dashboard to the provider and back; the provider vouches for whoever the
 * test enqueues.
 */
@Timeout(300)
class DashboardOidcIT {
    private static final Duration BOUND = Duration.ofSeconds(90);
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final Term TERM = new Term(LocalDate.of(2025, 8, 25), 16, ZONE);
    private static final District DISTRICT = DistrictGenerator.generate(new DistrictSpec("riverside", 11, 2, 60, ZONE, 16));
    private static final String DEMO = "demo";
    private static final String CLIENT_ID = "learnstream-dashboard";

    @TempDir
    static Path dataDir;
    static MockOAuth2Server provider;
    static EmbeddedStack stack;
    static Dashboard dashboard;
    static String teacherEmail;
    static Set<String> teachersClasses;
    static CourseSection notOwn;

    @BeforeAll
    static void startTheProviderAndTheStackWithTheDistrictsRoster() throws Exception {
        provider = new MockOAuth2Server();
        provider.start();
        OidcDistrict demo = new OidcDistrict(DEMO, "Riverside staff login", provider.issuerUrl(DEMO).uri(), CLIENT_ID, "s3cret",
                OidcDistrict.DEFAULT_CLAIM, OidcDistrict.RosterField.EMAIL, OidcDistrict.DEFAULT_SCOPES);
        stack = EmbeddedStack.start(new EmbeddedStackConfig(dataDir, 0, 0, 0, 1, Optional.empty(), EnumSet.of(Part.ANALYTICS, Part.DASHBOARD),
                DashboardConfig.defaults().withOidc(List.of(demo))), new SimpleMeterRegistry());
        dashboard = stack.pipeline().dashboard().orElseThrow();
        Topics topics = stack.pipeline().topics();
        Path export = dataDir.resolve("roster");
        RosterExport.write(DISTRICT, TERM, export);
        stack.pipeline().directory().districts().createIfAbsent(DEMO, DEMO);
        RosterImporter.importExport(export, DEMO, topics, stack.kafkaBootstrapServers(), "dashboard-oidc-it");
        CourseSection own = DISTRICT.sections().get(0);
        String teacher = own.teacherId();
        notOwn = DISTRICT.sections().stream().filter(s -> !s.schoolCode().equals(own.schoolCode())).findFirst().orElseThrow();
        teachersClasses = Files.readAllLines(export.resolve("enrollments.csv")).stream().map(line -> line.split(","))
                .filter(f -> f.length > 6 && f[5].equals(teacher) && f[6].equals("teacher")).map(f -> f[3]).collect(Collectors.toSet());
        dashboard.accounts().put(DEMO, "data.team@riverside.example", Role.DISTRICT, Optional.empty(), "correct horse battery");
        try (TopicTable<String, RosterUser> users = TopicTable.open(topics.rosterUsers(), TopicTableConfig.of(stack.kafkaBootstrapServers()));
                TopicTable<String, ?> classTeachers = TopicTable.open(topics.classTeachers(), TopicTableConfig.of(stack.kafkaBootstrapServers()))) {
            await().atMost(BOUND).until(() -> users.get(Topics.tenantScopedKey(DEMO, teacher)).isPresent()
                    && classTeachers.get(Topics.tenantScopedKey(DEMO, notOwn.id())).isPresent());
            teacherEmail = users.get(Topics.tenantScopedKey(DEMO, teacher)).orElseThrow().getEmail();
        }
        assertThat(teacherEmail).as("the roster teacher's e-mail").isNotBlank();
    }

    @AfterAll
    static void stop() {
        if (stack != null) stack.close();
        if (provider != null) provider.shutdown();
    }

    @Test
    void shouldSignInARosterTeacherByTheirEmailAndShowThemOnlyTheirClasses() throws Exception {
        Browser browser = new Browser();
        enqueue(Map.of("email", teacherEmail.toUpperCase(java.util.Locale.ROOT)));

        HttpResponse<String> landed = browser.signInAtProvider(UnaryOperator.identity());

        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(200);
        assertThat(landed.body()).contains("http-equiv=\"refresh\"", "url=/classes");
        assertThat(landed.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("learnstream_session=")
                .contains("HttpOnly").containsIgnoringCase("SameSite=Strict"));
        HttpResponse<String> classes = browser.get("/api/classes");
        assertThat(classes.statusCode()).isEqualTo(200);
        assertThat(classIds(classes.body())).containsExactlyInAnyOrderElementsOf(teachersClasses).doesNotContain(notOwn.id());
        assertThat(browser.get("/classes/" + notOwn.id()).statusCode()).as("another teacher's class").isEqualTo(403);
    }

    @Test
    void shouldSignInTheDistrictsDataTeamAccountOfThatNameFirst() throws Exception {
        Browser browser = new Browser();
        enqueue(Map.of("email", "data.team@riverside.example"));

        assertThat(browser.signInAtProvider(UnaryOperator.identity()).statusCode()).isEqualTo(200);

        assertThat(classIds(browser.get("/api/classes").body())).hasSize(DISTRICT.sections().size());
    }

    @Test
    void shouldRefuseAnEmailNoRosterTeacherHasWithTheReasonAndNoSession() throws Exception {
        Browser browser = new Browser();
        enqueue(Map.of("email", "stranger@elsewhere.example"));

        HttpResponse<String> landed = browser.signInAtProvider(UnaryOperator.identity());

        assertThat(landed.statusCode()).isEqualTo(403);
        assertThat(landed.body()).contains("no roster teacher with e-mail stranger@elsewhere.example in district demo", "id=\"login-form\"");
        assertThat(landed.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).startsWith("learnstream_session="));
        assertThat(browser.get("/api/classes").statusCode()).isEqualTo(401);
    }

    @Test
    void shouldRefuseATamperedState() throws Exception {
        Browser browser = new Browser(); // (nothing enqueued: the provider is never asked for a token)

        HttpResponse<String> landed = browser.signInAtProvider(callback -> URI.create(callback.toString().replaceAll("state=[^&]+", "state=forged")));

        assertThat(landed.statusCode()).isEqualTo(403);
        assertThat(landed.body()).contains("the sign-in is unknown, used or older than 10 minutes");
        assertThat(browser.get("/api/classes").statusCode()).isEqualTo(401);
    }

    @Test
    void shouldRefuseAnIdTokenOfAnotherNonce() throws Exception {
        Browser browser = new Browser();
        enqueue(Map.of("email", teacherEmail, "nonce", "wrong"));

        HttpResponse<String> landed = browser.signInAtProvider(UnaryOperator.identity());

        assertThat(landed.statusCode()).isEqualTo(403);
        assertThat(landed.body()).contains("the provider's ID token is not valid: Unexpected JWT nonce");
        assertThat(browser.get("/api/classes").statusCode()).isEqualTo(401);
    }

    @Test
    void shouldRefuseACallbackFromABrowserThatDidNotStartTheSignIn() throws Exception {
        Browser starter = new Browser(); // (nothing enqueued: the provider is never asked for a token)
        URI callback = starter.callbackFromProvider();

        HttpResponse<String> landed = new Browser().follow(callback);

        assertThat(landed.statusCode()).isEqualTo(403);
        assertThat(landed.body()).contains("the sign-in was started in another browser");
        // and the state is spent: the browser that started it cannot use it either now
        assertThat(starter.follow(callback).body()).contains("the sign-in is unknown, used or older than 10 minutes");
    }

    @Test
    void shouldOfferASignInLinkPerConfiguredDistrictOnTheLoginPage() throws Exception {
        assertThat(new Browser().get("/login").body()).contains("href=\"/login/oidc/demo\"", "Sign in with Riverside staff login");
    }

    // helpers

    private static void enqueue(Map<String, Object> claims) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(DEMO, "subject-" + claims.get("email"), "JWT", List.of(CLIENT_ID), claims, 360));
    }

    private static List<String> classIds(String json) {
        Matcher m = Pattern.compile("\"classId\":\"([^\"]+)\"").matcher(json);
        List<String> ids = new ArrayList<>();
        while (m.find()) ids.add(m.group(1));
        return ids;
    }

    /** A browser: its own cookies, redirects followed one by one (so a test can alter the provider's answer). */
    private static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return send(URI.create(dashboard.baseUrl() + path));
        }

        /** Starts at the dashboard's sign-in link, up to the provider's redirect back (not followed). */
        URI callbackFromProvider() throws Exception {
            HttpResponse<String> toProvider = get("/login/oidc/" + DEMO);
            assertThat(toProvider.statusCode()).as(toProvider.body()).isEqualTo(302);
            URI authorize = URI.create(toProvider.headers().firstValue("Location").orElseThrow());
            assertThat(authorize.toString()).startsWith(provider.issuerUrl(DEMO).toString()).contains("code_challenge_method=S256", "nonce=", "state=");
            HttpResponse<String> back = send(authorize);
            assertThat(back.statusCode()).as(back.body()).isBetween(301, 303);
            URI callback = URI.create(back.headers().firstValue("Location").orElseThrow());
            assertThat(callback.getPath()).isEqualTo("/login/oidc/" + DEMO + "/callback");
            return callback;
        }

        HttpResponse<String> signInAtProvider(UnaryOperator<URI> alterCallback) throws Exception {
            return follow(alterCallback.apply(callbackFromProvider()));
        }

        HttpResponse<String> follow(URI callback) throws Exception {
            return send(callback);
        }

        private HttpResponse<String> send(URI uri) throws Exception {
            return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
