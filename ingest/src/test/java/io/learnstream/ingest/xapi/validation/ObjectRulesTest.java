package io.learnstream.ingest.xapi.validation;

import static io.learnstream.ingest.xapi.validation.RuleCases.Case.accepts;
import static io.learnstream.ingest.xapi.validation.RuleCases.Case.rejects;
import static io.learnstream.ingest.xapi.validation.RuleCases.all;
import static io.learnstream.ingest.xapi.validation.RuleCases.remove;
import static io.learnstream.ingest.xapi.validation.RuleCases.set;

import io.learnstream.ingest.xapi.XapiVersion;
import io.learnstream.ingest.xapi.validation.RuleCases.Case;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The object of a statement (xAPI Data 2.4.4): Activities, Agents and Groups, StatementRefs and SubStatements. */
class ObjectRulesTest {
    /** revision and platform are only allowed with an Activity as object. */
    private static final UnaryOperator<ObjectNode> NOT_ABOUT_AN_ACTIVITY = all(remove("/context/revision"), remove("/context/platform"));

    private static final String SUB_STATEMENT = """
            {"objectType": "SubStatement",
             "actor": {"objectType": "Agent", "mbox": "mailto:test@example.com"},
             "verb": {"id": "http://example.com/visited", "display": {"en-US": "will visit"}},
             "object": {"objectType": "Activity", "id": "http://example.com/website",
                        "definition": {"name": {"en-US": "Some Awesome Website"}}}}""";

    static Stream<Arguments> activities() {
        return RuleCases.arguments(
                accepts("an Activity without objectType", remove("/object/objectType")),
                accepts("an Activity without definition", remove("/object/definition")),
                accepts("an Activity id with a non-http scheme (urn)", set("/object/id", "\"urn:uuid:7d4f3c70-1e79-4243-9b7d-166076ce8bfb\"")),
                accepts("an Activity id with non-ASCII characters (an IRI)", set("/object/id", "\"http://example.com/فعل/خواندن\"")),
                rejects("an Activity without id", remove("/object/id"), "object.id", "is required"),
                rejects("an Activity id without scheme", set("/object/id", "\"www.example.org/activity\""), "object.id", "absolute IRI"),
                rejects("an Activity id with an invalid scheme", set("/object/id", "\"ab=c://should.fail.com\""), "object.id", "absolute IRI"),
                rejects("an Activity id that is a fragment", set("/object/id", "\"#question-17\""), "object.id", "absolute IRI"),
                rejects("an Activity id with a space", set("/object/id", "\"https://example.org/a b\""), "object.id", "absolute IRI"),
                rejects("objectType 'activity' in lower case", set("/object/objectType", "\"activity\""), "object.objectType", "but is 'activity'"),
                rejects("an Activity with an unknown property", set("/object/name", "{\"en-US\": \"x\"}"), "object.name", "is not a property of an Activity"),
                rejects("a definition that is a string", set("/object/definition", "\"should error\""), "object.definition", "must be an Activity Definition"),
                rejects("a definition with an unknown property", set("/object/definition/title", "\"x\""), "object.definition.title",
                        "is not a property of an Activity Definition"),
                rejects("a definition name that is a string", set("/object/definition/name", "\"should error\""), "object.definition.name", "language map"),
                rejects("a definition description that is a number", set("/object/definition/description", "12345"),
                        "object.definition.description", "language map"),
                rejects("a definition type that is not an IRI", set("/object/definition/type", "\"should error\""), "object.definition.type", "absolute IRI"),
                accepts("a definition moreInfo that is an IRL", set("/object/definition/moreInfo", "\"http://virtualmeeting.example.com/345256\"")),
                rejects("a definition moreInfo that is not an IRL", set("/object/definition/moreInfo", "\"should error\""),
                        "object.definition.moreInfo", "absolute IRL"),
                rejects("a null moreInfo", set("/object/definition/moreInfo", "null"), "object.definition.moreInfo", "must not be null"),
                accepts("extension values that are null, empty or objects", set("/object/definition/extensions", """
                        {"http://example.com/null": null, "http://example.com/empty": "", "http://example.com/object": {}}""")),
                accepts("an empty extensions map", set("/object/definition/extensions", "{}")),
                rejects("extensions that are a string", set("/object/definition/extensions", "\"should error\""),
                        "object.definition.extensions", "extensions map keyed by IRIs"),
                rejects("an extension key that is not an IRI", set("/object/definition/extensions", "{\"id\": \"valid\"}"),
                        "object.definition.extensions.id", "extension keys must be IRIs"));
    }

    static Stream<Arguments> agentsAndGroupsAsObject() {
        return RuleCases.arguments(
                accepts("an Agent as object", all(set("/object", "{\"objectType\": \"Agent\", \"mbox\": \"mailto:bob@example.org\"}"), NOT_ABOUT_AN_ACTIVITY)),
                accepts("a Group as object", all(set("/object", "{\"objectType\": \"Group\", \"member\": [{\"mbox\": \"mailto:bob@example.org\"}]}"),
                        NOT_ABOUT_AN_ACTIVITY)),
                rejects("an Agent as object without objectType", all(set("/object", "{\"mbox\": \"mailto:bob@example.org\"}"), NOT_ABOUT_AN_ACTIVITY),
                        "object.objectType", "is required when the object is an Agent or a Group"),
                rejects("objectType 'agent' in lower case", all(set("/object", "{\"objectType\": \"agent\", \"mbox\": \"mailto:bob@example.org\"}"),
                        NOT_ABOUT_AN_ACTIVITY), "object.objectType", "but is 'agent'"),
                rejects("an Agent as object with an invalid account", all(set("/object",
                        "{\"objectType\": \"Agent\", \"account\": {\"homePage\": \"http://example.com\", \"name\": {\"key\": \"should fail\"}}}"),
                        NOT_ABOUT_AN_ACTIVITY), "object.account.name", "must be a string"),
                rejects("an unknown objectType", set("/object/objectType", "\"Person\""), "object.objectType",
                        "'Activity', 'Agent', 'Group', 'StatementRef' or 'SubStatement'"));
    }

    static Stream<Arguments> statementRefs() {
        return RuleCases.arguments(
                accepts("a StatementRef as object", all(set("/object", "{\"objectType\": \"StatementRef\", \"id\": \"8f87ccde-bb56-4c2e-ab83-44982ef22df0\"}"),
                        NOT_ABOUT_AN_ACTIVITY)),
                rejects("a StatementRef without id", all(set("/object", "{\"objectType\": \"StatementRef\"}"), NOT_ABOUT_AN_ACTIVITY),
                        "object.id", "is required"),
                rejects("a StatementRef whose id is not a UUID", all(set("/object", "{\"objectType\": \"StatementRef\", \"id\": \"should fail\"}"),
                        NOT_ABOUT_AN_ACTIVITY), "object.id", "must be a UUID"),
                rejects("objectType 'statementref' in lower case", all(set("/object", "{\"objectType\": \"statementref\", \"id\": \"8f87ccde-bb56-4c2e-ab83-44982ef22df0\"}"),
                        NOT_ABOUT_AN_ACTIVITY), "object.objectType", "but is 'statementref'"),
                rejects("a StatementRef with a definition", all(set("/object",
                        "{\"objectType\": \"StatementRef\", \"id\": \"8f87ccde-bb56-4c2e-ab83-44982ef22df0\", \"definition\": {}}"), NOT_ABOUT_AN_ACTIVITY),
                        "object.definition", "is not a property of a StatementRef"));
    }

    static Stream<Arguments> subStatements() {
        UnaryOperator<ObjectNode> subStatement = all(set("/object", SUB_STATEMENT), NOT_ABOUT_AN_ACTIVITY);
        return RuleCases.arguments(
                accepts("a SubStatement as object", subStatement),
                accepts("a SubStatement with result, context and a future timestamp", all(subStatement,
                        set("/object/result", "{\"completion\": true}"),
                        set("/object/context", "{\"platform\": \"web\", \"contextActivities\": {\"parent\": {\"id\": \"https://example.org/p\"}}}"),
                        set("/object/timestamp", "\"2099-01-01T00:00:00Z\""))),
                accepts("a SubStatement about a StatementRef", all(subStatement,
                        set("/object/object", "{\"objectType\": \"StatementRef\", \"id\": \"8f87ccde-bb56-4c2e-ab83-44982ef22df0\"}"))),
                rejects("objectType 'substatement' in lower case", all(subStatement, set("/object/objectType", "\"substatement\"")),
                        "object.objectType", "but is 'substatement'"),
                rejects("a SubStatement without actor", all(subStatement, remove("/object/actor")), "object.actor", "is required"),
                rejects("a SubStatement without verb", all(subStatement, remove("/object/verb")), "object.verb", "is required"),
                rejects("a SubStatement without object", all(subStatement, remove("/object/object")), "object.object", "is required"),
                rejects("a SubStatement with id", all(subStatement, set("/object/id", "\"fd41c918-b88b-4b20-a0a5-a4c32391aaa0\"")),
                        "object.id", "must not be used in a SubStatement"),
                rejects("a SubStatement with stored", all(subStatement, set("/object/stored", "\"2013-05-18T05:32:34.804Z\"")),
                        "object.stored", "must not be used in a SubStatement"),
                rejects("a SubStatement with version", all(subStatement, set("/object/version", "\"1.0.0\"")),
                        "object.version", "must not be used in a SubStatement"),
                rejects("a SubStatement with authority", all(subStatement, set("/object/authority", "{\"mbox\": \"mailto:lrs@example.org\"}")),
                        "object.authority", "must not be used in a SubStatement"),
                rejects("a SubStatement containing a SubStatement", all(subStatement, set("/object/object", SUB_STATEMENT)),
                        "object.object.objectType", "cannot contain another SubStatement"),
                rejects("a SubStatement whose actor is invalid", all(subStatement, set("/object/actor/mbox", "\"http://x.org\"")),
                        "object.actor.mbox", "must be a 'mailto:' IRI"),
                rejects("a SubStatement whose verb display has an invalid language tag", all(subStatement,
                        set("/object/verb/display", "{\"a12345\": \"attended\"}")), "object.verb.display.a12345", "RFC 5646"),
                rejects("a SubStatement whose context has revision with an Agent as its object", all(subStatement,
                        set("/object/object", "{\"objectType\": \"Agent\", \"mbox\": \"mailto:bob@example.org\"}"),
                        set("/object/context", "{\"revision\": \"r1\"}")), "object.context.revision", "only be used when the statement's object is an Activity"),
                rejects("a SubStatement with an unknown property", all(subStatement, set("/object/registration", "\"x\"")),
                        "object.registration", "is not a property of a SubStatement"),
                rejects("a SubStatement timestamp with offset -00:00", all(subStatement, set("/object/timestamp", "\"2008-09-15T15:53:00.601-00:00\"")),
                        "object.timestamp", "-00:00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activities")
    void activityHasAnIriIdAndAValidDefinition(String name, Case rule, XapiVersion version) {
        rule.check(version);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("agentsAndGroupsAsObject")
    void agentOrGroupAsObjectSaysItsObjectType(String name, Case rule, XapiVersion version) {
        rule.check(version);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statementRefs")
    void statementRefHasObjectTypeAndAUuid(String name, Case rule, XapiVersion version) {
        rule.check(version);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("subStatements")
    void subStatementIsAStatementWithoutLrsPropertiesOrNesting(String name, Case rule, XapiVersion version) {
        rule.check(version);
    }
}
