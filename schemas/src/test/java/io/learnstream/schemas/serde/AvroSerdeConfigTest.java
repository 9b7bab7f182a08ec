package io.learnstream.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AvroSerdeConfigTest {
    @Test
    void shouldAutoRegisterByDefault() {
        assertThat(AvroSerdeConfig.from(Map.of()).autoRegisterSchemas()).isTrue();
    }

    @Test
    void shouldReadAutoRegisterFalse() {
        assertThat(AvroSerdeConfig.from(Map.of("auto.register.schemas", "FALSE")).autoRegisterSchemas()).isFalse();
    }

    @Test
    void shouldRejectAnAutoRegisterValueThatIsNotABoolean() {
        assertThatThrownBy(() -> AvroSerdeConfig.from(Map.of("auto.register.schemas", "yes")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("auto.register.schemas must be true or false, got 'yes'");
    }

    @Test
    void shouldNameSubjectsByTopic() {
        assertThat(TopicNameStrategy.subject("t", true)).isEqualTo("t-key");
        assertThat(TopicNameStrategy.subject("t", false)).isEqualTo("t-value");
    }
}
