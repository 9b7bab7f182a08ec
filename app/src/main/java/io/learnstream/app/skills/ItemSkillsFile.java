package io.learnstream.app.skills;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An item-to-skill mapping as a district exports it: a CSV file with a header naming the columns {@code item_id}
 * (the item's activity IRI, as statements name it as their object) and {@code skill_id} (a skill's IRI or id), one
 * row per item and skill, so an item of several skills has several rows. Other columns (a title, a standard's
 * code) are ignored. The whole file is read before anything is published: a bad row fails the import, naming the
 * file, the line and the column.
 */
public final class ItemSkillsFile {
    static final String ITEM_COLUMN = "item_id";
    static final String SKILL_COLUMN = "skill_id";

    private ItemSkillsFile() {}

    /** The skills of each item, in the order the file names them. */
    public static Map<String, List<String>> read(String fileName, Reader csv) throws IOException {
        CsvMapper mapper = CsvMapper.builder().enable(CsvParser.Feature.TRIM_SPACES).enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();
        Map<String, Set<String>> skills = new LinkedHashMap<>();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
            List<String> header = null;
            while (hasNext(fileName, rows)) {
                long line = rows.getCurrentLocation().getLineNr();
                Map<String, String> row = rows.next();
                if (header == null) {
                    header = columnsOf(rows);
                    for (String required : List.of(ITEM_COLUMN, SKILL_COLUMN)) {
                        if (!header.contains(required)) {
                            throw new IllegalArgumentException(fileName + ": line 1: the header has no column '" + required
                                    + "' (it names " + header + ")");
                        }
                    }
                }
                String item = value(fileName, line, header, row, ITEM_COLUMN);
                String skill = value(fileName, line, header, row, SKILL_COLUMN);
                skills.computeIfAbsent(item, i -> new LinkedHashSet<>()).add(skill);
            }
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        skills.forEach((item, itemSkills) -> out.put(item, List.copyOf(itemSkills)));
        return out;
    }

    private static boolean hasNext(String fileName, MappingIterator<?> rows) {
        try {
            return rows.hasNext();
        } catch (RuntimeJsonMappingException e) {
            throw new IllegalArgumentException(fileName + ": line " + rows.getCurrentLocation().getLineNr() + ": " + e.getMessage(), e);
        }
    }

    private static List<String> columnsOf(MappingIterator<?> rows) {
        CsvSchema schema = (CsvSchema) rows.getParserSchema();
        List<String> names = new ArrayList<>();
        schema.forEach(column -> names.add(column.getName()));
        return names;
    }

    private static String value(String fileName, long line, List<String> header, Map<String, String> row, String column) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(fileName + ": line " + line + ", column " + (header.indexOf(column) + 1) + " ("
                    + column + "): must not be empty");
        }
        return value;
    }
}
