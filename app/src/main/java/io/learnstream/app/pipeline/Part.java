package io.learnstream.app.pipeline;

/** The parts of the pipeline an instance may run besides the LRS front door, which every instance runs. */
public enum Part {
    /** The sink that writes stored statements into the {@code xapi_statements} archive (GET reads it). */
    ARCHIVE,
    /** The intake and engagement topologies and the engagement sink. */
    ANALYTICS,
    /** Alert delivery: the topology making alerts due to teachers (digests, quiet hours) and the e-mail and webhook sender. */
    DELIVERY,
    /** The teacher dashboard (pages, API, live updates) over the topics and tables the other parts write. */
    DASHBOARD
}
