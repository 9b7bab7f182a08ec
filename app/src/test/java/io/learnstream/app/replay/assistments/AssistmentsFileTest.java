package io.learnstream.app.replay.assistments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssistmentsFileTest {
    private static final String HEADER = "user_id\titem_id\ttimestamp\tcorrect\tskill_id\n";

    @Test
    void shouldReadTheRowsInFileOrderWithTheirLines() throws IOException {
        List<AssistmentsRow> rows = AssistmentsFile.read("train.tsv", new StringReader(HEADER
                + "7\t101\t0\t1\t10_13\n"
                + "7\t102\t0\t0\t\n"
                + "8\t101\t0\t1\t10_13\n"));

        assertThat(rows).containsExactly(
                new AssistmentsRow(2, "7", "101", true, "10_13"),
                new AssistmentsRow(3, "7", "102", false, ""),
                new AssistmentsRow(4, "8", "101", true, "10_13"));
    }

    @Test
    void shouldFindTheColumnsByTheirNamesInAnyOrder() throws IOException {
        List<AssistmentsRow> rows = AssistmentsFile.read("x.tsv", new StringReader("skill_id\tcorrect\titem_id\tuser_id\textra\n3\t1\t9\tu1\tz\n"));

        assertThat(rows).containsExactly(new AssistmentsRow(2, "u1", "9", true, "3"));
    }

    @Test
    void shouldReadAGzippedFileByItsContentNotItsName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("test.tsv");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((HEADER + "1\t2\t0\t0\t5\n").getBytes(StandardCharsets.UTF_8));
        }

        assertThat(AssistmentsFile.read(file)).containsExactly(new AssistmentsRow(2, "1", "2", false, "5"));
    }

    @Test
    void shouldNameTheFileLineAndColumnOfAnOutcomeThatIsNotZeroOrOne() {
        assertThatThrownBy(() -> AssistmentsFile.read("test.tsv", new StringReader(HEADER + "1\t2\t0\t1\t5\n1\t3\t0\tyes\t5\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("test.tsv: line 3, column 4 (correct): must be 0 or 1, got 'yes'");
    }

    @Test
    void shouldNameTheMissingColumnOfTheHeader() {
        assertThatThrownBy(() -> AssistmentsFile.read("train.tsv", new StringReader("user_id\titem_id\tcorrect\n1\t2\t1\n")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("train.tsv: line 1: the header has no column 'skill_id'");
    }

    @Test
    void shouldRefuseAnEmptyUserOrItem() {
        assertThatThrownBy(() -> AssistmentsFile.read("train.tsv", new StringReader(HEADER + "\t2\t0\t1\t5\n")))
                .hasMessage("train.tsv: line 2, column 1 (user_id): must not be empty");
    }

    @Test
    void shouldRefuseAFileWithoutHeader() {
        assertThatThrownBy(() -> AssistmentsFile.read("train.tsv", new StringReader("")))
                .hasMessageStartingWith("train.tsv: empty");
    }
}
