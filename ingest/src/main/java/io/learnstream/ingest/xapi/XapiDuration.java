package io.learnstream.ingest.xapi;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** ISO 8601 durations as xAPI uses them in {@code result.duration}. */
public final class XapiDuration {
    private static final Pattern DURATION = Pattern.compile(
            "^P(?!$)(?:(\\d+(?:\\.\\d+)?)Y)?(?:(\\d+(?:\\.\\d+)?)M)?(?:(\\d+(?:\\.\\d+)?)W)?(?:(\\d+(?:\\.\\d+)?)D)?"
                    + "(?:T(?=\\d)(?:(\\d+(?:\\.\\d+)?)H)?(?:(\\d+(?:\\.\\d+)?)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?$");
    private static final double[] MILLIS_PER_UNIT = {
        365.25 * 86_400_000, 30.4375 * 86_400_000, 7 * 86_400_000.0, 86_400_000, 3_600_000, 60_000, 1_000
    };

    private XapiDuration() {}

    /** The duration in milliseconds (years and months at their average length), or -1 when it is not ISO 8601. */
    public static long parseMillis(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) return -1;
        double millis = 0;
        for (int group = 1; group <= 7; group++) {
            String value = m.group(group);
            if (value != null) millis += Double.parseDouble(value) * MILLIS_PER_UNIT[group - 1];
        }
        return Math.round(millis);
    }
}
