package io.learnstream.app.replay.oulad;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A directory in the shape of the Open University Learning Analytics Dataset: its seven files, each
 * {@code <name>.csv.gz} or {@code <name>.csv}. Whether a file is gzip-compressed is told by its content (the gzip
 * magic bytes), not its name.
 */
public record OuladFiles(Path directory) {
    public static final String COURSES = "courses";
    public static final String ASSESSMENTS = "assessments";
    public static final String VLE = "vle";
    public static final String STUDENT_INFO = "studentInfo";
    public static final String STUDENT_REGISTRATION = "studentRegistration";
    public static final String STUDENT_ASSESSMENT = "studentAssessment";
    public static final String STUDENT_VLE = "studentVle";
    public static final List<String> ALL = List.of(COURSES, ASSESSMENTS, VLE, STUDENT_INFO, STUDENT_REGISTRATION, STUDENT_ASSESSMENT, STUDENT_VLE);
    private static final int BUFFER = 1 << 16;

    public OuladFiles {
        if (!Files.isDirectory(directory)) throw new IllegalArgumentException("--data " + directory + ": no such directory");
    }

    /** Fails naming every file the directory lacks. */
    public void requireAll() {
        List<String> missing = ALL.stream().filter(name -> find(name) == null).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("--data " + directory + ": has no " + String.join(", ", missing.stream().map(n -> n + ".csv[.gz]").toList())
                    + " (an OULAD-shaped directory has " + String.join(", ", ALL) + ")");
        }
    }

    /** {@code <name>.csv.gz}, else {@code <name>.csv}. */
    public Path file(String name) {
        Path file = find(name);
        if (file == null) throw new IllegalArgumentException("--data " + directory + ": has no " + name + ".csv.gz or " + name + ".csv");
        return file;
    }

    private Path find(String name) {
        for (String candidate : new String[] {name + ".csv.gz", name + ".csv"}) {
            Path file = directory.resolve(candidate);
            if (Files.isRegularFile(file)) return file;
        }
        return null;
    }

    /** The file's bytes, decompressed when they start with the gzip magic bytes. */
    public static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        in.mark(2);
        byte[] start = in.readNBytes(2);
        in.reset();
        boolean gzip = start.length == 2 && start[0] == (byte) 0x1f && start[1] == (byte) 0x8b;
        return gzip ? new GZIPInputStream(in, BUFFER) : in;
    }
}
