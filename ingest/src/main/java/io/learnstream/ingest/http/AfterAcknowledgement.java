package io.learnstream.ingest.http;

import java.util.concurrent.Executor;

/**
 * Where what follows a Kafka acknowledgement runs: the answer written once the request's records are acknowledged,
 * and the statements sent once their attachment data is. A virtual thread of its own each, never the producer's I/O
 * thread that completes the acknowledgement: there every answer would be serialized, compressed and sent (and wait on
 * a client slow to read it) while the acknowledgements of all other requests queue behind it, and a send could wait
 * for topic metadata only that thread can fetch.
 */
final class AfterAcknowledgement {
    static final Executor EXECUTOR = task -> Thread.ofVirtual().name("learnstream-after-ack").start(task);

    private AfterAcknowledgement() {}
}
