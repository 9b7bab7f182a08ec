package io.learnstream.ingest.xapi.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Absolute IRIs, URIs, IRLs and mailto IRIs. */
class IrisTest {

    @ParameterizedTest(name = "{0} is an absolute IRI")
    @ValueSource(strings = {
        "http://adlnet.gov/expapi/verbs/answered", "https://example.com/xapi/verbs#defenestrated", "urn:uuid:7d4f3c70-1e79-4243-9b7d-166076ce8bfb",
        "uuid://7d4f3c70-1e79-4243-9b7d-166076ce8bfb", "course-v1:FUN-MOOC+00002+session01", "http://example.com/فعل/خواندن",
        "https://example.org/a%20b?x=1&y=[2]", "tag:example.org,2026:quiz", "mailto:ann@example.org", "https://example.org/😀"
    })
    void absoluteIrisAreAccepted(String iri) {
        assertThat(Iris.isAbsoluteIri(iri)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is not an absolute IRI")
    @ValueSource(strings = {
        "", "should error", "www.example.org/a", "/relative/path", "#fragment", "ab=c://should.fail.com", "1http://example.org",
        "http:", "https://example.org/a b", "https://example.org/<a>", "https://example.org/%zz", "https://example.org/%4",
        "https://example.org/a#b#c", "https://example.org/\u200Ebidi", "https://example.org/\u0085control", ":no-scheme"
    })
    void othersAreRejectedAsIris(String text) {
        assertThat(Iris.isAbsoluteIri(text)).isFalse();
    }

    @ParameterizedTest(name = "{0} is an IRL")
    @ValueSource(strings = {"http://www.example.com", "https://user@sis.example.org:8443/", "ftp://files.example.org/f.txt", "urn:isbn:0451450523"})
    void irlsAreAccepted(String irl) {
        assertThat(Iris.isIrl(irl)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is not an IRL")
    @ValueSource(strings = {"http:///path", "https://", "http:example.org", "https://:8443/", "should fail"})
    void webIrlsWithoutHostAreRejected(String text) {
        assertThat(Iris.isIrl(text)).isFalse();
    }

    @ParameterizedTest(name = "{0} is a URI")
    @ValueSource(strings = {"http://openid.example.org/12345", "https://toby.openid.example.org/"})
    void asciiUrisAreAccepted(String uri) {
        assertThat(Iris.isAbsoluteUri(uri)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is not a URI")
    @ValueSource(strings = {"https://openid.example.org/ännä", "ab=c://should.fail.com"})
    void nonAsciiOrSchemelessAreNotUris(String text) {
        assertThat(Iris.isAbsoluteUri(text)).isFalse();
    }

    @ParameterizedTest(name = "{0} is a mailto IRI")
    @ValueSource(strings = {"mailto:ann@example.org", "MAILTO:ann@example.org", "mailto:ann+lms@mail.example.org", "mailto:a@b?subject=x@y"})
    void mailtoIrisWithAnAddressAreAccepted(String mbox) {
        assertThat(Iris.isMailtoIri(mbox)).isTrue();
    }

    @ParameterizedTest(name = "\"{0}\" is not a mailto IRI")
    @ValueSource(strings = {"mailto:should.fail.com", "http://should.fail.com", "ann@example.org", "mailto:@example.org", "mailto:ann@", "mailto:"})
    void mailtoIrisWithoutAnAddressAreRejected(String text) {
        assertThat(Iris.isMailtoIri(text)).isFalse();
    }
}
