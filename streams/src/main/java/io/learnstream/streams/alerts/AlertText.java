package io.learnstream.streams.alerts;

import io.learnstream.schemas.avro.RiskReason;
import io.learnstream.schemas.avro.RiskScore;
import java.util.stream.Collectors;

/**
 * The sentence an alert says to the teacher: the risk in whole percent and the top reasons in the risk topology's
 * words, largest first, e.g. "Risk 82% of failing or withdrawing: no activity for 9 days; 2 of 3 assignments missed."
 */
final class AlertText {
    /** The sentence names at most this many reasons (the alert carries them all). */
    static final int MAX_REASONS = 3;

    private AlertText() {}

    static String of(RiskScore score) {
        String reasons = score.getReasons().stream().limit(MAX_REASONS).map(RiskReason::getText)
                .collect(Collectors.joining("; "));
        return "Risk " + Math.round(score.getProbability() * 100) + "% of failing or withdrawing: " + reasons + ".";
    }
}
