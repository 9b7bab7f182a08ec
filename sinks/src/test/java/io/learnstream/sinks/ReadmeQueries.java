package io.learnstream.sinks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The example queries of the module's README.md, as the specs that run them read them. */
public final class ReadmeQueries {
    private ReadmeQueries() {}

    /**
     * The {@code sql} blocks of the README's section {@code ## <section>} (up to the next {@code ## } heading), by the
     * name on their first line ({@code -- <name>}).
     */
    public static Map<String, String> of(Path readme, String section) throws IOException {
        Map<String, String> found = new LinkedHashMap<>();
        boolean inSection = false;
        StringBuilder block = null;
        for (String line : Files.readAllLines(readme)) {
            if (block == null && line.startsWith("## ")) {
                inSection = line.substring(3).strip().equals(section);
            } else if (!inSection) {
                continue;
            } else if (block == null && line.strip().equals("```sql")) {
                block = new StringBuilder();
            } else if (block != null && line.strip().equals("```")) {
                String sql = block.toString().strip();
                String first = sql.lines().findFirst().orElse("");
                if (!first.startsWith("-- ")) throw new IllegalStateException("a README query without a name: " + sql);
                found.put(first.substring(3).strip(), sql);
                block = null;
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        if (found.isEmpty()) throw new IllegalStateException("no queries in section '" + section + "' of " + readme);
        return found;
    }
}
