package io.learnstream.ingest.attachments;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.learnstream.schemas.avro.XapiAttachmentRecord;
import io.learnstream.schemas.topic.TopicPublisher;
import io.learnstream.schemas.topic.Topics;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attachment side of the LRS write use case, apart from HTTP: check a request's attachments against its
 * statements ({@link AttachmentMatcher}), verify its signatures ({@link SignatureVerifier}), and keep the data on
 * Kafka (topic {@value Topics#XAPI_ATTACHMENTS}, key {@code <tenant>/<sha2>}), once per district and SHA-2: data the
 * district already has (asked of the {@link AttachmentArchive}, or acknowledged recently) is not sent again. The
 * returned future completes once Kafka acknowledged every record.
 */
public final class AttachmentIntake {
    /** How many recently stored {@code <tenant>/<sha2>} keys are remembered, so repeated data is not sent again. */
    static final int RECENT = 100_000;
    private static final Logger log = LoggerFactory.getLogger(AttachmentIntake.class);

    private final Topics topics;
    private final TopicPublisher publisher;
    private final AttachmentArchive archive;
    private final Clock clock;
    private final Cache<String, Boolean> recent = Caffeine.newBuilder().maximumSize(RECENT).build();

    public AttachmentIntake(Topics topics, TopicPublisher publisher, AttachmentArchive archive, Clock clock) {
        this.topics = Objects.requireNonNull(topics, "topics");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.archive = Objects.requireNonNull(archive, "archive");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The attachment data of a request to keep, once its parts match its statements and its signatures verify.
     *
     * @param received the statements as received (before the LRS set anything on them), one object or an array
     * @param parts    the request's attachment parts
     * @throws AttachmentRejectedException for the first rule broken; nothing of the request may be stored then
     */
    public List<AttachmentContent> accept(JsonNode received, List<AttachmentPart> parts) {
        AttachmentMatcher.Matched matched = AttachmentMatcher.match(received, parts);
        matched.signatures().forEach(SignatureVerifier::verify);
        return matched.contents();
    }

    /** Keeps the data for {@code tenantId}; completes once Kafka acknowledged every record sent. */
    public CompletableFuture<Void> store(String tenantId, List<AttachmentContent> contents) {
        if (contents.isEmpty()) return CompletableFuture.completedFuture(null);
        List<AttachmentContent> fresh = new ArrayList<>(contents.size());
        for (AttachmentContent content : contents) {
            if (recent.getIfPresent(Topics.tenantScopedKey(tenantId, content.sha2())) == null) fresh.add(content);
        }
        Set<String> held = held(tenantId, fresh);
        Instant stored = clock.instant();
        List<CompletableFuture<?>> acks = new ArrayList<>(fresh.size());
        List<String> keys = new ArrayList<>(fresh.size());
        for (AttachmentContent content : fresh) {
            String key = Topics.tenantScopedKey(tenantId, content.sha2());
            if (held.contains(content.sha2())) {
                recent.put(key, Boolean.TRUE);
                continue;
            }
            XapiAttachmentRecord record = XapiAttachmentRecord.newBuilder()
                    .setTenantId(tenantId)
                    .setSha2(content.sha2())
                    .setContentType(content.contentType())
                    .setLength(content.content().length)
                    .setContent(ByteBuffer.wrap(content.content()))
                    .setStored(stored)
                    .build();
            acks.add(publisher.send(topics.xapiAttachments(), key, record, stored.toEpochMilli()));
            keys.add(key);
        }
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).handle((done, error) -> {
            if (error != null) throw error instanceof CompletionException c ? c : new CompletionException(error);
            keys.forEach(key -> recent.put(key, Boolean.TRUE));
            return null;
        });
    }

    /** What the archive already has of {@code contents}; when it cannot say, nothing (the data is sent again: harmless). */
    private Set<String> held(String tenantId, List<AttachmentContent> contents) {
        if (contents.isEmpty()) return Set.of();
        try {
            return archive.held(tenantId, contents.stream().map(AttachmentContent::sha2).toList());
        } catch (RuntimeException e) {
            log.warn("could not ask the attachment archive which data district {} has; sending it all: {}", tenantId, e.toString());
            return Set.of();
        }
    }
}
