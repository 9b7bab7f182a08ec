package io.learnstream.ingest.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code If-Match} and {@code If-None-Match} as RFC 2616 14.24 and 14.26 read them. */
class PreconditionsTest {
    private static final String ETAG = "9f89c740ceb46d7418c924a78ac57941d5e96520";

    @Test
    void shouldReadQuotedWeakAndBareTagsAndLists() {
        assertThat(Preconditions.tags("\"a\", W/\"b\" ,c")).containsExactly("a", "b", "c");
        assertThat(Preconditions.tags("*")).containsExactly("*");
    }

    @Test
    void shouldHoldWhenIfMatchNamesTheCurrentEtagAmongOthers() {
        assertThatCode(() -> Preconditions.of("\"x\", \"" + ETAG + "\"", null).require(Optional.of(ETAG), "state")).doesNotThrowAnyException();
        assertThatCode(() -> Preconditions.of("*", null).require(Optional.of(ETAG), "state")).doesNotThrowAnyException();
    }

    @Test
    void shouldFailWith412WhenIfMatchNamesAnotherEtagOrTheDocumentIsMissing() {
        assertThatThrownBy(() -> Preconditions.of("\"x\"", null).require(Optional.of(ETAG), "state"))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.status()).isEqualTo(412));
        assertThatThrownBy(() -> Preconditions.of("*", null).require(Optional.empty(), "state"))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.status()).isEqualTo(412));
    }

    @Test
    void shouldFailWith412WhenIfNoneMatchStarMeetsAnExistingDocument() {
        assertThatThrownBy(() -> Preconditions.of(null, "*").require(Optional.of(ETAG), "state"))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.status()).isEqualTo(412));
        assertThatCode(() -> Preconditions.of(null, "*").require(Optional.empty(), "state")).doesNotThrowAnyException();
        assertThatCode(() -> Preconditions.of(null, "\"other\"").require(Optional.of(ETAG), "state")).doesNotThrowAnyException();
    }

    @Test
    void shouldSayWhetherAnyHeaderWasSent() {
        assertThat(Preconditions.NONE.any()).isFalse();
        assertThat(Preconditions.of(null, "*").any()).isTrue();
    }
}
