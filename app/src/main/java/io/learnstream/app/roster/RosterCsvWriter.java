package io.learnstream.app.roster;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one file of a OneRoster CSV export: the header, then one row per record, UTF-8 with CRLF line ends (RFC
 * 4180), a cell quoted only when it holds a comma, a quote or a line break.
 */
public final class RosterCsvWriter {
    private RosterCsvWriter() {}

    /** Writes {@code dir/name} (replaced if there). */
    public static void write(Path dir, String name, List<String> header, List<List<String>> rows) throws IOException {
        try (Writer out = Files.newBufferedWriter(dir.resolve(name), StandardCharsets.UTF_8)) {
            line(out, header);
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException(name + ": a row of " + row.size() + " cells under a header of " + header.size());
                }
                line(out, row);
            }
        }
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) out.write(',');
            String cell = cells.get(i);
            boolean quote = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0 || cell.indexOf('\r') >= 0;
            out.write(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        out.write("\r\n");
    }
}
