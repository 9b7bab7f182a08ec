package io.learnstream.ingest.xapi.validation;

import static io.learnstream.ingest.xapi.validation.RuleCases.Case.accepts;
import static io.learnstream.ingest.xapi.validation.RuleCases.Case.rejects;
import static io.learnstream.ingest.xapi.validation.RuleCases.all;
import static io.learnstream.ingest.xapi.validation.RuleCases.remove;
import static io.learnstream.ingest.xapi.validation.RuleCases.replaceWith;
import static io.learnstream.ingest.xapi.validation.RuleCases.set;
import static io.learnstream.ingest.xapi.XapiVersion.V1_0_3;
import static io.learnstream.ingest.xapi.XapiVersion.V2_0_0;

import io.learnstream.ingest.xapi.XapiVersion;
import io.learnstream.ingest.xapi.validation.RuleCases.Case;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The statement as a whole (xAPI Data 2.2, 2.4): required and allowed properties, id, stored, authority, version, voiding. */
class StatementPropertiesTest {

    static Stream<Arguments> statementProperties() {
        return RuleCases.arguments(
                accepts("a statement using every property", s -> s),
                accepts("the simplest statement (actor, verb, object)", replaceWith("""
                        {"actor": {"mbox": "mailto:ann@example.org"}, "verb": {"id": "http://adlnet.gov/expapi/verbs/created"},
                         "object": {"id": "http://example.adlnet.gov/xapi/example/activity"}}""")),
                rejects("a statement without actor", remove("/actor"), "actor", "is required"),
                rejects("a statement without verb", remove("/verb"), "verb", "is required"),
                rejects("a statement without object", remove("/object"), "object", "is required"),
                rejects("a statement whose actor is null", set("/actor", "null"), "actor", "must not be null"),
                rejects("a misspelt property (verbb) when verb is missing reports verb first",
                        all(remove("/verb"), set("/verbb", "{\"id\": \"http://example.org/v\"}")), "verb", "is required"),
                rejects("an unknown property", set("/score", "1"), "score", "is not a property of a Statement"),
                rejects("a property in the wrong case (iD)", all(remove("/id"), set("/iD", "\"3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77\"")),
                        "iD", "property names are case-sensitive, it should be 'id'"),
                rejects("a property in the wrong case (Actor)", set("/Actor", "{\"mbox\": \"mailto:ann@example.org\"}"),
                        "Actor", "it should be 'actor'"),
                rejects("a property in the wrong case (timeStamp)", set("/timeStamp", "\"2026-09-07T10:30:00Z\""),
                        "timeStamp", "it should be 'timestamp'"));
    }

    static Stream<Arguments> id() {
        return RuleCases.arguments(
                accepts("a statement without id (the LRS assigns one)", remove("/id")),
                accepts("an id in upper case", set("/id", "\"AA97B177-9383-4934-8543-0F91A7A02836\"")),
                accepts("an id of UUID version 1", set("/id", "\"c232ab00-9414-11ec-b3c8-9e6bdeced846\"")),
                rejects("an id with too many digits", set("/id", "\"AA97B177-9383-4934-8543-0F91A7A028368\""), "id", "must be a UUID"),
                rejects("an id with a letter that is not hexadecimal", set("/id", "\"MA97B177-9383-4934-8543-0F91A7A02836\""), "id", "must be a UUID"),
                rejects("an id without hyphens", set("/id", "\"3f1c0a6e7d2b4c559a1e2b8f5c1d9e77\""), "id", "must be a UUID"),
                rejects("a numeric id", set("/id", "12345"), "id", "must be a string"),
                rejects("an object as id", set("/id", "{\"key\": \"should fail\"}"), "id", "must be a string"),
                rejects("an empty id", set("/id", "\"\""), "id", "must be a UUID"),
                rejects("a null id", set("/id", "null"), "id", "must not be null"));
    }

    static Stream<Arguments> timestampAndStored() {
        return RuleCases.arguments(
                accepts("a timestamp in UTC", set("/timestamp", "\"2013-05-18T05:32:34.804Z\"")),
                accepts("a timestamp with microseconds", set("/timestamp", "\"2021-11-29T23:09:00.867219+00:00\"")),
                accepts("a timestamp with a space instead of T (RFC 3339)", set("/timestamp", "\"2008-09-15 15:53:00.601+00:00\"")),
                rejects("a timestamp that is not a date", set("/timestamp", "\"should fail\""), "timestamp", "must be"),
                rejects("a timestamp in another date format", set("/timestamp", "\"01/011/2015\""), "timestamp", "must be"),
                rejects("a timestamp with offset -00:00", set("/timestamp", "\"2008-09-15T15:53:00.601-00:00\""), "timestamp", "-00:00"),
                rejects("a timestamp with offset -00", set("/timestamp", "\"2008-09-15T15:53:00.601-00\""), "timestamp", "must"),
                rejects("a timestamp with offset -0000", set("/timestamp", "\"2008-09-15T15:53:00.601-0000\""), "timestamp", "must"),
                rejects("a timestamp on 30 February", set("/timestamp", "\"2026-02-30T10:00:00Z\""), "timestamp", "a real date"),
                rejects("a numeric timestamp", set("/timestamp", "1700000000"), "timestamp", "must be a string"),
                accepts("a timestamp without time zone in 1.0.3 (the zone is only recommended)",
                        set("/timestamp", "\"2026-09-07T10:30:00.123\"")).onlyIn(V1_0_3),
                rejects("a timestamp without time zone in 2.0", set("/timestamp", "\"2026-09-07T10:30:00.123\""),
                        "timestamp", "must include a time zone").onlyIn(V2_0_0),
                accepts("an ISO 8601 basic-format timestamp in 1.0.3", set("/timestamp", "\"20260907T103000Z\"")).onlyIn(V1_0_3),
                rejects("an ISO 8601 basic-format timestamp in 2.0 (not RFC 3339)", set("/timestamp", "\"20260907T103000Z\""),
                        "timestamp", "RFC 3339").onlyIn(V2_0_0),
                accepts("a stored property sent by the client (the LRS overwrites it)", set("/stored", "\"2011-07-15T00:00:00.000Z\"")),
                rejects("a stored property that is not a timestamp", set("/stored", "\"yesterday\""), "stored", "must be"),
                rejects("a stored property in the wrong case (STOred)", set("/STOred", "\"2011-07-15T00:00:00.000Z\""),
                        "STOred", "it should be 'stored'"));
    }

    static Stream<Arguments> authority() {
        return RuleCases.arguments(
                accepts("an Agent as authority", set("/authority", "{\"mbox\": \"mailto:lrs@example.org\"}")),
                accepts("an anonymous Group of two Agents as authority (3-legged OAuth)", set("/authority", """
                        {"objectType": "Group", "member": [
                          {"account": {"homePage": "http://example.com/xAPI/OAuth/Token", "name": "oauth_consumer_x75db"}},
                          {"mbox": "mailto:bob@example.com"}]}""")),
                rejects("an identified Group as authority", set("/authority", """
                        {"objectType": "Group", "openid": "http://openid.example.org/12345",
                         "member": [{"mbox": "mailto:a@example.com"}, {"mbox": "mailto:b@example.com"}]}"""),
                        "authority", "anonymous Group of exactly two Agents"),
                rejects("an anonymous Group of one Agent as authority",
                        set("/authority", "{\"objectType\": \"Group\", \"member\": [{\"mbox\": \"mailto:bob@example.com\"}]}"),
                        "authority", "exactly two Agents"),
                rejects("an anonymous Group of three Agents as authority", set("/authority", """
                        {"objectType": "Group", "member": [{"mbox": "mailto:a@example.com"}, {"mbox": "mailto:b@example.com"},
                         {"mbox": "mailto:c@example.com"}]}"""), "authority", "exactly two Agents"),
                rejects("an authority Agent with an invalid identifier", set("/authority", "{\"mbox\": \"http://should.fail.com\"}"),
                        "authority.mbox", "must be a 'mailto:' IRI"),
                rejects("an authority that is not an object", set("/authority", "\"me\""), "authority", "must be an Agent or a Group"));
    }

    static Stream<Arguments> version() {
        return RuleCases.arguments(
                accepts("version 1.0", set("/version", "\"1.0\"")),
                accepts("version 1.0.9", set("/version", "\"1.0.9\"")),
                accepts("version 1.0.3 with a Semantic Versioning build", set("/version", "\"1.0.3+build.7\"")),
                rejects("version 1.1.0", set("/version", "\"1.1.0\""), "version", "must be 1.0"),
                rejects("version 0.9.9", set("/version", "\"0.9.9\""), "version", "must be 1.0"),
                rejects("a version that is not a version", set("/version", "\"should fail\""), "version", "must be 1.0"),
                rejects("a numeric version", set("/version", "1.0"), "version", "must be a string"),
                rejects("a statement version 2.0.0 in an xAPI 1.0.3 request", set("/version", "\"2.0.0\""),
                        "version", "must be 1.0 or 1.0.x").onlyIn(V1_0_3),
                accepts("a statement version 2.0.0 in an xAPI 2.0 request", set("/version", "\"2.0.0\"")).onlyIn(V2_0_0),
                rejects("version 2.1.0 in an xAPI 2.0 request", set("/version", "\"2.1.0\""), "version", "2.0 or 2.0.x").onlyIn(V2_0_0));
    }

    static Stream<Arguments> voiding() {
        Case voidingStatementRef = accepts("a voiding statement whose object is a StatementRef", all(
                set("/verb", "{\"id\": \"http://adlnet.gov/expapi/verbs/voided\", \"display\": {\"en-US\": \"voided\"}}"),
                set("/object", "{\"objectType\": \"StatementRef\", \"id\": \"e05aa883-acaf-40ad-bf54-02c8ce485fb0\"}"),
                remove("/context/revision"), remove("/context/platform")));
        return RuleCases.arguments(
                voidingStatementRef,
                rejects("a voiding statement whose object is an Activity",
                        set("/verb", "{\"id\": \"http://adlnet.gov/expapi/verbs/voided\"}"), "object.objectType", "must be 'StatementRef'"),
                rejects("a voiding SubStatement whose object is an Activity", set("/object", """
                        {"objectType": "SubStatement", "actor": {"mbox": "mailto:ann@example.org"},
                         "verb": {"id": "http://adlnet.gov/expapi/verbs/voided"}, "object": {"id": "https://example.org/a"}}"""),
                        "object.object.objectType", "must be 'StatementRef'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statementProperties")
    void statementHasActorVerbObjectAndOnlyTheSpecifiedProperties(String name, Case rule, XapiVersion version) {
        rule.check(version);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("id")
    void idIsAUuidInStandardForm(String name, Case rule, XapiVersion version) {
        rule.check(version);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timestampAndStored")
    void timestampAndStoredAreTimestampsOfTheRequestedVersion(String name, Case rule, XapiVersion version) {
        rule.check(version);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authority")
    void authorityIsAnAgentOrATwoMemberAnonymousGroup(String name, Case rule, XapiVersion version) {
        rule.check(version);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("version")
    void versionIsOneTheRequestedXapiVersionAccepts(String name, Case rule, XapiVersion version) {
        rule.check(version);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("voiding")
    void voidingStatementRefersToAStatement(String name, Case rule, XapiVersion version) {
        rule.check(version);
    }
}
