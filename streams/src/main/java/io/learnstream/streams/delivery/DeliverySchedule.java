package io.learnstream.streams.delivery;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When an alert read at a moment is due to a teacher, in the school's time zone: as read, or at the first digest
 * time at or after it; and, if that falls in quiet hours, when they end. Daylight-saving gaps move a time of day
 * forward as {@link java.time.ZonedDateTime} does.
 */
public final class DeliverySchedule {
    private DeliverySchedule() {}

    public static Instant due(Instant queued, DeliveryRules rules, ZoneId zone) {
        ZonedDateTime at = queued.atZone(zone);
        if (rules.digestAt().isPresent()) at = nextAtOrAfter(at, rules.digestAt().get());
        if (rules.quiet().isPresent() && rules.quiet().get().contains(at.toLocalTime())) {
            at = nextAtOrAfter(at, rules.quiet().get().end());
        }
        return at.toInstant();
    }

    private static ZonedDateTime nextAtOrAfter(ZonedDateTime from, LocalTime time) {
        ZonedDateTime sameDay = from.toLocalDate().atTime(time).atZone(from.getZone());
        return sameDay.isBefore(from) ? from.toLocalDate().plusDays(1).atTime(time).atZone(from.getZone()) : sameDay;
    }
}
