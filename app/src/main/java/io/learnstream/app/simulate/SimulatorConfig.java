package io.learnstream.app.simulate;

import io.learnstream.app.simulate.activity.Term;
import io.learnstream.app.simulate.district.DistrictSpec;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * What the district simulator does, validated at construction. Build one with {@link #builder(URI, Path)}.
 *
 * @param baseUrl the learnstream server, e.g. {@code http://localhost:8080}; statements go to
 *                {@code {baseUrl}/xAPI/statements}
 * @param rate statements per second of real time to post, on average; the simulated clock runs as fast as that
 * @param batchSize statements per POST
 * @param duration how long to run in real time; empty to run until {@link Simulator#stop()} or the end of the term
 * @param seed the random seed: the same seed gives the same district and the same statements
 * @param students number of students in the district
 * @param schools number of schools
 * @param stateDir the directory of the state file ({@value #STATE_FILE_NAME}) that lets the next run continue the term
 * @param credentials HTTP Basic key and secret, if the server asks for them
 * @param termStart the first day of the term on a first run; empty for the Monday {@code termWeeks} weeks before today
 * @param termWeeks the length of the term in weeks
 * @param district the district's slug, naming its hosts ({@code sis.<district>.example.org})
 * @param zone the district's time zone
 * @param concurrency at most this many POSTs in flight
 */
public record SimulatorConfig(URI baseUrl, double rate, int batchSize, Optional<Duration> duration, long seed,
                              int students, int schools, Path stateDir, Optional<Credentials> credentials,
                              Optional<LocalDate> termStart, int termWeeks, String district, ZoneId zone,
                              int concurrency) {

    public static final String STATE_FILE_NAME = "state.json";
    public static final double DEFAULT_RATE = 500;
    public static final int DEFAULT_BATCH_SIZE = 50;
    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_STUDENTS = 300;
    public static final int DEFAULT_SCHOOLS = 3;
    public static final String DEFAULT_DISTRICT = "riverside";
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("America/Chicago");
    public static final int DEFAULT_CONCURRENCY = 4;

    static final double MAX_RATE = 1_000_000;
    static final int MAX_BATCH_SIZE = 1_000;
    static final int MAX_STUDENTS = 100_000;
    static final int MAX_SCHOOLS = 1_000;
    static final int MAX_TERM_WEEKS = 52;
    static final int MAX_CONCURRENCY = 256;
    static final Duration MAX_DURATION = Duration.ofDays(3650);

    public SimulatorConfig {
        Objects.requireNonNull(baseUrl, "baseUrl must not be null");
        Objects.requireNonNull(duration, "duration must not be null (use Optional.empty() to run until stopped)");
        Objects.requireNonNull(stateDir, "stateDir must not be null");
        Objects.requireNonNull(credentials, "credentials must not be null (use Optional.empty() for none)");
        Objects.requireNonNull(termStart, "termStart must not be null (use Optional.empty() for the default)");
        Objects.requireNonNull(zone, "zone must not be null");
        if (!"http".equalsIgnoreCase(baseUrl.getScheme()) && !"https".equalsIgnoreCase(baseUrl.getScheme())) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, was '" + baseUrl + "'");
        }
        if (baseUrl.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must name a host, was '" + baseUrl + "'");
        }
        if (baseUrl.getRawQuery() != null || baseUrl.getRawFragment() != null) {
            throw new IllegalArgumentException("baseUrl must have no query or fragment, was '" + baseUrl + "'");
        }
        if (!(rate > 0 && rate <= MAX_RATE)) {
            throw new IllegalArgumentException("rate must be in (0, " + (long) MAX_RATE + "] statements per second, was " + rate);
        }
        requireRange("batchSize", batchSize, 1, MAX_BATCH_SIZE);
        duration.ifPresent(d -> {
            if (d.isNegative() || d.isZero() || d.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException("duration must be positive and at most " + MAX_DURATION + ", was " + d);
            }
        });
        requireRange("schools", schools, 1, MAX_SCHOOLS);
        requireRange("students", students, schools, MAX_STUDENTS);
        requireRange("termWeeks", termWeeks, 1, MAX_TERM_WEEKS);
        requireRange("concurrency", concurrency, 1, MAX_CONCURRENCY);
        new DistrictSpec(district, seed, schools, students, zone, termWeeks); // validates the district slug
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], was " + value);
        }
    }

    public static Builder builder(URI baseUrl, Path stateDir) {
        return new Builder(baseUrl, stateDir);
    }

    /** What to generate the district from. */
    public DistrictSpec districtSpec() {
        return new DistrictSpec(district, seed, schools, students, zone, termWeeks);
    }

    /** {@code {baseUrl}/xAPI/statements}. */
    public URI statementsEndpoint() {
        String base = baseUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/xAPI/statements");
    }

    public Path stateFile() {
        return stateDir.resolve(STATE_FILE_NAME);
    }

    /** The term of a first run: from {@link #termStart()}, or from the default start given today's date. */
    public Term firstTerm(java.time.Clock clock) {
        return new Term(termStart.orElseGet(() -> Term.defaultStart(clock, termWeeks)), termWeeks, zone);
    }

    /** Builds a {@link SimulatorConfig}; unset values take the defaults ({@code DEFAULT_*}). */
    public static final class Builder {
        private final URI baseUrl;
        private final Path stateDir;
        private double rate = DEFAULT_RATE;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Duration duration;
        private long seed = DEFAULT_SEED;
        private int students = DEFAULT_STUDENTS;
        private int schools = DEFAULT_SCHOOLS;
        private Credentials credentials;
        private LocalDate termStart;
        private int termWeeks = Term.DEFAULT_WEEKS;
        private String district = DEFAULT_DISTRICT;
        private ZoneId zone = DEFAULT_ZONE;
        private int concurrency = DEFAULT_CONCURRENCY;

        private Builder(URI baseUrl, Path stateDir) {
            this.baseUrl = baseUrl;
            this.stateDir = stateDir;
        }

        public Builder rate(double statementsPerSecond) {
            this.rate = statementsPerSecond;
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Run for this long in real time; null to run until stopped or the term ends. */
        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder students(int students) {
            this.students = students;
            return this;
        }

        public Builder schools(int schools) {
            this.schools = schools;
            return this;
        }

        /** HTTP Basic credentials; null for none. */
        public Builder credentials(Credentials credentials) {
            this.credentials = credentials;
            return this;
        }

        /** First day of the term on a first run; null for the default. */
        public Builder termStart(LocalDate termStart) {
            this.termStart = termStart;
            return this;
        }

        public Builder termWeeks(int termWeeks) {
            this.termWeeks = termWeeks;
            return this;
        }

        public Builder district(String slug) {
            this.district = slug;
            return this;
        }

        public Builder zone(ZoneId zone) {
            this.zone = zone;
            return this;
        }

        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(baseUrl, rate, batchSize, Optional.ofNullable(duration), seed, students, schools,
                    stateDir, Optional.ofNullable(credentials), Optional.ofNullable(termStart), termWeeks, district, zone,
                    concurrency);
        }
    }
}
