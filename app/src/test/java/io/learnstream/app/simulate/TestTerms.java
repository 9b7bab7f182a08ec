package io.learnstream.app.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import io.learnstream.app.simulate.activity.Term;
import io.learnstream.app.simulate.district.District;
import io.learnstream.app.simulate.district.DistrictGenerator;
import io.learnstream.app.simulate.district.DistrictSpec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Small districts and terms for tests, and compact observations of generated statements. */
final class TestTerms {

    static final ZoneId ZONE = ZoneId.of("America/Chicago");
    static final LocalDate TERM_START = LocalDate.of(2025, 8, 25); // a Monday

    private TestTerms() {
    }

    static District district(long seed, int schools, int students) {
        return DistrictGenerator.generate(new DistrictSpec("riverside", seed, schools, students, ZONE, 16));
    }

    static StatementGenerator generator(long seed, int schools, int students, int weeks) {
        return StatementGenerator.create(new DistrictSpec("riverside", seed, schools, students, ZONE, weeks), TERM_START);
    }

    /** What the behaviour tests need of a statement, without keeping the whole JSON tree. */
    record Observation(String student, Instant time, OffsetDateTime localTime, int week, String platform, String verb,
                       String course, Boolean success, String skill) {
    }

    static Observation observe(JsonNode statement, Term term) {
        OffsetDateTime local = OffsetDateTime.parse(statement.path("timestamp").asText());
        Instant time = local.toInstant();
        int week = (int) (java.time.Duration.between(term.startInstant(), time).toDays() / 7) + 1;
        JsonNode context = statement.path("context");
        JsonNode result = statement.path("result");
        JsonNode skill = context.path("contextActivities").path("other").path(0).path("id");
        return new Observation(statement.path("actor").path("account").path("name").asText(), time, local, week,
                context.path("platform").asText(), statement.path("verb").path("id").asText(),
                context.path("contextActivities").path("grouping").path(0).path("id").asText(),
                result.has("success") ? result.get("success").asBoolean() : null,
                skill.isMissingNode() ? null : skill.asText());
    }

    static List<Observation> observeAll(StatementGenerator generator) {
        List<Observation> all = new ArrayList<>();
        while (generator.hasNext()) {
            all.add(observe(generator.next(), generator.term()));
        }
        return all;
    }
}
