package io.learnstream.streams.roster;

import io.learnstream.schemas.avro.ClassLineItem;
import io.learnstream.schemas.avro.ClassLineItems;
import io.learnstream.schemas.avro.RosterAcademicSession;
import io.learnstream.schemas.avro.RosterClass;
import io.learnstream.schemas.avro.RosterLineItem;
import io.learnstream.schemas.topic.Topics;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps each class's line items and term span as its line items, the class and its terms change, and sends
 * {@code class-line-items} whenever what a class's record says changed. One instance per input (line items, classes,
 * academic sessions), all sharing the same stores: the three inputs arrive repartitioned by district, so every
 * record of a district meets the others' on one task (a term's change reaches all the district's classes in it).
 *
 * <p>A class's record holds its line items ordered by due date, then sourcedId; {@code classStart} is the start
 * (00:00 UTC) of the earliest first day of its terms, {@code classEnd} the end of the latest last day (the next
 * day, 00:00 UTC); either is null while none of its terms is known. Line items of a class the roster does not hold
 * (yet) are still published, without the span; a class with no line items has a record with none. A class that
 * is removed and has no line items left becomes a tombstone.
 */
final class ClassLineItemsIndexer implements Processor<String, Object, String, ClassLineItems> {
    /** What this instance reads. */
    enum Input { LINE_ITEMS, CLASSES, ACADEMIC_SESSIONS }

    /** Separates a class key from a line item id in the line items store: no sourcedId holds it. */
    static final char SEPARATOR = '\u0000';
    private static final Serializer<String> KEYS = Serdes.String().serializer();
    private static final Comparator<ClassLineItem> BY_DUE_DATE =
            Comparator.comparing(ClassLineItem::getDueDate).thenComparing(ClassLineItem::getSourcedId);

    /** The stores, by name; {@code lineItems} holds line items keyed {@code <tenant>/<class>\0<lineItem>}. */
    record Stores(String classes, String sessions, String lineItems, String lineItemClasses, String published) {}

    private final Input input;
    private final Stores names;
    private ProcessorContext<String, ClassLineItems> context;
    private KeyValueStore<String, RosterClass> classes;
    private KeyValueStore<String, RosterAcademicSession> sessions;
    private KeyValueStore<String, RosterLineItem> lineItems;
    private KeyValueStore<String, String> lineItemClasses;
    private KeyValueStore<String, ClassLineItems> published;

    ClassLineItemsIndexer(Input input, Stores names) {
        this.input = input;
        this.names = names;
    }

    @Override
    public void init(ProcessorContext<String, ClassLineItems> context) {
        this.context = context;
        this.classes = context.getStateStore(names.classes());
        this.sessions = context.getStateStore(names.sessions());
        this.lineItems = context.getStateStore(names.lineItems());
        this.lineItemClasses = context.getStateStore(names.lineItemClasses());
        this.published = context.getStateStore(names.published());
    }

    @Override
    public void process(Record<String, Object> record) {
        String key = record.key();
        if (key == null || key.indexOf('/') < 1) return;
        String tenant = key.substring(0, key.indexOf('/'));
        String id = key.substring(key.indexOf('/') + 1);
        switch (input) {
            case LINE_ITEMS -> lineItem(record, tenant, id, (RosterLineItem) record.value());
            case CLASSES -> {
                if (record.value() == null) classes.delete(key);
                else classes.put(key, (RosterClass) record.value());
                publish(record, tenant, id);
            }
            case ACADEMIC_SESSIONS -> {
                if (record.value() == null) sessions.delete(key);
                else sessions.put(key, (RosterAcademicSession) record.value());
                for (String classId : classesIn(tenant, id)) publish(record, tenant, classId);
            }
        }
    }

    private void lineItem(Record<String, Object> record, String tenant, String id, RosterLineItem item) {
        String key = Topics.tenantScopedKey(tenant, id);
        String before = lineItemClasses.get(key);
        if (before != null) lineItems.delete(indexKey(tenant, before, id));
        if (item != null) {
            lineItems.put(indexKey(tenant, item.getClassSourcedId(), id), item);
            lineItemClasses.put(key, item.getClassSourcedId());
        } else {
            lineItemClasses.delete(key);
        }
        if (before != null && (item == null || !before.equals(item.getClassSourcedId()))) publish(record, tenant, before);
        if (item != null) publish(record, tenant, item.getClassSourcedId());
    }

    /** The district's classes that run in the session. */
    private List<String> classesIn(String tenant, String session) {
        List<String> in = new ArrayList<>();
        try (KeyValueIterator<String, RosterClass> all = classes.prefixScan(tenant + "/", KEYS)) {
            while (all.hasNext()) {
                RosterClass found = all.next().value;
                if (found.getTermSourcedIds().contains(session)) in.add(found.getSourcedId());
            }
        }
        return in;
    }

    private void publish(Record<String, Object> record, String tenant, String classId) {
        String key = Topics.tenantScopedKey(tenant, classId);
        ClassLineItems now = current(tenant, classId);
        if (Objects.equals(published.get(key), now)) return;
        if (now == null) published.delete(key);
        else published.put(key, now);
        context.forward(new Record<>(key, now, record.timestamp(), record.headers()));
    }

    /** What the class's record says now, or null when the roster holds neither the class nor line items of it. */
    private ClassLineItems current(String tenant, String classId) {
        List<ClassLineItem> items = new ArrayList<>();
        String prefix = indexKey(tenant, classId, "");
        try (KeyValueIterator<String, RosterLineItem> found = lineItems.prefixScan(prefix, KEYS)) {
            while (found.hasNext()) {
                KeyValue<String, RosterLineItem> next = found.next();
                RosterLineItem item = next.value;
                items.add(new ClassLineItem(item.getSourcedId(), item.getTitle(), item.getAssignDate(), item.getDueDate()));
            }
        }
        RosterClass klass = classes.get(Topics.tenantScopedKey(tenant, classId));
        if (klass == null && items.isEmpty()) return null;
        items.sort(BY_DUE_DATE);
        LocalDate first = null;
        LocalDate last = null;
        if (klass != null) {
            for (String term : klass.getTermSourcedIds()) {
                RosterAcademicSession session = sessions.get(Topics.tenantScopedKey(tenant, term));
                if (session == null) continue;
                if (first == null || session.getStartDate().isBefore(first)) first = session.getStartDate();
                if (last == null || session.getEndDate().isAfter(last)) last = session.getEndDate();
            }
        }
        return new ClassLineItems(tenant, classId, startOf(first), last == null ? null : startOf(last.plusDays(1)), items);
    }

    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String indexKey(String tenant, String classId, String lineItem) {
        return Topics.tenantScopedKey(tenant, classId) + SEPARATOR + lineItem;
    }
}
