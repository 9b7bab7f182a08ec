package io.learnstream.deploy.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnstream.deploy.grafana.TemplateVariables.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateVariablesTest {
    private final TemplateVariables variables = new TemplateVariables()
            .set("district", new Value(List.of("district-7"), false))
            .set("class", new Value(List.of("math-7a", "o'neil-art"), true));

    @Test
    void shouldQuoteAndEscapeEveryValueForSqlstring() {
        assertThat(variables.interpolate("tenant_id = ${district:sqlstring} AND class_id IN (${class:sqlstring})"))
                .isEqualTo("tenant_id = 'district-7' AND class_id IN ('math-7a','o''neil-art')");
    }

    @Test
    void shouldReplaceASingleValueInEverySyntaxGrafanaKnows() {
        assertThat(variables.interpolate("$district ${district} [[district]] ${district:singlequote}"))
                .isEqualTo("district-7 district-7 district-7 'district-7'");
    }

    @Test
    void shouldLeaveMacrosAndGrafanaGlobalsToTheDataSource() {
        assertThat(variables.interpolate("WHERE $__timeFilter(as_of) AND x > $__interval_s"))
                .isEqualTo("WHERE $__timeFilter(as_of) AND x > $__interval_s");
    }

    @Test
    void shouldRefuseAnUnknownVariableAMultiValueWithoutFormatAndAnUnknownFormat() {
        assertThatThrownBy(() -> variables.interpolate("school_id = ${school:sqlstring}")).hasMessageContaining("unknown template variable 'school'");
        assertThatThrownBy(() -> variables.interpolate("class_id IN ($class)")).hasMessageContaining("needs a format");
        assertThatThrownBy(() -> variables.interpolate("${district:json}")).hasMessageContaining("format 'json'");
    }
}
