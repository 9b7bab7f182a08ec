package io.learnstream.app.risk;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.app.replay.oulad.OuladData;
import io.learnstream.schemas.avro.ClassLineItem;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OuladRiskClassesTest {
    @TempDir
    Path dir;

    @Test
    void shouldGiveEachClassItsTermStartAndTheLineItemsOfItsAssessmentsDueAtTheEndOfTheirDayInDueOrder() throws Exception {
        // given the synthetic presentations
        OuladData data = OuladData.read(SyntheticOulad.write(dir));

        // when their classes are made as the roster export makes them
        Map<String, OuladRiskClasses.RiskClass> classes = OuladRiskClasses.of(data);

        // then each starts at 00:00 UTC of its first day, and its assessments are due at 23:59:59 UTC of their day (an exam without one: the last day)
        assertThat(classes.keySet()).containsExactly(SyntheticOulad.AAA, SyntheticOulad.BBB);
        OuladRiskClasses.RiskClass aaa = classes.get(SyntheticOulad.AAA);
        assertThat(Instant.ofEpochMilli(aaa.start())).isEqualTo(Instant.parse("2014-10-01T00:00:00Z"));
        assertThat(aaa.lineItems()).extracting(ClassLineItem::getSourcedId, ClassLineItem::getDueDate).containsExactly(
                org.assertj.core.groups.Tuple.tuple("1", Instant.parse("2014-10-20T23:59:59Z")),
                org.assertj.core.groups.Tuple.tuple("2", Instant.parse("2014-11-10T23:59:59Z")),
                org.assertj.core.groups.Tuple.tuple("3", Instant.parse("2014-12-10T23:59:59Z")));
        assertThat(aaa.contextLineItems().getFirst().due()).isEqualTo(Instant.parse("2014-10-20T23:59:59Z").toEpochMilli());
        assertThat(classes.get(SyntheticOulad.BBB).lineItems()).extracting(ClassLineItem::getSourcedId).containsExactly("4", "5", "6");
    }
}
