package io.learnstream.app.simulate;

/** What became of a batch of statements. */
enum BatchOutcome {
    /** The server answered 2xx. */
    ACCEPTED,
    /** The server answered 4xx (other than 429): the statements are refused, retrying would not help. */
    REJECTED,
    /** Given up after the retries allowed: not to be sent again. */
    FAILED,
    /** Given up because the simulator stopped while retrying: a later run sends the batch again. */
    ABANDONED
}
