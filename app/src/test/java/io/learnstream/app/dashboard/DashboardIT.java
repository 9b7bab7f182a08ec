package io.learnstream.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.learnstream.app.dashboard.accounts.Role;
import io.learnstream.app.pipeline.Part;
import io.learnstream.app.roster.RosterExport;
import io.learnstream.app.roster.RosterImporter;
import io.learnstream.app.simulate.activity.Term;
import io.learnstream.app.simulate.district.CourseSection;
import io.learnstream.app.simulate.district.District;
import io.learnstream.app.simulate.district.DistrictGenerator;
import io.learnstream.app.simulate.district.DistrictSpec;
import io.learnstream.app.simulate.district.Student;
import io.learnstream.app.stack.EmbeddedStack;
import io.learnstream.app.stack.EmbeddedStackConfig;
import io.learnstream.ingest.publish.ProducerSettings;
import io.learnstream.schemas.avro.EngagementDaily;
import io.learnstream.schemas.avro.PracticeItem;
import io.learnstream.schemas.avro.RiskReason;
import io.learnstream.schemas.avro.RiskScore;
import io.learnstream.schemas.avro.SkillLevel;
import io.learnstream.schemas.avro.SkillMastery;
import io.learnstream.schemas.avro.StudentCourseDay;
import io.learnstream.schemas.avro.StudentMastery;
import io.learnstream.schemas.avro.StudentSkill;
import io.learnstream.schemas.topic.TopicPublisher;
import io.learnstream.schemas.topic.TopicTable;
import io.learnstream.schemas.topic.TopicTableConfig;
import io.learnstream.schemas.topic.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The teacher dashboard on the embedded stack, with the simulated district's roster imported into two districts
 * ({@code demo}, and {@code other} with the same class and teacher ids): risk scores published as the risk topology
 * publishes them, the alerts the running alerts topology raises from them, engagement and mastery through their sinks.
 * The API is asked by a teacher, a district data team and another district's data team; the pages are driven in
 * headless Chromium (Debian's chromium and chromium-driver, through Selenium), with screenshots in
 * {@code target/dashboard/}.
 */
@Timeout(600)
class DashboardIT {
    private static final Duration BOUND = Duration.ofSeconds(90);
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final Term TERM = new Term(LocalDate.of(2025, 8, 25), 16, ZONE);
    private static final District DISTRICT = DistrictGenerator.generate(new DistrictSpec("riverside", 11, 2, 60, ZONE, 16));
    private static final String DEMO = "demo";
    private static final String OTHER = "other";
    private static final String ELSEWHERE = "elsewhere";
    private static final String PASSWORD = "correct horse battery";
    private static final String FLAGGED = "a1b2c3d4e5f60718";
    private static final String CALM = "0f1e2d3c4b5a6978";
    private static final String NEIGHBOUR = "99aa88bb77cc66dd";
    private static final String LATE = "5555666677778888";
    private static final Instant T0 = TERM.start().atStartOfDay(ZoneId.of("UTC")).toInstant().plus(Duration.ofDays(20));
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @TempDir
    static Path dataDir;
    static EmbeddedStack stack;
    static Dashboard dashboard;
    static TopicPublisher publisher;
    static CourseSection own;
    static CourseSection notOwn;
    static String teacher;
    static Set<String> teachersClasses;

    @BeforeAll
    static void startTheStackWithTwoDistrictsRostersAndScores() throws Exception {
        stack = EmbeddedStack.start(new EmbeddedStackConfig(dataDir, 0, 0, 0, 2, Optional.empty(), EnumSet.allOf(Part.class)),
                new SimpleMeterRegistry());
        dashboard = stack.pipeline().dashboard().orElseThrow();
        Topics topics = stack.pipeline().topics();
        Path export = dataDir.resolve("roster");
        RosterExport.write(DISTRICT, TERM, export);
        for (String district : List.of(DEMO, OTHER, ELSEWHERE)) stack.pipeline().directory().districts().createIfAbsent(district, district);
        RosterImporter.importExport(export, DEMO, topics, stack.kafkaBootstrapServers(), "dashboard-it");
        RosterImporter.importExport(export, OTHER, topics, stack.kafkaBootstrapServers(), "dashboard-it");
        own = DISTRICT.sections().get(0);
        teacher = own.teacherId();
        notOwn = DISTRICT.sections().stream().filter(s -> !s.schoolCode().equals(own.schoolCode())).findFirst().orElseThrow();
        teachersClasses = Files.readAllLines(export.resolve("enrollments.csv")).stream().map(line -> line.split(","))
                .filter(f -> f.length > 6 && f[5].equals(teacher) && f[6].equals("teacher")).map(f -> f[3]).collect(Collectors.toSet());
        dashboard.accounts().put(DEMO, "rivera", Role.TEACHER, Optional.of(teacher), PASSWORD);
        dashboard.accounts().put(DEMO, "data-team", Role.DISTRICT, Optional.empty(), PASSWORD);
        dashboard.accounts().put(ELSEWHERE, "data-team", Role.DISTRICT, Optional.empty(), PASSWORD);
        dashboard.accounts().put(OTHER, "data-team", Role.DISTRICT, Optional.empty(), PASSWORD);
        // the alerts topology addresses alerts by the class-teachers index: wait until it holds the classes' teachers
        try (TopicTable<String, ?> classTeachers = TopicTable.open(topics.classTeachers(), TopicTableConfig.of(stack.kafkaBootstrapServers()))) {
            await().atMost(BOUND).until(() -> classTeachers.get(Topics.tenantScopedKey(OTHER, notOwn.id())).isPresent()
                    && classTeachers.get(Topics.tenantScopedKey(DEMO, notOwn.id())).isPresent());
        }
        publisher = new TopicPublisher(new KafkaProducer<>(ProducerSettings.forIngest(stack.kafkaBootstrapServers(), "dashboard-it")));
        score(DEMO, own.id(), FLAGGED, T0, 0.81, true, reason("silence", "no activity for 9 days"));
        score(DEMO, own.id(), CALM, T0, 0.12, false);
        score(DEMO, notOwn.id(), NEIGHBOUR, T0, 0.9, true, reason("missed", "2 assignments missed"));
        score(OTHER, own.id(), FLAGGED, T0, 0.95, true, reason("silence", "no activity for 12 days"));
        for (int day = 0; day < 10; day++) {
            LocalDate date = TERM.start().plusDays(day + 10);
            publisher.send(topics.engagementDaily(), new StudentCourseDay(DEMO, FLAGGED, own.id(), date),
                    new EngagementDaily(DEMO, FLAGGED, own.id(), date, 40L - 4 * day, 2, 60.0 - 6 * day), 0).join();
        }
        Instant answered = T0.minus(Duration.ofDays(1));
        publisher.send(topics.skillMastery(), new StudentSkill(DEMO, FLAGGED, "fractions"), new SkillMastery(DEMO, FLAGGED, "fractions",
                own.id(), "e-1", 0.92, 12, 11, answered, true, List.of()), answered.toEpochMilli()).join();
        publisher.send(topics.skillMastery(), new StudentSkill(DEMO, FLAGGED, "ratios"), new SkillMastery(DEMO, FLAGGED, "ratios",
                own.id(), "e-2", 0.31, 9, 3, answered, false, List.of(new PracticeItem("ratios", "item-ratios-7", 0.7))), answered.toEpochMilli()).join();
        publisher.send(topics.studentMastery(), Topics.tenantScopedKey(DEMO, FLAGGED), new StudentMastery(DEMO, FLAGGED,
                List.of(new SkillLevel("fractions", 0.92, 12, 11)), List.of(new SkillLevel("ratios", 0.31, 9, 3)),
                List.of(new PracticeItem("ratios", "item-ratios-7", 0.7)), answered), answered.toEpochMilli()).join();
        assertThat(stack.pipeline().awaitCaughtUp(BOUND)).as("caught up").isTrue();
    }

    @AfterAll
    static void stop() {
        if (publisher != null) publisher.close();
        if (stack != null) stack.close();
    }

    @Test
    void shouldShowATeacherOnlyTheClassesTheRosterGivesThemAndTheDistrictTeamEveryClassOfItsDistrict() throws Exception {
        Session rivera = signIn(DEMO, "rivera");
        Session team = signIn(DEMO, "data-team");
        Session elsewhere = signIn(ELSEWHERE, "data-team");

        assertThat(classIds(rivera.get("/api/classes").body())).containsExactlyInAnyOrderElementsOf(teachersClasses).contains(own.id())
                .doesNotContain(notOwn.id());
        assertThat(classIds(team.get("/api/classes").body())).hasSize(DISTRICT.sections().size());
        assertThat(classIds(elsewhere.get("/api/classes").body())).isEmpty();
        // the flagged student first, with the reason; the class's risk indicator counts them
        assertThat(rivera.get("/api/classes/" + own.id()).body()).containsSubsequence(FLAGGED, "no activity for 9 days", CALM);
        assertThat(rivera.get("/api/classes/" + own.id() + "/students/" + FLAGGED).body())
                .contains("\"strengths\":[\"fractions\"]", "\"weaknesses\":[\"ratios\"]", "item-ratios-7", "\"activeMinutes\":60.0");
        // the alerts the topology raised for another teacher's class, and for the other district's class of the same id
        // (addressed to a teacher of the same id there), are not in the demo teacher's inbox
        Session others = signIn(OTHER, "data-team");
        await().atMost(BOUND).until(() -> others.get("/api/alerts").body().contains("no activity for 12 days")
                && team.get("/api/alerts").body().contains(NEIGHBOUR));
        assertThat(rivera.get("/api/alerts").body()).doesNotContain("no activity for 12 days").doesNotContain(NEIGHBOUR);
        assertThat(others.get("/api/alerts").body()).doesNotContain("no activity for 9 days");
    }

    @Test
    void shouldAnswer403ToEveryApiRouteAskedForAnotherTeachersOrAnotherDistrictsData() throws Exception {
        Session rivera = signIn(DEMO, "rivera");
        Session elsewhere = signIn(ELSEWHERE, "data-team");
        Session team = signIn(DEMO, "data-team");
        // (an alert of the teacher's class: the flagged student's, or the later one's once the browser test answered that)
        await().atMost(BOUND).until(() -> team.get("/api/alerts?classId=" + notOwn.id()).body().contains(NEIGHBOUR)
                && team.get("/api/alerts?classId=" + own.id()).body().contains("alertId"));
        String neighboursAlert = alertIdOf(team.get("/api/alerts?classId=" + notOwn.id()).body());
        String ownClassAlert = alertIdOf(team.get("/api/alerts?classId=" + own.id()).body());

        for (var asked : List.of(new Object[] {rivera, notOwn.id(), NEIGHBOUR, neighboursAlert}, new Object[] {elsewhere, own.id(), FLAGGED, ownClassAlert})) {
            Session who = (Session) asked[0];
            String classId = (String) asked[1];
            assertThat(who.get("/api/classes/" + classId).statusCode()).as("class of another").isEqualTo(403);
            assertThat(who.get("/api/classes/" + classId + "/students/" + asked[2]).statusCode()).as("student of another").isEqualTo(403);
            assertThat(who.get("/api/alerts?classId=" + classId).statusCode()).as("alerts of another").isEqualTo(403);
            assertThat(who.post("/api/alerts/acknowledge", "alertId=" + enc((String) asked[3])).statusCode()).as("ack another's").isEqualTo(403);
            assertThat(who.post("/api/alerts/dismiss", "alertId=" + enc((String) asked[3])).statusCode()).as("dismiss another's").isEqualTo(403);
            assertThat(who.get("/classes/" + classId).statusCode()).as("page of another's class").isEqualTo(403);
            assertThat(who.get("/classes/" + classId + "/students/" + asked[2]).statusCode()).as("page of another's student").isEqualTo(403);
        }
        // and without a session, or without the session's CSRF token
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(dashboard.baseUrl() + "/api/classes")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create(dashboard.baseUrl() + "/api/alerts/dismiss")).header("Cookie", rivera.cookie)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("alertId=" + enc(ownClassAlert)))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    }

    @Test
    void shouldNameARosterStudentToTheirTeacherAndToNoTeacherOfAnotherClass() throws Exception {
        // given a roster student of another class of the teacher's, flagged under the key their district gives them
        Student student = DISTRICT.students().stream().filter(s -> s.name().matches("[A-Za-z]+ [A-Za-z ]+"))
                .filter(s -> s.sectionIds().stream().anyMatch(id -> teachersClasses.contains(id) && !id.equals(own.id()))).findFirst().orElseThrow();
        String classId = student.sectionIds().stream().filter(id -> teachersClasses.contains(id) && !id.equals(own.id())).findFirst().orElseThrow();
        String key = stack.pipeline().directory().districts().pseudonymKey(DEMO).orElseThrow().studentKey("roster:" + student.sisId());
        Set<String> classTeachers = Files.readAllLines(dataDir.resolve("roster").resolve("enrollments.csv")).stream().map(line -> line.split(","))
                .filter(f -> f.length > 6 && f[3].equals(classId) && f[6].equals("teacher")).map(f -> f[5]).collect(Collectors.toSet());
        String lee = DISTRICT.teachers().stream().map(t -> t.sisId()).filter(t -> !t.equals(teacher) && !classTeachers.contains(t))
                .findFirst().orElseThrow();
        dashboard.accounts().put(DEMO, "lee", Role.TEACHER, Optional.of(lee), PASSWORD);
        score(DEMO, classId, key, T0, 0.83, true, reason("silence", "no activity for 11 days"));
        Session rivera = signIn(DEMO, "rivera");
        Session other = signIn(DEMO, "lee");
        Session team = signIn(DEMO, "data-team");
        await().atMost(BOUND).until(() -> rivera.get("/api/alerts").body().contains(key));

        // then the teacher sees the name on the class page, the student page and the inbox; a learner outside the roster keeps their key
        assertThat(rivera.get("/classes/" + classId).body()).contains(">" + student.name() + "</a>");
        assertThat(rivera.get("/classes/" + classId + "/students/" + key).body()).contains("<h1>" + student.name() + "</h1>");
        assertThat(rivera.get("/alerts").body()).contains(">" + student.name() + "</a>");
        assertThat(rivera.get("/classes/" + own.id()).body()).contains(">" + FLAGGED + "</a>");
        assertThat(team.get("/alerts").body()).contains(student.name());
        // and a teacher of other classes gets it nowhere: not on their pages, not in the class list or inbox
        assertThat(other.get("/classes/" + classId).statusCode()).isEqualTo(403);
        assertThat(other.get("/classes/" + classId + "/students/" + key).statusCode()).isEqualTo(403);
        for (String page : List.of("/classes", "/alerts", "/api/alerts", "/api/classes")) {
            assertThat(other.get(page).body()).as(page).doesNotContain(student.name()).doesNotContain(key);
        }
    }

    @Test
    void shouldLetATeacherSignInOpenAStudentAnswerAnAlertAndSeeANewOneArriveWithoutAReload() throws Exception {
        Path shots = Path.of("target", "dashboard");
        Files.createDirectories(shots);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        WebDriver browser = new ChromeDriver(service, options);
        try {
            WebDriverWait wait = new WebDriverWait(browser, BOUND);
            // sign in
            browser.get(dashboard.baseUrl() + "/login");
            browser.findElement(By.id("district")).sendKeys(DEMO);
            browser.findElement(By.id("username")).sendKeys("rivera");
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.id("sign-in")).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("classes")));
            // only one's own classes
            List<String> listed = browser.findElements(By.cssSelector("#classes tbody tr")).stream().map(row -> row.getDomAttribute("data-class")).toList();
            assertThat(listed).containsExactlyInAnyOrderElementsOf(teachersClasses).doesNotContain(notOwn.id());
            screenshot(browser, shots.resolve("classes.png"));
            // the class, then the student
            browser.findElement(By.linkText(own.title())).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.id("students")));
            assertThat(browser.findElement(By.cssSelector("#students tbody tr")).getText()).contains(FLAGGED, "flagged", "no activity for 9 days");
            screenshot(browser, shots.resolve("class.png"));
            browser.findElement(By.linkText(FLAGGED)).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#engagement-chart canvas")));
            assertThat(browser.getCurrentUrl()).endsWith("/classes/" + own.id() + "/students/" + FLAGGED);
            assertThat(browser.findElement(By.id("strengths")).getText()).contains("fractions");
            assertThat(browser.findElement(By.id("practice")).getText()).contains("item-ratios-7");
            screenshot(browser, shots.resolve("student.png"));
            // the inbox: acknowledge the alert, it leaves
            browser.findElement(By.id("nav-alerts")).click();
            wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "open"));
            WebElement alert = browser.findElement(By.cssSelector("#inbox li[data-alert-id*='" + FLAGGED + "']"));
            String alertId = alert.getDomAttribute("data-alert-id");
            screenshot(browser, shots.resolve("inbox.png"));
            alert.findElement(By.cssSelector("button.ack")).click();
            wait.until(ExpectedConditions.stalenessOf(alert));
            assertThat(browser.findElements(By.cssSelector("#inbox li[data-alert-id='" + alertId + "']"))).isEmpty();
            // the pipeline closes it on reading the answer: acknowledged by the teacher
            Session team = signIn(DEMO, "data-team");
            await().atMost(BOUND).until(() -> !team.get("/api/alerts").body().contains(alertId));
            // a new flag in the class raises an alert that arrives without a reload
            score(DEMO, own.id(), LATE, T0.plus(Duration.ofHours(2)), 0.77, true, reason("missed", "3 assignments missed"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#inbox li[data-alert-id*='" + LATE + "']")));
            assertThat(browser.findElement(By.id("inbox")).getText()).contains("3 assignments missed");
            screenshot(browser, shots.resolve("inbox-live.png"));
            // a changed flag in the class list, without a reload: the calm student flagged for another reason
            browser.findElement(By.linkText("Classes")).click();
            wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-live", "open"));
            By ownRow = By.cssSelector("#classes tr[data-class='" + own.id() + "']");
            WebElement before = browser.findElement(ownRow);
            assertThat(before.findElement(By.cssSelector(".flagged-count")).getText()).isEqualTo("2 of 3");
            score(DEMO, own.id(), CALM, T0.plus(Duration.ofHours(3)), 0.66, true, reason("quiz", "4 quizzes failed"));
            wait.until(ExpectedConditions.stalenessOf(before));
            wait.until(ExpectedConditions.textToBe(By.cssSelector("#classes tr[data-class='" + own.id() + "'] .flagged-count"), "3 of 3"));
            assertThat(browser.findElement(ownRow).findElement(By.cssSelector(".factors")).getText()).contains("quiz");
            screenshot(browser, shots.resolve("classes-live.png"));
        } finally {
            browser.quit();
        }
    }

    // helpers

    private record Session(String cookie, String csrf) {
        HttpResponse<String> get(String path) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create(dashboard.baseUrl() + path)).header("Cookie", cookie).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws Exception {
            return HTTP.send(HttpRequest.newBuilder(URI.create(dashboard.baseUrl() + path)).header("Cookie", cookie)
                    .header("X-CSRF-Token", csrf).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static Session signIn(String district, String username) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(dashboard.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("district=" + enc(district) + "&username=" + enc(username) + "&password=" + enc(PASSWORD)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("sign-in of %s/%s", district, username).isEqualTo(303);
        String setCookie = response.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        String cookie = setCookie.split(";", 2)[0];
        String page = HTTP.send(HttpRequest.newBuilder(URI.create(dashboard.baseUrl() + "/classes")).header("Cookie", cookie).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("\"X-CSRF-Token\": \"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("CSRF token on the page").isTrue();
        return new Session(cookie, csrf.group(1));
    }

    private static List<String> classIds(String json) {
        Matcher m = Pattern.compile("\"classId\":\"([^\"]+)\"").matcher(json);
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) ids.add(m.group(1));
        return ids;
    }

    private static String alertIdOf(String json) {
        Matcher m = Pattern.compile("\"alertId\":\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as("an alert in " + json).isTrue();
        return m.group(1);
    }

    private static void score(String tenant, String classId, String student, Instant asOf, double probability, boolean flagged,
            RiskReason... reasons) {
        RiskScore score = RiskScore.newBuilder().setTenantId(tenant).setClassId(classId).setStudentKey(student).setAsOf(asOf)
                .setDayOfClass(20).setProbability(probability).setFlagged(flagged).setReasons(List.of(reasons))
                .setFeatures(Map.of()).setTrigger("event").setModelVersion(1).build();
        publisher.send(stack.pipeline().topics().riskScores(), Topics.tenantScopedKey(tenant, classId), score, asOf.toEpochMilli()).join();
    }

    private static RiskReason reason(String factor, String text) {
        return RiskReason.newBuilder().setFactor(factor).setText(text).setValue(1).setContribution(1).build();
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static void screenshot(WebDriver browser, Path to) throws Exception {
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), to, StandardCopyOption.REPLACE_EXISTING);
    }

}
