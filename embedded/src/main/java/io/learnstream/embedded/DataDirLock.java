package io.learnstream.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a broker's data directory, held for the broker's whole life.
 *
 * <p>Kafka locks its log directories only once the broker part starts, after the controller part has
 * already opened the metadata log; a second broker on a directory in use would write into that log.
 * Taking this lock before anything else refuses the second broker before it touches the data.
 */
final class DataDirLock implements AutoCloseable {

    static final String LOCK_FILE = "embedded-kafka.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock acquire(Path dataDir) {
        Path lockFile = dataDir.resolve(LOCK_FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(dataDir, null);
            }
            return new DataDirLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw inUse(dataDir, e);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new EmbeddedKafkaException("could not lock the Kafka data directory " + dataDir
                    + " (" + lockFile + "): " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases the lock as well
        }
        closeQuietly(channel);
    }

    private static EmbeddedKafkaException inUse(Path dataDir, Throwable cause) {
        return new EmbeddedKafkaException("the Kafka data directory " + dataDir
                + " is already used by another running broker (in this or another process)", cause);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
