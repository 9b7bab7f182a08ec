package io.learnstream.app.privacy;

import io.learnstream.app.topics.LiveKeys;
import io.learnstream.ingest.StatementKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * A compacted topic with records of the student (a learnstream topic keyed by student or by alert id, a Kafka Streams
 * store's changelog): a tombstone for each live key that holds one of the subject's strings (its student keys; for
 * the attachments topic {@code <tenant>/<sha2>}), on the key's own partition. Compaction then drops the values.
 */
public final class TopicTombstonesPlace implements StudentDataPlace {
    private final String topic;
    private final Function<ErasureSubject, Set<String>> needles;
    private final String bootstrapServers;
    private final String clientId;
    private final Producer<byte[], byte[]> producer;
    private final Duration timeout;

    public TopicTombstonesPlace(String topic, Function<ErasureSubject, Set<String>> needles, String bootstrapServers, String clientId,
            Producer<byte[], byte[]> producer, Duration timeout) {
        this.topic = topic;
        this.needles = needles;
        this.bootstrapServers = bootstrapServers;
        this.clientId = clientId;
        this.producer = producer;
        this.timeout = timeout;
    }

    /** Keys holding any of the subject's student keys. */
    public static Set<String> studentKeys(ErasureSubject subject) {
        return subject.studentKeys();
    }

    /** Keys of the subject's own attachment data, {@code <tenant>/<sha2>}. */
    public static Set<String> attachmentKeys(ErasureSubject subject) {
        return subject.attachments().stream().map(sha -> io.learnstream.schemas.topic.Topics.tenantScopedKey(subject.tenantId(), sha))
                .collect(Collectors.toSet());
    }

    /**
     * Key prefixes of the subject's State and Agent Profile documents: {@code <tenant>/actor-<hash>/} of each of their
     * identifiers ({@link io.learnstream.ingest.documents.DocumentAddress#scope}), the {@code mbox_sha1sum} form of an
     * e-mail address among them ({@link StudentIdResolver#sha1sumForms}).
     */
    public static Set<String> documentKeys(ErasureSubject subject) {
        Set<String> prefixes = new TreeSet<>();
        for (String identifier : subject.identifiers()) prefixes.add(StatementKeys.actorKey(subject.tenantId(), identifier) + "/");
        return prefixes;
    }

    @Override
    public String name() {
        return "topic " + topic;
    }

    @Override
    public long erase(ErasureSubject subject) {
        Set<byte[]> wanted = needles.apply(subject).stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).collect(Collectors.toSet());
        if (wanted.isEmpty()) return 0;
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (Map.Entry<ByteBuffer, Integer> live : LiveKeys.of(bootstrapServers, clientId, topic, timeout).entrySet()) {
            byte[] key = live.getKey().array();
            if (LiveKeys.containsAny(key, wanted)) sent.add(producer.send(new ProducerRecord<>(topic, live.getValue(), key, null)));
        }
        producer.flush();
        for (Future<RecordMetadata> each : sent) {
            try {
                each.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted writing tombstones to " + topic, e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("could not write a tombstone to " + topic + ": " + e.getCause().getMessage(), e.getCause());
            }
        }
        return sent.size();
    }
}
