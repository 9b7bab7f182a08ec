package io.learnstream.sinks.lrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArchiveWatermarkTest {
    private static final Instant T = Instant.parse("2026-09-01T08:00:00Z");
    private static final Duration ALLOWANCE = Duration.ofMillis(500);

    /** The broker's answers, set by each spec. */
    private final Map<Integer, Long> ends = new HashMap<>();
    private final Map<Integer, Long> archived = new HashMap<>();
    private boolean brokerDown;
    private Instant now = T;

    private final TopicProgress progress = new TopicProgress() {
        @Override
        public Map<Integer, Long> endOffsets() {
            if (brokerDown) throw new org.apache.kafka.common.KafkaException("broker unreachable");
            return Map.copyOf(ends);
        }

        @Override
        public Map<Integer, Long> archivedOffsets() {
            if (brokerDown) throw new org.apache.kafka.common.KafkaException("broker unreachable");
            return Map.copyOf(archived);
        }
    };

    private final ArchiveWatermark watermark = new ArchiveWatermark(progress, clock(), ALLOWANCE, 3);

    @Test
    void nothingIsKnownToBeCompleteBeforeTheFirstProbe() {
        assertThat(watermark.consistentThrough()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void aCaughtUpSinkPutsTheWatermarkOneAllowanceBeforeTheProbe() {
        ends.put(0, 7L);
        archived.put(0, 7L);

        probeAt(T);

        assertThat(watermark.consistentThrough()).isEqualTo(T.minus(ALLOWANCE));
    }

    @Test
    void anEmptyTopicIsCompleteAtOnce() {
        ends.put(0, 0L);
        ends.put(1, 0L);

        probeAt(T);

        assertThat(watermark.consistentThrough()).isEqualTo(T.minus(ALLOWANCE));
    }

    @Test
    void theWatermarkWaitsUntilTheSinkReachesTheOffsetsAProbeSaw() {
        ends.put(0, 10L);
        archived.put(0, 5L);
        probeAt(T);
        assertThat(watermark.consistentThrough()).isEqualTo(Instant.EPOCH);

        ends.put(0, 20L);
        archived.put(0, 10L);
        probeAt(T.plusSeconds(1));
        assertThat(watermark.consistentThrough()).isEqualTo(T.minus(ALLOWANCE));

        archived.put(0, 20L);
        probeAt(T.plusSeconds(2));
        assertThat(watermark.consistentThrough()).isEqualTo(T.plusSeconds(2).minus(ALLOWANCE));
    }

    @Test
    void everyPartitionMustBeReachedAndOneWithoutCommitsCountsAsZero() {
        ends.put(0, 4L);
        ends.put(1, 3L);
        archived.put(0, 4L);
        probeAt(T);
        assertThat(watermark.consistentThrough()).isEqualTo(Instant.EPOCH);

        archived.put(1, 3L);
        probeAt(T.plusSeconds(1));
        assertThat(watermark.consistentThrough()).isEqualTo(T.plusSeconds(1).minus(ALLOWANCE));
    }

    @Test
    void aFailedProbeChangesNothing() {
        ends.put(0, 1L);
        archived.put(0, 1L);
        probeAt(T);

        brokerDown = true;
        probeAt(T.plusSeconds(5));

        assertThat(watermark.consistentThrough()).isEqualTo(T.minus(ALLOWANCE));
    }

    @Test
    void theWatermarkNeverMovesBackEvenWhenTheClockDoes() {
        ends.put(0, 1L);
        archived.put(0, 1L);
        probeAt(T.plusSeconds(10));

        probeAt(T);

        assertThat(watermark.consistentThrough()).isEqualTo(T.plusSeconds(10).minus(ALLOWANCE));
    }

    @Test
    void aStuckSinkKeepsOnlyMaxPendingProbesAndTheWatermarkCatchesUpToTheLastKeptOne() {
        archived.put(0, 0L);
        for (int second = 0; second < 10; second++) {
            ends.put(0, 100L + second);
            probeAt(T.plusSeconds(second));
        }
        assertThat(watermark.consistentThrough()).isEqualTo(Instant.EPOCH);

        archived.put(0, 1_000L);
        ends.put(0, 2_000L);
        probeAt(T.plusSeconds(20));

        assertThat(watermark.consistentThrough()).isEqualTo(T.plusSeconds(2).minus(ALLOWANCE));
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> new ArchiveWatermark(progress, clock(), Duration.ofMillis(-1), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArchiveWatermark(progress, clock(), ALLOWANCE, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private void probeAt(Instant instant) {
        now = instant;
        watermark.probe();
    }

    private Clock clock() {
        return new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
    }
}
