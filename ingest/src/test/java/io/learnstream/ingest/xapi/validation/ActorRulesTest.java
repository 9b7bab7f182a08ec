package io.learnstream.ingest.xapi.validation;

import static io.learnstream.ingest.xapi.validation.RuleCases.Case.accepts;
import static io.learnstream.ingest.xapi.validation.RuleCases.Case.rejects;
import static io.learnstream.ingest.xapi.validation.RuleCases.set;

import io.learnstream.ingest.xapi.XapiVersion;
import io.learnstream.ingest.xapi.validation.RuleCases.Case;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Agents and Groups (xAPI Data 2.4.2) as actor, instructor, team and members. */
class ActorRulesTest {

    static Stream<Arguments> agents() {
        return RuleCases.arguments(
                accepts("an Agent without objectType", set("/actor", "{\"name\": \"xAPI mbox\", \"mbox\": \"mailto:xapi@adlnet.gov\"}")),
                accepts("an Agent identified by mbox_sha1sum", set("/actor", "{\"mbox_sha1sum\": \"CD9B00A5611F94EAA7B1661EDAB976068E364975\"}")),
                accepts("an Agent identified by openid", set("/actor", "{\"openid\": \"http://openid.example.org/12345\"}")),
                accepts("an Agent identified by account", set("/actor", "{\"account\": {\"homePage\": \"http://www.example.com\", \"name\": \"1625378\"}}")),
                rejects("an Agent without identifier", set("/actor", "{\"objectType\": \"Agent\", \"name\": \"Ann\"}"),
                        "actor", "exactly one identifier"),
                rejects("an Agent with two identifiers (mbox and account)", set("/actor/account",
                        "{\"homePage\": \"http://www.example.com\", \"name\": \"xAPI account name\"}"), "actor", "exactly one identifier"),
                rejects("an Agent with two identifiers (mbox and openid)", set("/actor/openid", "\"http://openid.example.org/12345\""),
                        "actor", "it has 2"),
                rejects("objectType 'agent' in lower case", set("/actor/objectType", "\"agent\""), "actor.objectType",
                        "must be 'Agent' or 'Group', exactly in this case, but is 'agent'"),
                rejects("a numeric objectType", set("/actor/objectType", "123"), "actor.objectType", "(a string)"),
                rejects("a numeric name", set("/actor/name", "123"), "actor.name", "must be a string"),
                rejects("a null name", set("/actor/name", "null"), "actor.name", "must not be null"),
                rejects("a member property on an Agent", set("/actor/member", "[]"), "actor.member", "is not a property of an Agent"),
                rejects("an actor that is a string", set("/actor", "\"ann\""), "actor", "must be an Agent or a Group"));
    }

    static Stream<Arguments> identifiers() {
        return RuleCases.arguments(
                accepts("an mbox with a plus and subdomain", set("/actor/mbox", "\"mailto:ann+lms@mail.example.org\"")),
                rejects("an mbox that is an http IRI", set("/actor/mbox", "\"http://should.fail.com\""), "actor.mbox", "must be a 'mailto:' IRI"),
                rejects("an mbox without an e-mail address", set("/actor/mbox", "\"mailto:should.fail.com\""), "actor.mbox", "must be a 'mailto:' IRI"),
                rejects("an mbox that is a bare address", set("/actor/mbox", "\"ann@example.org\""), "actor.mbox", "must be a 'mailto:' IRI"),
                rejects("an mbox with a space", set("/actor/mbox", "\"mailto:ann smith@example.org\""), "actor.mbox", "must be a 'mailto:' IRI"),
                rejects("an mbox_sha1sum that is not 40 hex digits", set("/actor", "{\"mbox_sha1sum\": \"cd9b00a5611f94eaa7b1661edab976068e36497\"}"),
                        "actor.mbox_sha1sum", "40 hexadecimal digits"),
                rejects("an mbox_sha1sum that is an object", set("/actor", "{\"mbox_sha1sum\": {\"key\": \"value\"}}"),
                        "actor.mbox_sha1sum", "must be a string"),
                rejects("an openid that is not a URI", set("/actor", "{\"openid\": \"ab=c://should.fail.com\"}"), "actor.openid", "absolute URI"),
                rejects("an openid with non-ASCII characters (an IRI, not a URI)", set("/actor", "{\"openid\": \"https://openid.example.org/ännä\"}"),
                        "actor.openid", "absolute URI"),
                rejects("an account without homePage", set("/actor", "{\"account\": {\"name\": \"1625378\"}}"), "actor.account.homePage", "is required"),
                rejects("an account whose homePage is not an IRL", set("/actor", "{\"account\": {\"homePage\": \"ab=c://should.fail.com\", \"name\": \"a\"}}"),
                        "actor.account.homePage", "absolute IRL"),
                rejects("an account whose homePage is http without a host", set("/actor", "{\"account\": {\"homePage\": \"http:///path\", \"name\": \"a\"}}"),
                        "actor.account.homePage", "absolute IRL"),
                rejects("an account without name", set("/actor", "{\"account\": {\"homePage\": \"http://www.example.com\"}}"), "actor.account.name", "is required"),
                rejects("an account whose name is an object", set("/actor", "{\"account\": {\"homePage\": \"http://www.example.com\", \"name\": {\"key\": \"x\"}}}"),
                        "actor.account.name", "must be a string"),
                rejects("an account whose name is empty", set("/actor", "{\"account\": {\"homePage\": \"http://www.example.com\", \"name\": \"\"}}"),
                        "actor.account.name", "must not be empty"),
                rejects("an account with another property", set("/actor", "{\"account\": {\"homePage\": \"http://www.example.com\", \"name\": \"a\", \"id\": 1}}"),
                        "actor.account.id", "is not a property of an Account"));
    }

    static Stream<Arguments> groups() {
        return RuleCases.arguments(
                accepts("an identified Group without members", set("/actor", "{\"objectType\": \"Group\", \"openid\": \"http://openid.example.org/g\"}")),
                accepts("an identified Group with members", set("/actor", """
                        {"objectType": "Group", "mbox": "mailto:teampb@example.com", "member": [{"objectType": "Agent", "mbox": "mailto:a@example.com"}]}""")),
                accepts("an anonymous Group listing its members", set("/actor", "{\"objectType\": \"Group\", \"member\": [{\"mbox\": \"mailto:a@example.com\"}]}")),
                rejects("an anonymous Group without members", set("/actor", "{\"objectType\": \"Group\", \"name\": \"Team\"}"),
                        "actor.member", "an anonymous Group (one without an identifier) must list its members"),
                rejects("an anonymous Group with an empty member list", set("/actor", "{\"objectType\": \"Group\", \"member\": []}"),
                        "actor.member", "at least one Agent"),
                rejects("a Group with two identifiers", set("/actor", """
                        {"objectType": "Group", "mbox": "mailto:t@example.com", "mbox_sha1sum": "cd9b00a5611f94eaa7b1661edab976068e364975"}"""),
                        "actor", "more than one identifier"),
                rejects("a Group whose member is not an array", set("/actor", "{\"objectType\": \"Group\", \"member\": {\"mbox\": \"mailto:a@example.com\"}}"),
                        "actor.member", "must be an array of Agents"),
                rejects("a Group with a Group as member", set("/actor", """
                        {"objectType": "Group", "member": [{"objectType": "Group", "member": [{"mbox": "mailto:a@example.com"}]}]}"""),
                        "actor.member[0].objectType", "Agents, not Groups"),
                rejects("a Group whose member has no identifier", set("/actor", "{\"objectType\": \"Group\", \"member\": [{\"name\": \"Ann\"}]}"),
                        "actor.member[0]", "exactly one identifier"),
                rejects("objectType 'group' in lower case", set("/actor", "{\"objectType\": \"group\", \"member\": [{\"mbox\": \"mailto:a@example.com\"}]}"),
                        "actor.objectType", "but is 'group'"),
                rejects("a Group member with an invalid mbox", set("/actor", "{\"objectType\": \"Group\", \"member\": [{\"mbox\": \"http://x.org\"}]}"),
                        "actor.member[0].mbox", "must be a 'mailto:' IRI"));
    }

    static Stream<Arguments> instructorAndTeam() {
        return RuleCases.arguments(
                accepts("an instructor that is a Group", set("/context/instructor", "{\"objectType\": \"Group\", \"account\": {\"homePage\": \"https://sis.example.org\", \"name\": \"staff\"}}")),
                rejects("an instructor that is not an Agent", set("/context/instructor", "{\"key\": \"should fail\"}"), "context.instructor.key", "is not a property of an Agent"),
                rejects("an instructor that is a string", set("/context/instructor", "\"should fail\""), "context.instructor", "must be an Agent or a Group"),
                accepts("a team that is an identified Group", set("/context/team", "{\"objectType\": \"Group\", \"mbox\": \"mailto:team@example.org\"}")),
                rejects("a team that is an Agent", set("/context/team", "{\"objectType\": \"Agent\", \"mbox\": \"mailto:ann@example.org\"}"),
                        "context.team.objectType", "must be 'Group'"),
                rejects("a team without objectType", set("/context/team", "{\"mbox\": \"mailto:team@example.org\"}"),
                        "context.team.objectType", "is required: this must be a Group"),
                rejects("a team that is a string", set("/context/team", "\"should fail\""), "context.team", "must be a Group"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agents")
    void agentHasExactlyOneIdentifier(String name, Case rule, XapiVersion version) {
        rule.check(version);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identifiers")
    void identifiersHaveTheirFormats(String name, Case rule, XapiVersion version) {
        rule.check(version);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void groupIsIdentifiedOrListsAgentsAsMembers(String name, Case rule, XapiVersion version) {
        rule.check(version);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("instructorAndTeam")
    void instructorIsAnAgentOrGroupAndTeamIsAGroup(String name, Case rule, XapiVersion version) {
        rule.check(version);
    }
}
