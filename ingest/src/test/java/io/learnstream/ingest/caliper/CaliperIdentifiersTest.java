package io.learnstream.ingest.caliper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The identifier forms Caliper uses, read without regular expressions. */
class CaliperIdentifiersTest {
    @ParameterizedTest
    @ValueSource(strings = {"urn:uuid:27734504-068d-4596-861c-2315be33a2a2", "URN:UUID:27734504-068D-4596-861C-2315BE33A2A2",
        "urn:uuid:00000000-0000-0000-0000-000000000000"})
    void aUuidUrnIsUrnUuidAndA36CharacterUuid(String id) {
        assertThat(CaliperIdentifiers.isUrnUuid(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "urn:uuid:", "27734504-068d-4596-861c-2315be33a2a2", "urn:uuid:27734504-068d-4596-861c-2315be33a2a",
        "urn:uuid:27734504-068d-4596-861c-2315be33a2a2a", "urn:uuid:27734504_068d-4596-861c-2315be33a2a2",
        "urn:uuid:2773450-4068d-4596-861c-2315be33a2a2", "urn:uid:27734504-068d-4596-861c-2315be33a2a2x"})
    void anythingElseIsNotAUuidUrn(String id) {
        assertThat(CaliperIdentifiers.isUrnUuid(id)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.edu/users/554433", "urn:instructure:canvas:user:21070000000000001",
        "mailto:ann@example.org", "http://purl.imsglobal.org/caliper/Person", "tag:example.edu,2016:x", "a+b-c.d:e"})
    void anAbsoluteIriHasASchemeAndSomethingAfterIt(String iri) {
        assertThat(CaliperIdentifiers.isAbsoluteIri(iri)).isTrue();
        assertThat(CaliperIdentifiers.isEntityId(iri)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "users/554433", ":nothing", "https:", "1http://example.edu", "ht tp://example.edu",
        "https://example.edu/a b", "https://example.edu/\ttab", "_:b0"})
    void relativeReferencesAndStringsWithSpacesAreNotAbsoluteIris(String text) {
        assertThat(CaliperIdentifiers.isAbsoluteIri(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"_:b0", "_:learner"})
    void aBlankNodeIsAnEntityIdButNotAnIri(String id) {
        assertThat(CaliperIdentifiers.isBlankNode(id)).isTrue();
        assertThat(CaliperIdentifiers.isEntityId(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://purl.imsglobal.org/caliper/Person", "https://purl.imsglobal.org/caliper/CourseOffering"})
    void aCaliperTypeIriAsIdMarksAnAnonymousEntity(String id) {
        assertThat(CaliperIdentifiers.isAnonymous(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://example.edu/users/554433", "http://purl.imsglobal.org/ctx/caliper/v1p2"})
    void otherIdsAreNotAnonymous(String id) {
        assertThat(CaliperIdentifiers.isAnonymous(id)).isFalse();
    }
}
