package io.learnstream.app.roster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code manifest.csv} of a OneRoster 1.2 CSV export: {@code propertyName,value} rows saying of each file
 * whether it is {@code bulk}, {@code delta} or {@code absent} ({@code file.orgs}, {@code file.users}, ...). A kind the
 * manifest does not name is taken as absent. Properties of files learnstream does not import (demographics, results,
 * ...) and the version and source properties are not checked.
 *
 * @param modes the mode of each kind learnstream imports
 * @param roles the mode of {@code roles.csv}, whose rows are the roles of the users of the same import
 */
public record RosterManifest(Map<RosterKind, FileMode> modes, FileMode roles) {
    public static final String FILE_NAME = "manifest.csv";
    static final String ROLES_PROPERTY = "file.roles";

    public RosterManifest {
        modes = Map.copyOf(modes);
    }

    public FileMode mode(RosterKind kind) {
        return modes.getOrDefault(kind, FileMode.ABSENT);
    }

    /** Reads the manifest of an export directory; it must be there. */
    public static RosterManifest read(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(dir + " has no " + FILE_NAME + " (a OneRoster CSV export names its files in it)");
        }
        Map<RosterKind, FileMode> modes = new EnumMap<>(RosterKind.class);
        FileMode roles = FileMode.ABSENT;
        for (RosterRow row : RosterCsv.read(file, FILE_NAME, List.of("propertyName", "value"))) {
            String property = row.required("propertyName");
            if (property.equals(ROLES_PROPERTY)) {
                roles = mode(row);
                continue;
            }
            for (RosterKind kind : RosterKind.values()) {
                if (kind.manifestProperty().equals(property)) modes.put(kind, mode(row));
            }
        }
        return new RosterManifest(modes, roles);
    }

    private static FileMode mode(RosterRow row) {
        String value = row.oneOf("value", java.util.Set.of("bulk", "delta", "absent"), true);
        if (value.startsWith(RosterRow.EXTENSION_PREFIX)) throw row.error("value", "must be one of absent, bulk, delta, was '" + value + "'");
        return FileMode.valueOf(value.toUpperCase(Locale.ROOT));
    }
}
