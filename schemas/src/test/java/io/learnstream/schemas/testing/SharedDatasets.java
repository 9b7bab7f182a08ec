package io.learnstream.schemas.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Finds the real datasets in {@code shared/datasets} beside the repository (the repo's parent holds
 * {@code shared/}). Tests that use them fail with a clear message when they are missing: they are part of
 * every checkout CI runs on.
 */
public final class SharedDatasets {
    private SharedDatasets() {}

    public static Path path(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared/datasets").resolve(relative);
            if (Files.exists(candidate)) return candidate;
            dir = dir.getParent();
        }
        throw new IllegalStateException("dataset shared/datasets/" + relative + " not found above "
                + Path.of("").toAbsolutePath() + "; the repository expects ../shared/datasets beside it");
    }

    /** The lines of a gzipped UTF-8 dataset, such as {@code xapi/ralph-video-statements.json.gz} (one statement a line). */
    public static List<String> gzipLines(String relative) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(path(relative))),
                StandardCharsets.UTF_8))) {
            return lines.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset shared/datasets/" + relative, e);
        }
    }
}
