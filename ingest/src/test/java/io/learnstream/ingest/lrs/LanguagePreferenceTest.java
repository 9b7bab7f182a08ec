package io.learnstream.ingest.lrs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LanguagePreferenceTest {

    @Test
    void theTagOfTheHighestQualityWins() {
        LanguagePreference preference = LanguagePreference.parse("fr-CA;q=0.4, de, en;q=0.8");

        assertThat(preference.choose(List.of("en-US", "fr-CA", "de-DE"))).isEqualTo("de-DE");
        assertThat(preference.choose(List.of("en-US", "fr-CA"))).isEqualTo("en-US");
        assertThat(preference.choose(List.of("fr-CA", "es"))).isEqualTo("fr-CA");
    }

    @Test
    void aRangeMatchesItsOwnTagAndLongerTagsAtADashCaseInsensitively() {
        LanguagePreference english = LanguagePreference.parse("EN");

        assertThat(english.choose(List.of("de", "en-gb"))).isEqualTo("en-gb");
        assertThat(english.choose(List.of("eng", "en"))).isEqualTo("en");
        assertThat(english.choose(List.of("eng", "de"))).isEqualTo("eng");
    }

    @Test
    void theMostSpecificRangeDecidesATagsQuality() {
        LanguagePreference preference = LanguagePreference.parse("en;q=0.9, en-GB;q=0.1, *;q=0.5");

        assertThat(preference.choose(List.of("en-GB", "es"))).isEqualTo("es");
        assertThat(preference.choose(List.of("en-GB", "en-US"))).isEqualTo("en-US");
    }

    @Test
    void whenNoTagIsAcceptedOrNothingIsPreferredTheFirstTagIsKept() {
        assertThat(LanguagePreference.parse("ja").choose(List.of("en-US", "fr"))).isEqualTo("en-US");
        assertThat(LanguagePreference.parse("fr;q=0").choose(List.of("en-US", "fr"))).isEqualTo("en-US");
        assertThat(LanguagePreference.parse(null).choose(List.of("fr", "en-US"))).isEqualTo("fr");
        assertThat(LanguagePreference.none().choose(List.of("de"))).isEqualTo("de");
    }

    @Test
    void anUnreadablePartOfTheHeaderIsSkipped() {
        LanguagePreference preference = LanguagePreference.parse("en;q=high, ;;, fr;q=0.7, de;q=2");

        assertThat(preference.choose(List.of("en", "de", "fr"))).isEqualTo("fr");
    }

    @Test
    void aMapWithoutLanguagesHasNothingToChoose() {
        assertThatThrownBy(() -> LanguagePreference.none().choose(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
