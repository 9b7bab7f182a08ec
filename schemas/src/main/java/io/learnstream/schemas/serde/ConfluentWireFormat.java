package io.learnstream.schemas.serde;

/**
 * Confluent's wire format: magic byte 0, the schema id as a 4-byte big-endian int, then the Avro binary encoding of
 * the record with the schema of that id.
 */
public final class ConfluentWireFormat {
    public static final byte MAGIC_BYTE = 0;
    public static final int ID_SIZE = 4;
    public static final int HEADER_SIZE = 1 + ID_SIZE;

    private ConfluentWireFormat() {}

    /** The schema id in the header of {@code payload}, which must be at least {@link #HEADER_SIZE} bytes. */
    public static int schemaId(byte[] payload) {
        return (payload[1] & 0xff) << 24 | (payload[2] & 0xff) << 16 | (payload[3] & 0xff) << 8 | payload[4] & 0xff;
    }
}
