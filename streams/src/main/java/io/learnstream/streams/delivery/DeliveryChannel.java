package io.learnstream.streams.delivery;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Where a teacher's alerts go ({@code TeacherDeliveryPreference.channel}). */
public enum DeliveryChannel {
    /** To the teacher's e-mail address in the roster, over SMTP. */
    EMAIL("email"),
    /** A signed JSON POST to the teacher's (or district's) URL: an LMS, a chat bridge. */
    WEBHOOK("webhook"),
    /** The dashboard's inbox only: nothing is sent (the dashboard shows open alerts from the alerts topic). */
    INBOX("inbox");

    private final String wireName;

    DeliveryChannel(String wireName) {
        this.wireName = wireName;
    }

    /** The word the topics and the CLI use. */
    public String wireName() {
        return wireName;
    }

    /**
     * @throws IllegalArgumentException naming the allowed words when {@code name} is none of them
     */
    public static DeliveryChannel of(String name) {
        for (DeliveryChannel channel : values()) {
            if (channel.wireName.equals(name)) return channel;
        }
        throw new IllegalArgumentException("channel must be one of " + Arrays.stream(values()).map(DeliveryChannel::wireName)
                .collect(Collectors.joining(", ")) + ", was '" + name + "'");
    }
}
