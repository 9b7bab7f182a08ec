package io.learnstream.sinks.retention;

import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How long each district's personal data in the LRS record (the statement and attachment archives) is kept: a
 * period per district, and one for the districts not named (or none: kept without limit). The sinks set each row's
 * {@code expires_at} from it at insert ({@link #expiry}); the tables' TTL deletes the row once past it.
 *
 * <p>Written as {@code district=period,...} with ISO-8601 periods and {@code *} for every other district, e.g.
 * {@code riverside=P2Y,lakeside=P180D,*=P5Y}; parsed once at the entry point ({@link #parse}).
 *
 * @param otherwise the period of a district not in {@code districts}; empty: kept without limit
 * @param districts the period of each district named
 */
public record RetentionPolicy(Optional<Period> otherwise, Map<String, Period> districts) {
    /** What a row kept without limit expires at: beyond any retention, within ClickHouse's {@code DateTime} range. */
    public static final Instant KEPT_WITHOUT_LIMIT = Instant.parse("2106-01-01T00:00:00Z");
    /** Written for every district not named. */
    public static final String EVERY_OTHER_DISTRICT = "*";
    private static final Pattern DISTRICT = Pattern.compile("[a-z0-9_-]+");

    public RetentionPolicy {
        Objects.requireNonNull(otherwise, "otherwise");
        districts = Map.copyOf(districts);
        otherwise.ifPresent(period -> requirePositive(period, "every other district"));
        districts.forEach((district, period) -> {
            if (!DISTRICT.matcher(district).matches()) {
                throw new IllegalArgumentException("retention of '" + district + "': a district id is lower-case a-z, 0-9, _ and -");
            }
            requirePositive(period, "district " + district);
        });
    }

    /** Every district's data kept without limit (what a store had before retention existed). */
    public static RetentionPolicy keepForever() {
        return new RetentionPolicy(Optional.empty(), Map.of());
    }

    /**
     * The policy {@code spec} writes, e.g. {@code riverside=P2Y,lakeside=P180D,*=P5Y}; blank: {@link #keepForever()}.
     *
     * @throws IllegalArgumentException naming the entry and what is wrong with it
     */
    public static RetentionPolicy parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        if (spec.isBlank()) return keepForever();
        Map<String, Period> districts = new LinkedHashMap<>();
        Period otherwise = null;
        String[] entries = spec.split(",", -1);
        for (int i = 0; i < entries.length; i++) {
            String entry = entries[i].strip();
            String where = "retention entry " + (i + 1) + " ('" + entry + "')";
            int equals = entry.indexOf('=');
            if (equals <= 0) throw new IllegalArgumentException(where + ": write district=period, e.g. riverside=P2Y or *=P5Y");
            String district = entry.substring(0, equals).strip();
            Period period = period(entry.substring(equals + 1).strip(), where);
            if (district.equals(EVERY_OTHER_DISTRICT)) {
                if (otherwise != null) throw new IllegalArgumentException(where + ": * is given twice");
                otherwise = period;
            } else if (districts.putIfAbsent(district, period) != null) {
                throw new IllegalArgumentException(where + ": district " + district + " is given twice");
            } else if (!DISTRICT.matcher(district).matches()) {
                throw new IllegalArgumentException(where + ": a district id is lower-case a-z, 0-9, _ and -, or * for every other");
            }
        }
        try {
            return new RetentionPolicy(Optional.ofNullable(otherwise), districts);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("retention '" + spec + "': " + e.getMessage(), e);
        }
    }

    /** How long {@code district}'s data is kept; empty: without limit. */
    public Optional<Period> of(String district) {
        Period period = districts.get(district);
        return period != null ? Optional.of(period) : otherwise;
    }

    /**
     * When a row of {@code district} stored at {@code stored} expires: {@code stored} plus the district's period (in
     * UTC calendar terms: P1Y from 29 February is 28 February), or {@link #KEPT_WITHOUT_LIMIT}.
     */
    public Instant expiry(String district, Instant stored) {
        return of(district)
                .map(period -> stored.atOffset(ZoneOffset.UTC).plus(period).toInstant())
                .filter(expiry -> expiry.isBefore(KEPT_WITHOUT_LIMIT))
                .orElse(KEPT_WITHOUT_LIMIT);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        districts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> text.append(text.isEmpty() ? "" : ",").append(entry.getKey()).append('=').append(entry.getValue()));
        otherwise.ifPresent(period -> text.append(text.isEmpty() ? "" : ",").append(EVERY_OTHER_DISTRICT).append('=').append(period));
        return text.isEmpty() ? "kept without limit" : text.toString();
    }

    private static Period period(String text, String where) {
        try {
            return Period.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": '" + text + "' is not an ISO-8601 period such as P2Y, P18M or P90D");
        }
    }

    private static void requirePositive(Period period, String whose) {
        if (period.isNegative() || period.isZero() || period.getYears() < 0 || period.getMonths() < 0 || period.getDays() < 0) {
            throw new IllegalArgumentException("the retention of " + whose + " must be a positive period, was " + period);
        }
    }
}
