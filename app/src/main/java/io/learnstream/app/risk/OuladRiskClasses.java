package io.learnstream.app.risk;

import io.learnstream.app.replay.oulad.OuladData;
import io.learnstream.app.replay.oulad.OuladPresentation;
import io.learnstream.app.replay.oulad.OuladRosterExport;
import io.learnstream.app.roster.RosterChangeSet;
import io.learnstream.app.roster.RosterExportReader;
import io.learnstream.schemas.avro.ClassLineItem;
import io.learnstream.schemas.avro.RosterAcademicSession;
import io.learnstream.schemas.avro.RosterClass;
import io.learnstream.schemas.avro.RosterLineItem;
import io.learnstream.streams.risk.model.ClassContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the risk topology knows of each OULAD presentation's class from the district's roster: its start and its line
 * items with their due dates. Made the way the pipeline makes them: the presentations' OneRoster export
 * ({@link OuladRosterExport}) written to a scratch directory and read back with the roster import's reader, then
 * the class's line items ordered by due date and sourcedId, and the start of the first day of its earliest term, as
 * the roster index publishes them to {@code class-line-items}.
 */
public final class OuladRiskClasses {
    /** The district the scratch export is written for (it names nothing that leaves this class). */
    static final String DISTRICT = "oulad";
    private static final Comparator<ClassLineItem> BY_DUE_DATE =
            Comparator.comparing(ClassLineItem::getDueDate).thenComparing(ClassLineItem::getSourcedId);

    /**
     * One class as the risk topology sees it.
     *
     * @param start the start of its first day, epoch millis
     * @param lineItems ordered by due date, then sourcedId
     */
    public record RiskClass(String classId, long start, List<ClassLineItem> lineItems) {
        public RiskClass {
            lineItems = List.copyOf(lineItems);
        }

        /** The line items as the model's class context holds them: id and due time. */
        public List<ClassContext.LineItem> contextLineItems() {
            return lineItems.stream().map(item -> new ClassContext.LineItem(item.getSourcedId(), item.getDueDate().toEpochMilli())).toList();
        }
    }

    private OuladRiskClasses() {}

    /** Every presentation's class, by class id, in the data's order. */
    public static Map<String, RiskClass> of(OuladData data) {
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("learnstream-risk-roster-");
            OuladRosterExport.write(data, DISTRICT, scratch);
            RosterChangeSet roster = RosterExportReader.read(scratch, DISTRICT, Instant.EPOCH);
            Map<String, List<ClassLineItem>> items = new LinkedHashMap<>();
            for (RosterLineItem item : roster.lineItems().records().values()) {
                items.computeIfAbsent(item.getClassSourcedId(), c -> new ArrayList<>())
                        .add(new ClassLineItem(item.getSourcedId(), item.getTitle(), item.getAssignDate(), item.getDueDate()));
            }
            Map<String, RiskClass> classes = new LinkedHashMap<>();
            for (OuladPresentation p : data.presentations()) {
                RosterClass klass = roster.classes().records().get(p.id());
                if (klass == null) throw new IllegalStateException("the roster export has no class " + p.id());
                LocalDate first = null;
                for (String term : klass.getTermSourcedIds()) {
                    RosterAcademicSession session = roster.academicSessions().records().get(term);
                    if (session != null && (first == null || session.getStartDate().isBefore(first))) first = session.getStartDate();
                }
                if (first == null) throw new IllegalStateException("the roster export has no term of class " + p.id());
                List<ClassLineItem> lineItems = new ArrayList<>(items.getOrDefault(p.id(), List.of()));
                lineItems.sort(BY_DUE_DATE);
                classes.put(p.id(), new RiskClass(p.id(), first.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(), lineItems));
            }
            return classes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (scratch != null) deleteQuietly(scratch);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the system cleans it eventually
        }
    }
}
