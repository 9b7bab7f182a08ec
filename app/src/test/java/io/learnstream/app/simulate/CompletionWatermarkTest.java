package io.learnstream.app.simulate;

import io.learnstream.app.simulate.CompletionWatermark.Mark;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionWatermarkTest {

    private static Mark mark(long position, int second) {
        return new Mark(position, Optional.of(Instant.ofEpochSecond(second)));
    }

    @Test
    void theWatermarkAdvancesOnlyOverBatchesThatAreAllSettled() {
        // given three batches dispatched in order
        CompletionWatermark watermark = new CompletionWatermark(new Mark(100, Optional.empty()));
        long first = watermark.dispatched(mark(150, 1));
        long second = watermark.dispatched(mark(200, 2));
        long third = watermark.dispatched(mark(250, 3));

        // when the later ones settle first, the watermark stays
        watermark.settled(third);
        watermark.settled(second);
        assertThat(watermark.reached()).isEqualTo(new Mark(100, Optional.empty()));

        // and when the first settles it moves past all three
        watermark.settled(first);
        assertThat(watermark.reached()).isEqualTo(mark(250, 3));
    }

    @Test
    void anUnsettledBatchHoldsTheWatermarkBeforeIt() {
        CompletionWatermark watermark = new CompletionWatermark(new Mark(0, Optional.empty()));
        long first = watermark.dispatched(mark(50, 1));
        watermark.dispatched(mark(100, 2));
        long third = watermark.dispatched(mark(150, 3));

        watermark.settled(first);
        watermark.settled(third);

        assertThat(watermark.reached()).isEqualTo(mark(50, 1));
    }
}
