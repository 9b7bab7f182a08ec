package io.learnstream.streams.mastery.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParameterSetTest {
  @Test
  void shouldRebuildTheSameParametersFromItsEntries() {
    ParameterSet defaults = ParameterSet.defaults();
    Map<String, Map<String, Double>> entries = defaults.entries();
    assertThat(ParameterSet.fromEntries(entries).entries()).isEqualTo(entries);
  }

  @Test
  void shouldReadWhatItWrote() throws Exception {
    ParameterSet defaults = ParameterSet.defaults();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    defaults.write(out);
    assertThat(ParameterSet.read(new ByteArrayInputStream(out.toByteArray())).entries())
        .isEqualTo(defaults.entries());
  }

  @Test
  void shouldShipFittedItemsWithTheirSkills() {
    ParameterSet defaults = ParameterSet.defaults();
    assertThat(defaults.itemCount()).isGreaterThan(1000);
    assertThat(defaults.bktSkills()).isNotEmpty();
    Map.Entry<String, Map<String, Double>> item = defaults.entries().entrySet().stream()
        .filter(e -> e.getKey().startsWith("logistic/item/")).findFirst().orElseThrow();
    assertThat(item.getValue()).containsKey("bias").anySatisfy((name, value) -> assertThat(name).startsWith("skill/"));
  }

  @Test
  void shouldOfferUntrainedPriorsWithoutItems() {
    ParameterSet untrained = ParameterSet.untrained();
    assertThat(untrained.itemCount()).isZero();
    assertThat(untrained.bkt("any")).isEqualTo(BktParameters.TYPICAL);
    double p = new MasteryModel(untrained).predictItem("i", List.of("s"), StudentState.initial(), Map.of());
    assertThat(p).isCloseTo(Bkt.predictCorrect(0.4, BktParameters.TYPICAL),
        org.assertj.core.api.Assertions.within(1e-12));
  }
}
