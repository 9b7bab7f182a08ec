package io.learnstream.app.replay.oulad;

import java.util.Arrays;

/** A student's {@code final_result} in a presentation. At risk, the usual target, means {@link #FAIL} or {@link #WITHDRAWN}. */
public enum FinalResult {
    PASS("Pass"), DISTINCTION("Distinction"), FAIL("Fail"), WITHDRAWN("Withdrawn");

    private final String label;

    FinalResult(String label) {
        this.label = label;
    }

    /** As OULAD writes it, e.g. {@code Withdrawn}. */
    public String label() {
        return label;
    }

    public boolean atRisk() {
        return this == FAIL || this == WITHDRAWN;
    }

    /** @throws IllegalArgumentException for anything but Pass, Distinction, Fail, Withdrawn */
    static FinalResult of(String label) {
        return Arrays.stream(values()).filter(result -> result.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of Pass, Distinction, Fail, Withdrawn, was '" + label + "'"));
    }
}
