package io.learnstream.app.replay.assistments;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A directory in the shared ASSISTments format: {@code train.tsv} and {@code test.tsv}, each gzip-compressed
 * ({@code .tsv.gz}) or not. Students of the two files are disjoint in the shared split; nothing here relies on it.
 */
public record AssistmentsData(Path directory) {
    public static final String TRAIN = "train";
    public static final String TEST = "test";

    public AssistmentsData {
        if (!Files.isDirectory(directory)) throw new IllegalArgumentException("--data " + directory + ": no such directory");
    }

    public Path train() {
        return file(TRAIN);
    }

    public Path test() {
        return file(TEST);
    }

    /** {@code <name>.tsv.gz}, else {@code <name>.tsv}. */
    public Path file(String name) {
        for (String candidate : new String[] {name + ".tsv.gz", name + ".tsv"}) {
            Path file = directory.resolve(candidate);
            if (Files.isRegularFile(file)) return file;
        }
        throw new IllegalArgumentException("--data " + directory + ": has no " + name + ".tsv.gz or " + name + ".tsv");
    }
}
