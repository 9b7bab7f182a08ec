package io.learnstream.app.replay.oulad;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An OULAD-shaped directory read and checked whole, without Kafka: the presentations with their students
 * (demographics, final result, registration days), assessments, VLE sites, submissions and VLE activity. What the
 * replay sends, and what a model fitted on the same data reads:
 *
 * <pre>{@code
 * OuladData data = OuladData.read(Path.of("../shared/datasets/oulad"));
 * for (OuladPresentation p : data.presentations()) {
 *     for (OuladStudent s : p.students().values()) ... s.finalResult().atRisk() ...
 *     for (OuladEvent e : OuladTimeline.of(p)) ...                  // in the order the replay sends them
 *     new OuladStatements(new ObjectMapper()).inOrder(p)...         // or as the xAPI statements sent
 * }
 * }</pre>
 *
 * Any ids work; nothing is tuned to the shared subset. A bad row fails the read with its file, line and column.
 *
 * @param presentations in the order of {@code courses}
 */
public record OuladData(Path directory, List<OuladPresentation> presentations) {
    public OuladData {
        presentations = List.copyOf(presentations);
    }

    /** Every presentation of {@code dir}. */
    public static OuladData read(Path dir) throws IOException {
        return read(dir, Set.of());
    }

    /**
     * The presentations named (class sourcedIds such as {@code AAA-2013J}; every one when empty). Rows of the others
     * are skipped unread beyond their presentation columns.
     *
     * @throws IllegalArgumentException when one is not in {@code courses}, or a row is bad
     */
    public static OuladData read(Path dir, Set<String> presentations) throws IOException {
        return new OuladData(dir, OuladReader.read(new OuladFiles(dir), presentations));
    }

    public Optional<OuladPresentation> presentation(String classId) {
        return presentations.stream().filter(p -> p.id().equals(classId)).findFirst();
    }

    /** How many statements the replay sends. */
    public long statementCount() {
        return presentations.stream().mapToLong(OuladPresentation::statementCount).sum();
    }
}
