package io.learnstream.app.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.app.replay.oulad.OuladData;
import io.learnstream.app.replay.oulad.OuladPresentation;
import io.learnstream.streams.risk.model.RiskFeatures;
import io.learnstream.streams.risk.model.RiskFitter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RiskSnapshotsTest {
    @TempDir
    Path dir;

    private OuladData data;
    private Map<String, OuladRiskClasses.RiskClass> classes;

    @BeforeEach
    void read() throws Exception {
        data = OuladData.read(SyntheticOulad.write(dir));
        classes = OuladRiskClasses.of(data);
    }

    private RiskSnapshots.Presentation snapshots(String classId, List<Long> progress) {
        OuladPresentation p = data.presentation(classId).orElseThrow();
        return new RiskSnapshots().of(p, classes.get(classId), progress::add);
    }

    @Test
    void shouldSnapshotEveryStudentRegisteredAndNotWithdrawnAtEachWeeklyTickLabelledByTheFinalResult() {
        // when AAA's statements are lived through
        List<Long> progress = new ArrayList<>();
        RiskSnapshots.Presentation aaa = snapshots(SyntheticOulad.AAA, progress);

        // then every statement went through, the last progress report says so, and the class has activity data
        OuladPresentation p = data.presentation(SyntheticOulad.AAA).orElseThrow();
        assertThat(aaa.statements()).isEqualTo(p.statementCount());
        assertThat(progress).last().isEqualTo((long) p.statementCount());
        assertThat(aaa.withActivityData()).isTrue();
        assertThat(aaa.students()).isEqualTo(23);

        // and the snapshots are weekly from week 1 to the last day (week 10): students 1 to 20, the one who withdrew on day 30 up to
        // week 4, the one registered on day 10 from week 2, never the one without a registration date
        Map<Long, Long> byWeek = aaa.snapshots().stream().collect(Collectors.groupingBy(s -> s.features().day() / 7, TreeMap::new, Collectors.counting()));
        assertThat(byWeek).containsExactlyEntriesOf(new TreeMap<>(Map.of(1L, 21L, 2L, 22L, 3L, 22L, 4L, 22L, 5L, 21L, 6L, 21L, 7L, 21L,
                8L, 21L, 9L, 21L, 10L, 21L)));
        assertThat(aaa.snapshots()).allMatch(s -> s.features().day() % 7 == 0);
        // the ten who fail every week, and the one who withdrew in weeks 1 to 4
        assertThat(aaa.snapshots().stream().filter(RiskFitter.Snapshot::atRisk).count()).isEqualTo(10 * 10 + 4);
    }

    @Test
    void shouldSeeSubmissionsAsTheLineItemsTheyAreAgainstTheirDueDates() {
        // when AAA's snapshots are taken
        List<RiskFitter.Snapshot> snapshots = snapshots(SyntheticOulad.AAA, new ArrayList<>()).snapshots();

        // then at week 3 (TMA 1 due on day 19) exactly the students at risk have missed it
        assertThat(week(snapshots, 3)).allMatch(s -> s.atRisk() == (s.features().values()[RiskFeatures.MISSED_SHARE] == 1.0));
        // and at week 4 those who fail have submitted it late, with 40
        assertThat(week(snapshots, 4)).filteredOn(s -> s.atRisk() && s.features().submitted() == 1)
                .hasSize(10)
                .allSatisfy(s -> {
                    assertThat(s.features().values()[RiskFeatures.LATE_SHARE]).isEqualTo(1.0);
                    assertThat(s.features().meanScore()).isEqualTo(0.4);
                });
    }

    @Test
    void shouldTellAClassWithoutActivityFromOneWith() {
        // when BBB (no VLE rows) is lived through
        RiskSnapshots.Presentation bbb = snapshots(SyntheticOulad.BBB, new ArrayList<>());

        // then its snapshots are of the assessments-only kind: 8 students in each of 10 weeks
        assertThat(bbb.withActivityData()).isFalse();
        assertThat(bbb.snapshots()).hasSize(80).noneMatch(RiskFitter.Snapshot::withActivityData);
    }

    private static List<RiskFitter.Snapshot> week(List<RiskFitter.Snapshot> snapshots, int week) {
        return snapshots.stream().filter(s -> s.features().day() == 7L * week).toList();
    }
}
