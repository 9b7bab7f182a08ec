package io.learnstream.app.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Kafka Streams local state of a stopped embedded stack ({@code <data-dir>/streams}, RocksDB): its stores still
 * hold the student after their changelogs got tombstones. Removed whole, so the pipeline rebuilds every store from its
 * changelog on the next start, without the student. Counts the files removed.
 */
public final class LocalStreamsStatePlace implements StudentDataPlace {
    private final Path dir;

    public LocalStreamsStatePlace(Path dir) {
        this.dir = dir;
    }

    @Override
    public String name() {
        return "local state " + dir;
    }

    @Override
    public long erase(ErasureSubject subject) {
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            long files = 0;
            for (Path path : paths) {
                if (Files.isRegularFile(path)) files++;
                Files.delete(path);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove the local Streams state " + dir + " (is the pipeline still running?)", e);
        }
    }
}
