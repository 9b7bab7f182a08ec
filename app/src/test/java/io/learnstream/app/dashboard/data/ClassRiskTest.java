package io.learnstream.app.dashboard.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The class list's risk indicator. */
class ClassRiskTest {
    @Test
    void shouldTellAClassWithoutScoresFromACalmOneAndRaiseTheIndicatorWithTheShareFlagged() {
        assertThat(ClassRisk.unscored("math-7a").level()).isEqualTo("unscored");
        assertThat(new ClassRisk("math-7a", 25, 0, 0.1, List.of()).level()).isEqualTo("low");
        assertThat(new ClassRisk("math-7a", 25, 4, 0.3, List.of("silence")).level()).isEqualTo("some");
        assertThat(new ClassRisk("math-7a", 25, 5, 0.4, List.of("silence")).level()).isEqualTo("high");
    }
}
