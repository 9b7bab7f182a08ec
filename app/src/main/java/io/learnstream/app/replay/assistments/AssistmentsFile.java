package io.learnstream.app.replay.assistments;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A file in the ASSISTments format of Gervet et al. (2020): tab-separated, gzip-compressed or not, a header naming
 * at least {@code user_id}, {@code item_id}, {@code correct} (0 or 1) and {@code skill_id} (may be empty); other
 * columns, such as {@code timestamp}, are ignored. Rows are in the order each user answered. The whole file is read
 * and checked before anything is sent: a bad row fails with the file, the line and the column.
 */
public final class AssistmentsFile {
    static final List<String> REQUIRED = List.of("user_id", "item_id", "correct", "skill_id");
    private static final byte[] GZIP_MAGIC = {(byte) 0x1f, (byte) 0x8b};

    private AssistmentsFile() {}

    public static List<AssistmentsRow> read(Path file) throws IOException {
        try (InputStream in = open(file); Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(file.getFileName().toString(), reader);
        }
    }

    static List<AssistmentsRow> read(String fileName, Reader tsv) throws IOException {
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES).enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
        List<AssistmentsRow> out = new ArrayList<>();
        try (MappingIterator<String[]> rows = mapper.readerFor(String[].class)
                .with(CsvSchema.emptySchema().withColumnSeparator('\t').withoutQuoteChar())
                .with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(tsv)) {
            int[] columns = null;
            while (hasNext(fileName, rows)) {
                long line = rows.getCurrentLocation().getLineNr();
                String[] row = rows.next();
                if (columns == null) {
                    columns = header(fileName, row);
                    continue;
                }
                String user = required(fileName, line, row, columns, 0);
                String item = required(fileName, line, row, columns, 1);
                String correct = field(row, columns[2]);
                if (!correct.equals("0") && !correct.equals("1")) {
                    throw new IllegalArgumentException(at(fileName, line, columns, 2) + ": must be 0 or 1, got '" + correct + "'");
                }
                out.add(new AssistmentsRow(line, user, item, correct.equals("1"), field(row, columns[3])));
            }
            if (columns == null) throw new IllegalArgumentException(fileName + ": empty (no header naming " + REQUIRED + ")");
        }
        return out;
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        byte[] start = in.readNBytes(2);
        in.reset();
        return start.length == 2 && start[0] == GZIP_MAGIC[0] && start[1] == GZIP_MAGIC[1] ? new GZIPInputStream(in, 1 << 16) : in;
    }

    /** The index of each required column in the file. */
    private static int[] header(String fileName, String[] names) {
        int[] columns = new int[REQUIRED.size()];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = List.of(names).indexOf(REQUIRED.get(i));
            if (columns[i] < 0) {
                throw new IllegalArgumentException(fileName + ": line 1: the header has no column '" + REQUIRED.get(i)
                        + "' (it names " + List.of(names) + "; tab-separated, columns " + REQUIRED + " required)");
            }
        }
        return columns;
    }

    private static String required(String fileName, long line, String[] row, int[] columns, int which) {
        String value = field(row, columns[which]);
        if (value.isEmpty()) throw new IllegalArgumentException(at(fileName, line, columns, which) + ": must not be empty");
        return value;
    }

    private static String field(String[] row, int index) {
        return index < row.length && row[index] != null ? row[index] : "";
    }

    private static String at(String fileName, long line, int[] columns, int which) {
        return fileName + ": line " + line + ", column " + (columns[which] + 1) + " (" + REQUIRED.get(which) + ")";
    }

    private static boolean hasNext(String fileName, MappingIterator<?> rows) {
        try {
            return rows.hasNext();
        } catch (RuntimeJsonMappingException e) {
            throw new IllegalArgumentException(fileName + ": line " + rows.getCurrentLocation().getLineNr() + ": " + e.getMessage(), e);
        }
    }
}
