package io.learnstream.ingest.xapi.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** UUIDs in standard string form. */
class UuidsTest {

    @ParameterizedTest(name = "{0} is a UUID in standard form")
    @ValueSource(strings = {"3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77", "AA97B177-9383-4934-8543-0F91A7A02836", "c232ab00-9414-11ec-b3c8-9e6bdeced846",
        "00000000-0000-0000-0000-000000000000"})
    void standardFormIsAccepted(String text) {
        assertThat(Uuids.isStandardForm(text)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is not a UUID in standard form")
    @ValueSource(strings = {"", "AA97B177-9383-4934-8543-0F91A7A028368", "MA97B177-9383-4934-8543-0F91A7A02836", "3f1c0a6e7d2b4c559a1e2b8f5c1d9e77",
        "{3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77}", "urn:uuid:3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77", "3f1c0a6e-7d2b-4c55-9a1e_2b8f5c1d9e77"})
    void otherFormsAreRejected(String text) {
        assertThat(Uuids.isStandardForm(text)).isFalse();
    }
}
