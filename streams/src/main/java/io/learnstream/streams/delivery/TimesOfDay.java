package io.learnstream.streams.delivery;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Times of day as preferences write them: {@code HH:mm}, 24-hour. */
final class TimesOfDay {
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private TimesOfDay() {}

    static LocalTime parse(String field, String text) {
        try {
            return LocalTime.parse(text, HH_MM);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " must be a time of day HH:mm (00:00 to 23:59), was '" + text + "'");
        }
    }

    static String format(LocalTime time) {
        return HH_MM.format(time);
    }
}
