package io.learnstream.app.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemSkillsFileTest {
    @Test
    void shouldGatherTheSkillsOfEachItemInTheOrderTheFileNamesThem() throws Exception {
        String csv = """
                item_id,title,skill_id
                https://quiz.example.org/q/1,Adding halves,https://sis.example.org/skills/fractions
                https://quiz.example.org/q/2,"Halves, as decimals",https://sis.example.org/skills/fractions
                https://quiz.example.org/q/2,"Halves, as decimals",https://sis.example.org/skills/decimals

                """;

        Map<String, List<String>> skills = ItemSkillsFile.read("map.csv", new StringReader(csv));

        assertThat(skills).containsExactly(
                Map.entry("https://quiz.example.org/q/1", List.of("https://sis.example.org/skills/fractions")),
                Map.entry("https://quiz.example.org/q/2", List.of("https://sis.example.org/skills/fractions", "https://sis.example.org/skills/decimals")));
    }

    @Test
    void shouldNameTheFileLineAndColumnOfAnEmptySkill() {
        String csv = "item_id,skill_id\nq1,fractions\nq2,\n";

        assertThatThrownBy(() -> ItemSkillsFile.read("map.csv", new StringReader(csv)))
                .hasMessage("map.csv: line 3, column 2 (skill_id): must not be empty");
    }

    @Test
    void shouldNameTheMissingColumnOfTheHeader() {
        String csv = "item,skill_id\nq1,fractions\n";

        assertThatThrownBy(() -> ItemSkillsFile.read("map.csv", new StringReader(csv)))
                .hasMessageContaining("map.csv: line 1: the header has no column 'item_id'");
    }
}
