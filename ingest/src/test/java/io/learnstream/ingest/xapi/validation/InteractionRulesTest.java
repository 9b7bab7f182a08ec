package io.learnstream.ingest.xapi.validation;

import static io.learnstream.ingest.xapi.validation.RuleCases.Case.accepts;
import static io.learnstream.ingest.xapi.validation.RuleCases.Case.rejects;
import static io.learnstream.ingest.xapi.validation.RuleCases.all;
import static io.learnstream.ingest.xapi.validation.RuleCases.remove;
import static io.learnstream.ingest.xapi.validation.RuleCases.set;

import io.learnstream.ingest.xapi.XapiVersion;
import io.learnstream.ingest.xapi.validation.RuleCases.Case;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Interaction Activities (xAPI Data 2.4.4.1): interactionType, correctResponsesPattern and interaction components. */
class InteractionRulesTest {
    private static final String COMPONENTS = "[{\"id\": \"a\", \"description\": {\"en-US\": \"A\"}}, {\"id\": \"b\"}]";

    private static String definition(String interactionType, String extra) {
        return "{\"type\": \"http://adlnet.gov/expapi/activities/cmi.interaction\", \"interactionType\": \"" + interactionType + "\""
                + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    static Stream<Arguments> interactionTypes() {
        return RuleCases.arguments(
                accepts("true-false with its pattern", set("/object/definition", definition("true-false", "\"correctResponsesPattern\": [\"true\"]"))),
                accepts("choice with choices", set("/object/definition", definition("choice", "\"choices\": " + COMPONENTS))),
                accepts("fill-in with its pattern", set("/object/definition", definition("fill-in", "\"correctResponsesPattern\": [\"Bob's your uncle\"]"))),
                accepts("long-fill-in", set("/object/definition", definition("long-fill-in", "\"correctResponsesPattern\": [\"{case_matters=false}{lang=en}To be\"]"))),
                accepts("matching with source and target", set("/object/definition", definition("matching", "\"source\": " + COMPONENTS + ", \"target\": " + COMPONENTS))),
                accepts("performance with steps", set("/object/definition", definition("performance", "\"steps\": " + COMPONENTS))),
                accepts("sequencing with choices", set("/object/definition", definition("sequencing", "\"choices\": " + COMPONENTS))),
                accepts("likert with scale", set("/object/definition", definition("likert", "\"scale\": " + COMPONENTS))),
                accepts("numeric with a range pattern", set("/object/definition", definition("numeric", "\"correctResponsesPattern\": [\"4[:]\"]"))),
                accepts("other without pattern", set("/object/definition", definition("other", ""))),
                accepts("choice without choices (component lists are optional)", set("/object/definition", definition("choice", ""))),
                accepts("an empty correctResponsesPattern (no answer is correct)", set("/object/definition/correctResponsesPattern", "[]")),
                rejects("interactionType in the wrong case (true-faLse)", set("/object/definition/interactionType", "\"true-faLse\""),
                        "object.definition.interactionType", "must be one of true-false, choice"),
                rejects("interactionType in the wrong case (Other)", set("/object/definition", definition("Other", "")),
                        "object.definition.interactionType", "but is 'Other'"),
                rejects("an unknown interactionType", set("/object/definition/interactionType", "\"should fail\""),
                        "object.definition.interactionType", "must be one of"),
                rejects("an interactionType that is an IRI", set("/object/definition/interactionType", "\"http://adlnet.gov/expapi/activities/cmi.interaction\""),
                        "object.definition.interactionType", "must be one of"),
                rejects("a numeric interactionType", set("/object/definition/interactionType", "12345"),
                        "object.definition.interactionType", "must be a string"),
                rejects("an object as interactionType", set("/object/definition/interactionType", "{\"key\": \"value\"}"),
                        "object.definition.interactionType", "must be a string"),
                rejects("a pattern and choices without interactionType", remove("/object/definition/interactionType"),
                        "object.definition.interactionType", "is required when the definition has correctResponsesPattern"),
                rejects("scale without interactionType", all(remove("/object/definition/interactionType"), remove("/object/definition/correctResponsesPattern"),
                        remove("/object/definition/choices"), set("/object/definition/scale", COMPONENTS)),
                        "object.definition.interactionType", "is required when the definition has scale"));
    }

    static Stream<Arguments> correctResponsesPattern() {
        return RuleCases.arguments(
                accepts("a pattern of several strings", set("/object/definition/correctResponsesPattern", "[\"two[,]three\", \"two\"]")),
                rejects("a pattern that is a string", set("/object/definition/correctResponsesPattern", "\"two[,]three\""),
                        "object.definition.correctResponsesPattern", "must be an array of strings"),
                rejects("a pattern holding a number", set("/object/definition/correctResponsesPattern", "[\"two\", 3]"),
                        "object.definition.correctResponsesPattern[1]", "must be a string"));
    }

    static Stream<Arguments> components() {
        return RuleCases.arguments(
                accepts("components with only ids", set("/object/definition/choices", "[{\"id\": \"x\"}, {\"id\": \"y\"}]")),
                accepts("components with many ids (more than 16)", set("/object/definition/choices",
                        "[" + String.join(",", java.util.stream.IntStream.range(0, 40).mapToObj(i -> "{\"id\": \"c" + i + "\"}").toList()) + "]")),
                rejects("choices that are not an array", set("/object/definition/choices", "{\"id\": \"valid\", \"description\": {\"en-US\": \"valid\"}}"),
                        "object.definition.choices", "must be an array of interaction components"),
                rejects("a component without id", set("/object/definition/choices/1", "{\"description\": {\"en-US\": \"valid\"}}"),
                        "object.definition.choices[1].id", "is required"),
                rejects("a component whose id is an object", set("/object/definition/choices/0", "{\"id\": {\"test\": \"value\"}}"),
                        "object.definition.choices[0].id", "must be a string"),
                rejects("a component whose id is empty", set("/object/definition/choices/0", "{\"id\": \"\"}"),
                        "object.definition.choices[0].id", "must not be empty"),
                rejects("a component whose description is a string", set("/object/definition/choices/0/description", "\"should error\""),
                        "object.definition.choices[0].description", "language map"),
                rejects("a component whose description has an invalid language tag", set("/object/definition/choices/0/description", "{\"de-419-DE\": \"zwei\"}"),
                        "object.definition.choices[0].description.de-419-DE", "RFC 5646"),
                rejects("a component with another property", set("/object/definition/choices/0/label", "\"2\""),
                        "object.definition.choices[0].label", "is not a property of an interaction component"),
                rejects("two components with the same id", set("/object/definition/choices/2/id", "\"two\""),
                        "object.definition.choices[2].id", "must be distinct within choices, but 'two' is used twice"),
                rejects("two components with the same id in a long list", set("/object/definition/choices",
                        "[" + String.join(",", java.util.stream.IntStream.range(0, 20).mapToObj(i -> "{\"id\": \"c" + (i % 19) + "\"}").toList()) + "]"),
                        "object.definition.choices[19].id", "used twice"));
    }

    static Stream<Arguments> componentListsPerType() {
        return RuleCases.arguments(
                rejects("scale on a choice interaction", set("/object/definition/scale", COMPONENTS),
                        "object.definition.scale", "is not an interaction component list of interactionType 'choice' (it uses choices)"),
                rejects("choices on a likert interaction", set("/object/definition", definition("likert", "\"choices\": " + COMPONENTS)),
                        "object.definition.choices", "(it uses scale)"),
                rejects("steps on a matching interaction", set("/object/definition", definition("matching", "\"steps\": " + COMPONENTS)),
                        "object.definition.steps", "(it uses source and target)"),
                rejects("source on a performance interaction", set("/object/definition", definition("performance", "\"source\": " + COMPONENTS)),
                        "object.definition.source", "(it uses steps)"),
                rejects("choices on a true-false interaction", set("/object/definition", definition("true-false", "\"choices\": " + COMPONENTS)),
                        "object.definition.choices", "(it has no component lists)"),
                rejects("target on a fill-in interaction", set("/object/definition", definition("fill-in", "\"target\": " + COMPONENTS)),
                        "object.definition.target", "(it has no component lists)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interactionTypes")
    void interactionTypeIsOneOfTheTenInExactCase(String name, Case rule, XapiVersion version) {
        rule.check(version);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("correctResponsesPattern")
    void correctResponsesPatternIsAnArrayOfStrings(String name, Case rule, XapiVersion version) {
        rule.check(version);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("components")
    void componentsHaveDistinctIdsAndLanguageMapDescriptions(String name, Case rule, XapiVersion version) {
        rule.check(version);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("componentListsPerType")
    void componentListsAreOnlyThoseTheInteractionTypeSupports(String name, Case rule, XapiVersion version) {
        rule.check(version);
    }
}
