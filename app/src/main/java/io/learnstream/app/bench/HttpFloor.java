package io.learnstream.app.bench;

import io.javalin.Javalin;
import io.learnstream.ingest.publish.ProducerSettings;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The floor under the front door's rate on this machine: the same HTTP server (Javalin on Jetty, with the LRS's
 * request size limit) taking the benchmark's very requests from the same clients, and answering each by writing
 * records already made (the ones the front door wrote for the measured statements, read back) with ingest's producer
 * settings, then answering their ids once Kafka acknowledged them. It authenticates, parses, validates and hashes
 * nothing, so no front door that does any of it can be faster here: between this floor and the raw producer lies what
 * HTTP and the benchmark's own clients cost, and between the front door and this floor what the front door does.
 */
final class HttpFloor implements AutoCloseable {
    static final String PATH = "/floor";

    private final KafkaProducer<byte[], byte[]> producer;
    private final Javalin app;

    /**
     * @param records the records to write, {@code batchSize} per request: request {@code i} writes the {@code i}-th run
     *                of them, so every request writes as many bytes as the front door wrote for a batch on average
     */
    private HttpFloor(String bootstrapServers, String topic, List<ConsumerRecord<byte[], byte[]>> records, int batchSize, long maxRequestBytes) {
        List<List<ConsumerRecord<byte[], byte[]>>> batches = new ArrayList<>();
        List<byte[]> answers = new ArrayList<>();
        for (int from = 0; from < records.size(); from += batchSize) {
            List<ConsumerRecord<byte[], byte[]>> batch = records.subList(from, Math.min(records.size(), from + batchSize));
            batches.add(batch);
            answers.add(idsAnswer(batch));
        }
        this.producer = new KafkaProducer<>(ProducerSettings.forIngest(bootstrapServers, "learnstream-bench-floor"));
        this.app = Javalin.create(javalin -> {
            javalin.showJavalinBanner = false;
            javalin.http.maxRequestSize = maxRequestBytes;
        });
        app.post(PATH, ctx -> {
            int batch = Integer.parseInt(ctx.queryParam("batch"));
            ctx.bodyAsBytes(); // read in full, as the front door reads a request
            List<CompletableFuture<Void>> acks = new ArrayList<>(batchSize);
            for (ConsumerRecord<byte[], byte[]> record : batches.get(batch)) {
                CompletableFuture<Void> acked = new CompletableFuture<>();
                producer.send(new ProducerRecord<>(topic, null, record.timestamp(), record.key(), record.value()), (metadata, error) -> {
                    if (error != null) acked.completeExceptionally(error);
                    else acked.complete(null);
                });
                acks.add(acked);
            }
            ctx.future(() -> CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .thenAccept(done -> ctx.status(200).contentType("application/json").result(answers.get(batch))));
        });
    }

    /** Serves on a free local port. */
    static HttpFloor start(String bootstrapServers, String topic, List<ConsumerRecord<byte[], byte[]>> records, int batchSize, long maxRequestBytes) {
        HttpFloor floor = new HttpFloor(bootstrapServers, topic, records, batchSize, maxRequestBytes);
        floor.app.start("127.0.0.1", 0);
        return floor;
    }

    /** Where request {@code batch} is posted. */
    URI endpoint(int batch) {
        return URI.create("http://127.0.0.1:" + app.port() + PATH + "?batch=" + batch);
    }

    /** What the front door answers a POST: the JSON array of the statement ids (the last part of each record's key). */
    private static byte[] idsAnswer(List<ConsumerRecord<byte[], byte[]>> batch) {
        StringBuilder answer = new StringBuilder("[");
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            String key = new String(record.key(), StandardCharsets.UTF_8);
            answer.append(answer.length() > 1 ? ",\"" : "\"").append(key, key.lastIndexOf('/') + 1, key.length()).append('"');
        }
        return answer.append(']').toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        app.stop();
        producer.close();
    }
}
