package io.learnstream.ingest.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnstream.ingest.StatementKeys;
import io.learnstream.ingest.xapi.XapiVersion;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The document resources' rules (Communication 2.2, 2.3, 2.6, 2.7 and 3.1) on tables in memory. */
class DocumentStoreTest {
    private static final String ANN = "mbox:mailto:ann@example.org";
    private static final String ANN_JSON = "{\"mbox\":\"mailto:ann@example.org\"}";
    private static final String COURSE = "https://lms.example.org/courses/algebra-1";
    private static final String JSON = "application/json";
    private static final Instant T0 = Instant.parse("2026-09-07T10:00:00Z");

    private final MovableClock clock = new MovableClock(T0);
    private final Map<DocumentKind, DocumentTable> tables = InMemoryDocumentTable.perKind();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final DocumentStore store = new DocumentStore(tables, clock, new DocumentMetrics(meters), 64);

    private static DocumentAddress state(String tenant, String registration, String stateId) {
        return new DocumentAddress(tenant, DocumentKind.STATE, COURSE, ANN, ANN_JSON, registration, stateId);
    }

    private static DocumentAddress agentProfile(String profileId) {
        return new DocumentAddress("riverside", DocumentKind.AGENT_PROFILE, null, ANN, ANN_JSON, null, profileId);
    }

    private static DocumentAddress activityProfile(String profileId) {
        return new DocumentAddress("riverside", DocumentKind.ACTIVITY_PROFILE, COURSE, null, null, null, profileId);
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String read(DocumentAddress address) {
        return new String(store.get(address).orElseThrow().content(), StandardCharsets.UTF_8);
    }

    @Nested
    class PutAndGet {
        @Test
        void shouldAnswerTheDocumentAsStoredWithItsMediaTypeSha1EtagAndWhenItWasStored() {
            store.put(state("riverside", null, "bookmark"), "text/plain", text("slide-7"), Preconditions.NONE, XapiVersion.V1_0_3);

            StoredDocument document = store.get(state("riverside", null, "bookmark")).orElseThrow();
            assertThat(new String(document.content(), StandardCharsets.UTF_8)).isEqualTo("slide-7");
            assertThat(document.contentType()).isEqualTo("text/plain");
            assertThat(document.etag()).matches("[0-9a-f]{40}");
            assertThat(document.updated()).isEqualTo(T0);
        }

        @Test
        void shouldKeepOneDocumentPerRegistration() {
            store.put(state("riverside", null, "bookmark"), "text/plain", text("none"), Preconditions.NONE, XapiVersion.V1_0_3);
            store.put(state("riverside", "6f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77", "bookmark"), "text/plain", text("reg"), Preconditions.NONE,
                    XapiVersion.V1_0_3);

            assertThat(read(state("riverside", null, "bookmark"))).isEqualTo("none");
            assertThat(read(state("riverside", "6f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77", "bookmark"))).isEqualTo("reg");
        }

        @Test
        void shouldNeverAnswerOneDistrictWithAnothersDocument() {
            store.put(state("riverside", null, "bookmark"), "text/plain", text("riverside's"), Preconditions.NONE, XapiVersion.V1_0_3);

            assertThat(store.get(state("hillcrest", null, "bookmark"))).isEmpty();
            assertThat(store.list(state("hillcrest", null, null), Optional.empty())).isEmpty();
        }

        @Test
        void shouldKeyALearnersDocumentsUnderTheirActorKeySoAnErasureFindsThem() {
            store.put(state("riverside", null, "bookmark"), "text/plain", text("x"), Preconditions.NONE, XapiVersion.V1_0_3);
            store.put(agentProfile("cmi5LearnerPreferences"), JSON, text("{}"), Preconditions.of(null, "*"), XapiVersion.V1_0_3);

            String prefix = StatementKeys.actorKey("riverside", ANN) + "/";
            assertThat(((InMemoryDocumentTable) tables.get(DocumentKind.STATE)).all().keySet()).allMatch(key -> key.startsWith(prefix));
            assertThat(((InMemoryDocumentTable) tables.get(DocumentKind.AGENT_PROFILE)).all().keySet()).allMatch(key -> key.startsWith(prefix));
            assertThat(prefix).doesNotContain("ann");
        }

        @Test
        void shouldAnswer400ForContentSentAsJsonThatIsNotJson() {
            assertThatThrownBy(() -> store.put(state("riverside", null, "s"), JSON, text("{not json"), Preconditions.NONE, XapiVersion.V1_0_3))
                    .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.status()).isEqualTo(400));
        }

        @Test
        void shouldAnswer400ToAPutOrPostWithoutADocument() {
            assertThatThrownBy(() -> store.put(state("riverside", null, "s"), "text/plain", new byte[0], Preconditions.NONE, XapiVersion.V1_0_3))
                    .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.status()).isEqualTo(400));
            assertThatThrownBy(() -> store.post(activityProfile("p"), "application/octet-stream", new byte[0], Preconditions.NONE))
                    .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.status()).isEqualTo(400));
        }

        @Test
        void shouldAnswer413ForADocumentLargerThanTheLimitAndKeepNothing() {
            assertThatThrownBy(() -> store.put(state("riverside", null, "s"), "text/plain", new byte[65], Preconditions.NONE, XapiVersion.V1_0_3))
                    .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.status()).isEqualTo(413));
            assertThat(store.get(state("riverside", null, "s"))).isEmpty();
        }

        @Test
        void shouldCountReadsAndWritesByKindAndOutcome() {
            store.put(state("riverside", null, "s"), "text/plain", text("x"), Preconditions.NONE, XapiVersion.V1_0_3);
            store.get(state("riverside", null, "s"));
            store.get(state("riverside", null, "missing"));

            assertThat(meters.get("learnstream.documents.writes").tag("kind", "state").tag("outcome", "stored").counter().count()).isEqualTo(1);
            assertThat(meters.get("learnstream.documents.reads").tag("outcome", "found").counter().count()).isEqualTo(1);
            assertThat(meters.get("learnstream.documents.reads").tag("outcome", "not_found").counter().count()).isEqualTo(1);
        }
    }

    @Nested
    class PostMerge {
        @Test
        void shouldStoreAPostedDocumentThatIsNotThereAsAPutWould() {
            store.post(activityProfile("p"), JSON, text("{\"car\":\"MKX\"}"), Preconditions.NONE);

            assertThat(read(activityProfile("p"))).isEqualTo("{\"car\":\"MKX\"}");
        }

        @Test
        void shouldMergeTopLevelPropertiesReplacingNestedObjectsWhole() {
            store.post(activityProfile("p"), JSON, text("{\"car\":{\"make\":\"Ford\",\"model\":\"Escape\"},\"driver\":\"Dale\"}"), Preconditions.NONE);
            store.post(activityProfile("p"), JSON, text("{\"car\":{\"make\":\"Dodge\"},\"series\":\"nextel\"}"), Preconditions.NONE);

            assertThat(read(activityProfile("p"))).isEqualTo("{\"car\":{\"make\":\"Dodge\"},\"driver\":\"Dale\",\"series\":\"nextel\"}");
        }

        @Test
        void shouldAnswer400WhenEitherDocumentIsNotAJsonObject() {
            store.post(activityProfile("p"), JSON, text("{\"car\":\"MKX\"}"), Preconditions.NONE);

            assertThatThrownBy(() -> store.post(activityProfile("p"), "application/x-www-form-urlencoded", text("abc"), Preconditions.NONE))
                    .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.status()).isEqualTo(400));
            assertThatThrownBy(() -> store.post(activityProfile("p"), JSON, text("[1,2]"), Preconditions.NONE))
                    .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.status()).isEqualTo(400));
            assertThat(read(activityProfile("p"))).isEqualTo("{\"car\":\"MKX\"}");
        }

        @Test
        void shouldChangeTheEtagWithTheMergedContent() {
            store.post(activityProfile("p"), JSON, text("{\"a\":1}"), Preconditions.NONE);
            String before = store.get(activityProfile("p")).orElseThrow().etag();
            store.post(activityProfile("p"), JSON, text("{\"b\":2}"), Preconditions.NONE);

            assertThat(store.get(activityProfile("p")).orElseThrow().etag()).isNotEqualTo(before).isEqualTo(DocumentEtags.of(text("{\"a\":1,\"b\":2}")));
        }
    }

    @Nested
    class Concurrency {
        @Test
        void shouldAnswer409ToAPutOverAnExistingProfileWithNeitherHeaderAndKeepTheDocument() {
            store.put(activityProfile("p"), JSON, text("{\"v\":1}"), Preconditions.NONE, XapiVersion.V1_0_3);

            assertThatThrownBy(() -> store.put(activityProfile("p"), JSON, text("{\"v\":2}"), Preconditions.NONE, XapiVersion.V1_0_3))
                    .isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
                        assertThat(e.status()).isEqualTo(409);
                        assertThat(e.getMessage()).contains("If-Match");
                    });
            assertThat(read(activityProfile("p"))).isEqualTo("{\"v\":1}");
        }

        @Test
        void shouldLetA103StateBeOverwrittenWithoutHeadersButNotA20One() {
            store.put(state("riverside", null, "s"), "text/plain", text("1"), Preconditions.NONE, XapiVersion.V1_0_3);
            store.put(state("riverside", null, "s"), "text/plain", text("2"), Preconditions.NONE, XapiVersion.V1_0_3);

            assertThat(read(state("riverside", null, "s"))).isEqualTo("2");
            assertThatThrownBy(() -> store.put(state("riverside", null, "s"), "text/plain", text("3"), Preconditions.NONE, XapiVersion.V2_0_0))
                    .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.status()).isEqualTo(409));
        }

        @Test
        void shouldAnswer400ToAnAgentProfilePutWithNeitherHeader() {
            assertThatThrownBy(() -> store.put(agentProfile("p"), JSON, text("{}"), Preconditions.NONE, XapiVersion.V1_0_3))
                    .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.status()).isEqualTo(400));
            assertThat(store.get(agentProfile("p"))).isEmpty();
        }

        @Test
        void shouldAnswer412WhenIfMatchDoesNotMatchAndKeepTheDocument() {
            store.put(activityProfile("p"), JSON, text("{\"v\":1}"), Preconditions.of(null, "*"), XapiVersion.V1_0_3);

            assertThatThrownBy(() -> store.put(activityProfile("p"), JSON, text("{\"v\":2}"),
                    Preconditions.of("\"1111111111111111111111111111111111111111\"", null), XapiVersion.V1_0_3))
                    .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.status()).isEqualTo(412));
            assertThat(read(activityProfile("p"))).isEqualTo("{\"v\":1}");
        }

        @Test
        void shouldReplaceTheDocumentWhenIfMatchNamesItsEtag() {
            store.put(activityProfile("p"), JSON, text("{\"v\":1}"), Preconditions.of(null, "*"), XapiVersion.V1_0_3);
            String etag = store.get(activityProfile("p")).orElseThrow().etag();

            store.put(activityProfile("p"), JSON, text("{\"v\":2}"), Preconditions.of("\"" + etag + "\"", null), XapiVersion.V1_0_3);

            assertThat(read(activityProfile("p"))).isEqualTo("{\"v\":2}");
        }

        @Test
        void shouldAnswer412ToIfNoneMatchStarWhenTheDocumentExists() {
            store.put(activityProfile("p"), JSON, text("{\"v\":1}"), Preconditions.of(null, "*"), XapiVersion.V1_0_3);

            assertThatThrownBy(() -> store.put(activityProfile("p"), JSON, text("{\"v\":2}"), Preconditions.of(null, "*"), XapiVersion.V1_0_3))
                    .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.status()).isEqualTo(412));
        }

        @Test
        void shouldAnswer412ToIfMatchOnADocumentThatIsNotThere() {
            assertThatThrownBy(() -> store.put(activityProfile("p"), JSON, text("{}"), Preconditions.of("*", null), XapiVersion.V1_0_3))
                    .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.status()).isEqualTo(412));
        }

        @Test
        void shouldAnswer412ToAPostOrDeleteWhoseIfMatchDoesNotMatch() {
            store.post(activityProfile("p"), JSON, text("{\"v\":1}"), Preconditions.NONE);

            assertThatThrownBy(() -> store.post(activityProfile("p"), JSON, text("{\"w\":1}"), Preconditions.of("1234", null)))
                    .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.status()).isEqualTo(412));
            assertThatThrownBy(() -> store.delete(activityProfile("p"), Preconditions.of("1234", null)))
                    .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.status()).isEqualTo(412));
            assertThat(read(activityProfile("p"))).isEqualTo("{\"v\":1}");
            assertThat(meters.get("learnstream.documents.writes").tag("outcome", "precondition_failed").counters()).hasSize(2);
        }
    }

    @Nested
    class ListAndDelete {
        @Test
        void shouldListTheIdsOfTheScopeStoredAfterSince() {
            store.put(state("riverside", null, "early"), "text/plain", text("1"), Preconditions.NONE, XapiVersion.V1_0_3);
            clock.advance(Duration.ofMinutes(5));
            store.put(state("riverside", null, "late"), "text/plain", text("2"), Preconditions.NONE, XapiVersion.V1_0_3);

            assertThat(store.list(state("riverside", null, null), Optional.empty())).extracting(StoredDocument::id).containsExactly("early", "late");
            assertThat(store.list(state("riverside", null, null), Optional.of(T0.plusSeconds(60)))).extracting(StoredDocument::id)
                    .containsExactly("late");
        }

        @Test
        void shouldDeleteEveryStateOfTheScopeOrOnlyThoseOfTheRegistrationNamed() {
            String registration = "6f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77";
            store.put(state("riverside", null, "a"), "text/plain", text("1"), Preconditions.NONE, XapiVersion.V1_0_3);
            store.put(state("riverside", registration, "b"), "text/plain", text("2"), Preconditions.NONE, XapiVersion.V1_0_3);
            store.put(state("riverside", registration, "c"), "text/plain", text("3"), Preconditions.NONE, XapiVersion.V1_0_3);

            store.deleteAll(state("riverside", registration, null));
            assertThat(store.list(state("riverside", null, null), Optional.empty())).extracting(StoredDocument::id).containsExactly("a");

            store.deleteAll(state("riverside", null, null));
            assertThat(store.list(state("riverside", null, null), Optional.empty())).isEmpty();
        }

        @Test
        void shouldAcceptTheDeleteOfADocumentThatIsNotThere() {
            store.delete(activityProfile("never-written"), Preconditions.NONE);

            assertThat(store.get(activityProfile("never-written"))).isEmpty();
        }
    }

    /** A clock the specs move forward. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
