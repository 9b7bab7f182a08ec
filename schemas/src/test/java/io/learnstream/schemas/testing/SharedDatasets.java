package io.learnstream.schemas.testing;

import java.nio.file.Files;
import java.nio.file.Path;

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
}
