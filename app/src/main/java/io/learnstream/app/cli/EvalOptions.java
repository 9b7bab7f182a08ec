package io.learnstream.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** What every evaluation takes besides its data: where the report goes, and the evaluation's own embedded stack. */
final class EvalOptions {
    @Option(names = "--out", required = true, description = "directory for the report")
    Path out;

    @Option(names = "--work-dir", description = "data directory of the evaluation's own embedded stack (default: a fresh temporary one, deleted after a successful run)")
    Path workDir;

    @Option(names = "--partitions", defaultValue = "3", description = "partitions of the topics (default: ${DEFAULT-VALUE})")
    int partitions;

    @Option(names = "--chdb-lib", defaultValue = "${env:LEARNSTREAM_CHDB_LIB}", description = "path of libchdb.so")
    Path chdbLibrary;

    /** An evaluation run in its work directory. */
    @FunctionalInterface
    interface InWorkDir {
        void run(Path work) throws Exception;
    }

    Optional<Path> chdb() {
        return Optional.ofNullable(chdbLibrary);
    }

    /**
     * Runs {@code evaluation} in the work directory (which must be empty or absent) or a fresh temporary one, with the
     * stack's log in it; a temporary one is deleted after a successful run, a failed one kept for a look.
     */
    void inWorkDir(InWorkDir evaluation) throws Exception {
        boolean temporary = workDir == null;
        Path work = temporary ? Files.createTempDirectory("learnstream-eval-") : workDir;
        if (!temporary && Files.isDirectory(work)) {
            try (Stream<Path> entries = Files.list(work)) {
                if (entries.findAny().isPresent()) throw new IllegalArgumentException("--work-dir " + work + " is not empty: the evaluation needs a fresh stack");
            }
        }
        System.setProperty("learnstream.log.dir", work.resolve("logs").toString());
        evaluation.run(work);
        if (temporary) deleteQuietly(work);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the system cleans it eventually
        }
    }
}
