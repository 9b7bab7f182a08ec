package io.learnstream.app.simulate;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RatePacerTest {

    private static final long NO_DEADLINE = Long.MAX_VALUE;

    @Test
    void batchesAreSpacedToHoldTheTargetRate() throws InterruptedException {
        // given a pacer at 500 statements per second
        ManualTiming timing = new ManualTiming();
        long start = timing.nanoTime();
        RatePacer pacer = new RatePacer(500, timing);

        // when 100 batches of 50 are paced
        for (int i = 0; i < 100; i++) {
            assertThat(pacer.acquire(50, NO_DEADLINE)).isTrue();
        }

        // then the first went at once and each next one 0.1 s later: 5,000 statements in 9.9 s
        assertThat(timing.sleeps()).hasSize(99).allSatisfy(d -> assertThat(d).isEqualTo(Duration.ofMillis(100)));
        assertThat(Duration.ofNanos(timing.nanoTime() - start)).isEqualTo(Duration.ofMillis(9_900));
    }

    @Test
    void aCallerThatFellBehindCatchesUpAtMostOneSecondWorth() throws InterruptedException {
        ManualTiming timing = new ManualTiming();
        RatePacer pacer = new RatePacer(100, timing);
        pacer.acquire(10, NO_DEADLINE);

        // when the caller was busy for 5 s
        timing.advance(Duration.ofSeconds(5));

        // then the batch due now goes at once, and so do 1 s worth of missed ones (10 batches of 10), no more
        int withoutWaiting = 0;
        while (true) {
            pacer.acquire(10, NO_DEADLINE);
            if (!timing.sleeps().isEmpty()) {
                break;
            }
            withoutWaiting++;
        }
        assertThat(withoutWaiting).isEqualTo(1 + 10);
    }

    @Test
    void noBatchIsAllowedWhoseSlotFallsAtOrAfterTheDeadline() throws InterruptedException {
        ManualTiming timing = new ManualTiming();
        RatePacer pacer = new RatePacer(10, timing);
        long deadline = timing.nanoTime() + Duration.ofSeconds(3).toNanos();

        int allowed = 0;
        while (pacer.acquire(10, deadline)) {
            allowed++;
        }

        // slots at 0 s, 1 s and 2 s; the one at 3 s is refused without waiting for it
        assertThat(allowed).isEqualTo(3);
        assertThat(timing.totalSlept()).isEqualTo(Duration.ofSeconds(2));
    }
}
