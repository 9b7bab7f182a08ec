package io.learnstream.ingest.http;

import java.util.concurrent.Executor;

/**
 * Where an answer that waited for Kafka's acknowledgement is written: a virtual thread of its own, not the producer's
 * I/O thread that completes the acknowledgement. Written there, every response would be serialized, compressed and
 * sent (and wait on a client slow to read it) while the acknowledgements of all other requests queue behind it.
 */
final class AcknowledgedAnswers {
    static final Executor EXECUTOR = task -> Thread.ofVirtual().name("learnstream-answer").start(task);

    private AcknowledgedAnswers() {}
}
