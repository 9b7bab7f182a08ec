package io.learnstream.app.roster;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one OneRoster CSV file into its rows: a header naming the columns, then one row per record. Columns are
 * found by name, so their order does not matter and columns learnstream does not use are ignored; the columns a
 * kind requires must be in the header. A UTF-8 byte order mark (as spreadsheet programs write) is skipped.
 */
public final class RosterCsv {
    private RosterCsv() {}

    /** The rows of {@code file}, named {@code fileName} in messages. */
    public static List<RosterRow> read(Path file, String fileName, List<String> requiredColumns) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        return read(fileName, new StringReader(text), requiredColumns);
    }

    /** The rows of a CSV text, named {@code fileName} in messages. */
    public static List<RosterRow> read(String fileName, Reader csv, List<String> requiredColumns) throws IOException {
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES).enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
        List<RosterRow> out = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            List<String> header = null;
            while (hasNext(fileName, rows)) {
                long line = rows.getCurrentLocation().getLineNr();
                Map<String, String> row = rows.next();
                if (header == null) header = checkedHeader(fileName, rows, requiredColumns);
                out.add(new RosterRow(fileName, line, header, row));
            }
        }
        return out;
    }

    private static List<String> checkedHeader(String fileName, MappingIterator<?> rows, List<String> requiredColumns) {
        List<String> header = new ArrayList<>();
        ((CsvSchema) rows.getParserSchema()).forEach(column -> header.add(column.getName()));
        for (String required : requiredColumns) {
            if (!header.contains(required)) {
                throw new IllegalArgumentException(fileName + ": line 1: the header has no column '" + required + "' (it names " + header + ")");
            }
        }
        return List.copyOf(header);
    }

    private static boolean hasNext(String fileName, MappingIterator<?> rows) {
        try {
            return rows.hasNext();
        } catch (RuntimeJsonMappingException e) {
            throw new IllegalArgumentException(fileName + ": line " + rows.getCurrentLocation().getLineNr() + ": " + e.getMessage(), e);
        }
    }
}
