package io.learnstream.app.replay.oulad;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads one OULAD file row by row, without holding it: comma-separated (cells may be quoted), a header naming the
 * columns (found by name, in any order; others ignored; a UTF-8 byte order mark skipped), gzip-compressed or not.
 */
final class OuladCsv {
    private OuladCsv() {}

    /** Each data row of {@code file}, in order; {@code required} columns must be in its header. */
    static void forEach(Path file, List<String> required, Consumer<OuladRow> action) throws IOException {
        try (InputStream in = OuladFiles.open(file); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            forEach(file.getFileName().toString(), reader, required, action);
        }
    }

    static void forEach(String fileName, Reader csv, List<String> required, Consumer<OuladRow> action) throws IOException {
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
        try (MappingIterator<String[]> rows = mapper.readerFor(String[].class).with(CsvSchema.emptySchema())
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(csv)) {
            Map<String, Integer> columns = null;
            while (hasNext(fileName, rows)) {
                long line = rows.getCurrentLocation().getLineNr();
                String[] row = rows.next();
                if (columns == null) {
                    columns = columns(fileName, header(row), required);
                    continue;
                }
                action.accept(new OuladRow(fileName, line, columns, row));
            }
            if (columns == null) throw new IllegalArgumentException(fileName + ": empty (no header naming " + required + ")");
        }
    }

    private static List<String> header(String[] names) {
        if (names.length > 0 && names[0] != null && names[0].startsWith("\uFEFF")) names[0] = names[0].substring(1);
        return java.util.Arrays.stream(names).map(name -> name == null ? "" : name.strip()).toList();
    }

    private static Map<String, Integer> columns(String fileName, List<String> header, List<String> required) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) columns.putIfAbsent(header.get(i), i);
        for (String column : required) {
            if (!columns.containsKey(column)) {
                throw new IllegalArgumentException(fileName + ": line 1: the header has no column '" + column + "' (it names " + header
                        + "; required: " + required + ")");
            }
        }
        return Map.copyOf(columns);
    }

    private static boolean hasNext(String fileName, MappingIterator<?> rows) {
        try {
            return rows.hasNext();
        } catch (RuntimeJsonMappingException e) {
            throw new IllegalArgumentException(fileName + ": line " + rows.getCurrentLocation().getLineNr() + ": " + e.getMessage(), e);
        }
    }
}
