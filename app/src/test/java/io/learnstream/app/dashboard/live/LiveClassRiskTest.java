package io.learnstream.app.dashboard.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.app.dashboard.data.ClassRisk;
import io.learnstream.app.dashboard.data.ScoredStudent;
import io.learnstream.schemas.avro.RiskReason;
import io.learnstream.schemas.avro.RiskScore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The class list's live indicator: the table's current scores with the feed's newer ones the sink has not written yet. */
class LiveClassRiskTest {
    private static final Instant MONDAY = Instant.parse("2026-09-14T12:00:00Z");
    private static final Instant TUESDAY = MONDAY.plusSeconds(86_400);

    private final List<ScoredStudent> table = new ArrayList<>(List.of(
            new ScoredStudent("st-calm", MONDAY, 0.1, false, false, Optional.empty()),
            new ScoredStudent("st-quiet", MONDAY, 0.8, true, false, Optional.of("silence"))));
    private final LiveClassRisk live = new LiveClassRisk((tenant, classId) -> tenant.equals("riverside") && classId.equals("math-7a") ? table : List.of());

    @Test
    void shouldCountAFlagTheFeedDeliveredBeforeTheSinkWroteIt() {
        ClassRisk risk = live.scored(score("st-calm", TUESDAY, 0.7, true, "missed"));

        assertThat(risk.flagged()).isEqualTo(2);
        assertThat(risk.students()).isEqualTo(2);
        assertThat(risk.topFactors()).containsExactly("missed", "silence");
        assertThat(live.inFlight()).isEqualTo(1);
    }

    @Test
    void shouldLetGoOfAFeedScoreOnceTheTableShowsItOrALaterOne() {
        live.scored(score("st-calm", TUESDAY, 0.7, true, "missed"));
        table.set(0, new ScoredStudent("st-calm", TUESDAY.plusSeconds(60), 0.2, false, false, Optional.empty()));

        ClassRisk risk = live.current("riverside", "math-7a");

        assertThat(risk.flagged()).as("the table's later score wins").isEqualTo(1);
        assertThat(live.inFlight()).isZero();
    }

    @Test
    void shouldNotLetALateScoreOfAnEarlierMomentReplaceTheCurrentOne() {
        ClassRisk risk = live.scored(score("st-quiet", MONDAY.minusSeconds(3600), 0.05, false, null));

        assertThat(risk.flagged()).isEqualTo(1);
    }

    private static RiskScore score(String student, Instant asOf, double probability, boolean flagged, String factor) {
        List<RiskReason> reasons = factor == null ? List.of()
                : List.of(RiskReason.newBuilder().setFactor(factor).setText(factor).setValue(1).setContribution(1).build());
        return RiskScore.newBuilder().setTenantId("riverside").setClassId("math-7a").setStudentKey(student).setAsOf(asOf).setDayOfClass(14)
                .setProbability(probability).setFlagged(flagged).setReasons(reasons).setFeatures(Map.of()).setTrigger("event")
                .setModelVersion(1).build();
    }
}
