package io.learnstream.app.replay.oulad;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The tiny OULAD-shaped directory of the tests ({@code src/test/resources/.../oulad/fixture}): AAA-2013J with VLE
 * activity (three students, one withdrawn; two identical VLE rows; an exam without a date, its submission without a
 * score) and BBB-2014B without (student 28400 again, a banked submission before the start, a student without a
 * registration date and without an IMD band). Four files gzipped, three not; vle.csv quoted, courses.csv with CRLF.
 */
final class OuladFixture {
    /** Statements of the fixture: AAA-2013J 3 registrations, 1 withdrawal, 3 submissions, 5 VLE rows; BBB-2014B 1 registration, 2 submissions. */
    static final int STATEMENTS = 15;
    static final String AAA = "AAA-2013J";
    static final String BBB = "BBB-2014B";

    private OuladFixture() {}

    static Path dir() {
        try {
            return Path.of(OuladFixture.class.getResource("fixture/courses.csv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static OuladData read() {
        try {
            return OuladData.read(dir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of the fixture in {@code target}, uncompressed, to change in a test. */
    static Path plainCopy(Path target) throws IOException {
        try (Stream<Path> files = Files.list(dir())) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString().replace(".csv.gz", ".csv");
                try (InputStream in = OuladFiles.open(file)) {
                    Files.write(target.resolve(name), in.readAllBytes());
                }
            }
        }
        return target;
    }

    /** Replaces the lines of {@code name}.csv in a plain copy. */
    static void write(Path copy, String name, List<String> lines) throws IOException {
        Files.write(copy.resolve(name + ".csv"), lines);
    }

    static List<String> lines(Path copy, String name) throws IOException {
        return Files.readAllLines(copy.resolve(name + ".csv"));
    }

    static void gzip(Path from, Path to) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
            out.write(Files.readAllBytes(from));
        }
    }
}
