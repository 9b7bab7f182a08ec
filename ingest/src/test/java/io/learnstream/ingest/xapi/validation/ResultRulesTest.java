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

/** The Result and its Score (xAPI Data 2.4.5). */
class ResultRulesTest {

    static Stream<Arguments> result() {
        return RuleCases.arguments(
                accepts("an empty result", set("/result", "{}")),
                rejects("a result that is a string", set("/result", "\"passed\""), "result", "must be a Result"),
                rejects("success as the string \"true\"", set("/result/success", "\"true\""), "result.success", "must be true or false"),
                rejects("completion as the string \"false\"", set("/result/completion", "\"false\""), "result.completion", "not a string"),
                rejects("a numeric response", set("/result/response", "12345"), "result.response", "must be a string"),
                rejects("an object as response", set("/result/response", "{\"key\": \"invalid\"}"), "result.response", "must be a string"),
                accepts("result extensions with a null value", set("/result/extensions", "{\"http://example.com/null\": null}")),
                rejects("result extensions keyed by a word", set("/result/extensions", "{\"attempt\": 1}"), "result.extensions.attempt", "must be IRIs"),
                rejects("an unknown result property", set("/result/passed", "true"), "result.passed", "is not a property of a Result"));
    }

    static Stream<Arguments> duration() {
        return RuleCases.arguments(
                accepts("duration PT1H0M0.1S", set("/result/duration", "\"PT1H0M0.1S\"")),
                accepts("duration PT4H35M59.14S", set("/result/duration", "\"PT4H35M59.14S\"")),
                accepts("duration in seconds only, PT16559.14S", set("/result/duration", "\"PT16559.14S\"")),
                accepts("duration P3Y1M29DT4H35M59.14S", set("/result/duration", "\"P3Y1M29DT4H35M59.14S\"")),
                accepts("duration P3Y", set("/result/duration", "\"P3Y\"")),
                accepts("duration in weeks, P4W", set("/result/duration", "\"P4W\"")),
                accepts("duration finer than 0.01 s (an LRS must not reject it)", set("/result/duration", "\"PT1.123456S\"")),
                rejects("duration PA1H0M0S", set("/result/duration", "\"PA1H0M0S\""), "result.duration", "ISO 8601 duration"),
                rejects("weeks combined with days, P4W1D", set("/result/duration", "\"P4W1D\""), "result.duration", "weeks, PnW, only on their own"),
                rejects("the alternative format P0003-01-29T04:35:59", set("/result/duration", "\"P0003-01-29T04:35:59\""), "result.duration", "ISO 8601 duration"),
                rejects("a numeric duration", set("/result/duration", "12345"), "result.duration", "must be a string"),
                rejects("a duration that is an object", set("/result/duration", "{\"key\": \"invalid\"}"), "result.duration", "must be a string"),
                rejects("a duration that is a sentence", set("/result/duration", "\"should fail\""), "result.duration", "ISO 8601 duration"));
    }

    static Stream<Arguments> score() {
        return RuleCases.arguments(
                accepts("scaled 1.0", set("/result/score", "{\"scaled\": 1.0}")),
                accepts("scaled -1.0", set("/result/score", "{\"scaled\": -1.0}")),
                accepts("raw without min and max", set("/result/score", "{\"raw\": 0.6767676}")),
                accepts("raw equal to min and max bounds", set("/result/score", "{\"raw\": 0, \"min\": 0, \"max\": 10}")),
                accepts("max alone", set("/result/score", "{\"max\": 100.6767676}")),
                rejects("a score that is a number", set("/result/score", "12345"), "result.score", "must be a Score"),
                rejects("a score that is a string", set("/result/score", "\"should fail\""), "result.score", "must be a Score"),
                rejects("scaled 1.01", set("/result/score", "{\"scaled\": 1.01}"), "result.score.scaled", "from -1 to 1"),
                rejects("scaled -1.00001", set("/result/score", "{\"scaled\": -1.00001}"), "result.score.scaled", "from -1 to 1"),
                rejects("max as a string of digits", set("/result/score", "{\"max\": \"100\"}"), "result.score.max", "must be a number"),
                rejects("max as words", set("/result/score", "{\"max\": \"one hundred\"}"), "result.score.max", "not a string"),
                rejects("raw greater than max", set("/result/score", "{\"raw\": 0.6767676, \"max\": 0.6567676}"), "result.score.raw", "must not be greater than max"),
                rejects("raw less than min", set("/result/score", "{\"raw\": 0.6767676, \"min\": 1.4067676}"), "result.score.raw", "must not be less than min"),
                rejects("min greater than max", set("/result/score", "{\"min\": 0.6767676, \"max\": 0.6767355, \"raw\": 0.6767643}"),
                        "result.score.min", "must be less than max"),
                rejects("min equal to max", set("/result/score", "{\"min\": 5, \"max\": 5}"), "result.score.min", "must be less than max"),
                rejects("a null scaled", set("/result/score", "{\"scaled\": null}"), "result.score.scaled", "must not be null"),
                rejects("an unknown score property", set("/result/score/percent", "80"), "result.score.percent", "is not a property of a Score"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("result")
    void resultHasTypedProperties(String name, Case rule, XapiVersion version) {
        rule.check(version);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("duration")
    void durationIsAnIso8601Duration(String name, Case rule, XapiVersion version) {
        rule.check(version);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("score")
    void scoreIsScaledWithinMinusOneAndOneAndRawWithinMinAndMax(String name, Case rule, XapiVersion version) {
        rule.check(version);
    }
}
