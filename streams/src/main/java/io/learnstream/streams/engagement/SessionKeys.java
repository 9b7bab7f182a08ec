package io.learnstream.streams.engagement;

import io.learnstream.schemas.avro.StudentCourse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Bytes;

/**
 * Keys of the sessions store: a student's sessions of a course, ordered by the time of their last event. Each part of
 * the student and course is written with its length, so no key's prefix is another's; the time is written so that
 * byte order is time order. A student's sessions of a course are apart by more than the inactivity gap, so ordered by
 * their end they are ordered by their start too.
 */
final class SessionKeys {
    private SessionKeys() {}

    /** The key of the session of {@code key} whose last event is at {@code endMillis}. */
    static Bytes of(StudentCourse key, long endMillis) {
        byte[][] parts = {utf8(key.getTenantId()), utf8(key.getStudentKey()), utf8(key.getCourseId())};
        int size = Long.BYTES;
        for (byte[] part : parts) size += Integer.BYTES + part.length;
        ByteBuffer buffer = ByteBuffer.allocate(size);
        for (byte[] part : parts) buffer.putInt(part.length).put(part);
        buffer.putLong(endMillis ^ Long.MIN_VALUE); // signed order as unsigned byte order
        return Bytes.wrap(buffer.array());
    }

    /** The last possible key of {@code key}'s sessions (a range's inclusive end). */
    static Bytes last(StudentCourse key) {
        return of(key, Long.MAX_VALUE);
    }

    private static byte[] utf8(CharSequence text) {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }
}
