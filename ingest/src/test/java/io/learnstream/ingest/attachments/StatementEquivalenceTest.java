package io.learnstream.ingest.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class StatementEquivalenceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldNotConsiderWhatTheLrsSetsOrChanges() throws Exception {
        // given the signed statement without id, timestamp and version; the received one with them, authority and stored
        JsonNode signed = json("{'actor':{'mbox':'mailto:ann@example.org'},'verb':{'id':'http://adlnet.gov/expapi/verbs/passed'},'object':{'id':'https://x.org/a'}}");
        JsonNode received = json("{'id':'6690e6c9-3ef0-4ed3-8b37-7f3964730bee','timestamp':'2026-09-07T09:00:00Z','version':'1.0.3',"
                + "'stored':'2026-09-07T09:00:01Z','authority':{'mbox':'mailto:lms@example.org'},"
                + "'actor':{'mbox':'mailto:ann@example.org'},'verb':{'id':'http://adlnet.gov/expapi/verbs/passed'},'object':{'id':'https://x.org/a'},"
                + "'attachments':[]}");

        // then
        assertThat(StatementEquivalence.difference(signed, received)).isEmpty();
    }

    @Test
    void shouldCompareIdsWithoutCaseAndTimestampsAsInstantsWhenBothHaveThem() throws Exception {
        // given
        JsonNode signed = json("{'id':'6690E6C9-3EF0-4ED3-8B37-7F3964730BEE','timestamp':'2026-09-07T11:00:00+02:00','verb':{'id':'http://v.org/a'}}");

        // then
        assertThat(StatementEquivalence.difference(signed,
                json("{'id':'6690e6c9-3ef0-4ed3-8b37-7f3964730bee','timestamp':'2026-09-07T09:00:00.000Z','verb':{'id':'http://v.org/a'}}"))).isEmpty();
        assertThat(StatementEquivalence.difference(signed,
                json("{'id':'6690e6c9-3ef0-4ed3-8b37-7f3964730bee','timestamp':'2026-09-07T09:00:01Z','verb':{'id':'http://v.org/a'}}"))).hasValue("timestamp");
        assertThat(StatementEquivalence.difference(signed,
                json("{'id':'00000000-3ef0-4ed3-8b37-7f3964730bee','timestamp':'2026-09-07T09:00:00Z','verb':{'id':'http://v.org/a'}}"))).hasValue("id");
    }

    @Test
    void shouldIgnoreGroupMemberOrderActivityDefinitionsAndUuidCase() throws Exception {
        // given
        JsonNode signed = json("{'actor':{'objectType':'Group','member':[{'mbox':'mailto:a@x.org'},{'mbox':'mailto:b@x.org'}]},"
                + "'object':{'id':'https://x.org/a','definition':{'name':{'en':'A'}}},'context':{'registration':'ABCDEF01-3EF0-4ED3-8B37-7F3964730BEE'}}");
        JsonNode received = json("{'context':{'registration':'abcdef01-3ef0-4ed3-8b37-7f3964730bee'},'object':{'id':'https://x.org/a'},"
                + "'actor':{'member':[{'mbox':'mailto:b@x.org'},{'mbox':'mailto:a@x.org'}],'objectType':'Group'}}");

        // then
        assertThat(StatementEquivalence.difference(signed, received)).isEmpty();
    }

    @Test
    void shouldCompareNumbersByValueAndEverythingElseExactly() throws Exception {
        // given
        JsonNode signed = json("{'result':{'score':{'raw':1.0},'extensions':{'http://x.org/e':{'Key':'Value'}}}}");

        // then
        assertThat(StatementEquivalence.difference(signed, json("{'result':{'score':{'raw':1},'extensions':{'http://x.org/e':{'Key':'Value'}}}}"))).isEmpty();
        assertThat(StatementEquivalence.difference(signed, json("{'result':{'score':{'raw':1},'extensions':{'http://x.org/e':{'Key':'value'}}}}")))
                .hasValue("result.extensions.http://x.org/e.Key");
        assertThat(StatementEquivalence.difference(signed, json("{'result':{'score':{'raw':1,'min':0},'extensions':{'http://x.org/e':{'Key':'Value'}}}}")))
                .hasValue("result.score.min");
    }

    @Test
    void shouldCompareDurationsToTheHundredthOfASecond() throws Exception {
        // given a signature over a duration written to the hundredth, a statement with more precision
        JsonNode signed = json("{'result':{'duration':'P1DT12H36M0.12S'}}");

        // then
        assertThat(StatementEquivalence.difference(signed, json("{'result':{'duration':'P1DT12H36M0.1237S'}}"))).isEmpty();
        assertThat(StatementEquivalence.difference(json("{'result':{'duration':'PT1.50S'}}"), json("{'result':{'duration':'PT1.5S'}}"))).isEmpty();
        assertThat(StatementEquivalence.difference(json("{'result':{'duration':'PT1S'}}"), json("{'result':{'duration':'PT1.009S'}}"))).isEmpty();
        assertThat(StatementEquivalence.difference(signed, json("{'result':{'duration':'P1DT12H36M0.13S'}}"))).hasValue("result.duration");
        assertThat(StatementEquivalence.difference(signed, json("{'result':{'duration':'P1DT12H37M0.12S'}}"))).hasValue("result.duration");
    }

    @Test
    void shouldCutSecondsToHundredths() {
        assertThat(StatementEquivalence.toHundredths("PT0.1237S")).isEqualTo("PT0.12S");
        assertThat(StatementEquivalence.toHundredths("PT10.000S")).isEqualTo("PT10S");
        assertThat(StatementEquivalence.toHundredths("PT10S")).isEqualTo("PT10S");
        assertThat(StatementEquivalence.toHundredths("P3Y")).isEqualTo("P3Y");
        assertThat(StatementEquivalence.toHundredths("PT1H0.5S")).isEqualTo("PT1H0.5S");
    }

    private static JsonNode json(String singleQuoted) throws Exception {
        return JSON.readTree(singleQuoted.replace('\'', '"'));
    }
}
