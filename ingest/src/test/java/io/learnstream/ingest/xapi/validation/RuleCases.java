package io.learnstream.ingest.xapi.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.ingest.xapi.StatementRejectedException;
import io.learnstream.ingest.xapi.StatementValidator;
import io.learnstream.ingest.xapi.XapiVersion;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Table rows for the rule specs: a change to a valid statement, the xAPI versions it is checked under, and the
 * expected outcome (accepted, or rejected at a path with a rule that says why).
 */
final class RuleCases {
    static final ObjectMapper JSON = new ObjectMapper();
    static final StatementValidator VALIDATOR = new StatementValidator();

    /** A statement using every property of the data model, valid in xAPI 1.0.3 and 2.0. */
    static final String VALID_STATEMENT = """
            {
              "id": "3f1c0a6e-7d2b-4c55-9a1e-2b8f5c1d9e77",
              "actor": {"objectType": "Agent", "name": "Ann", "mbox": "mailto:ann@example.org"},
              "verb": {"id": "http://adlnet.gov/expapi/verbs/answered", "display": {"en-US": "answered", "de": "beantwortet"}},
              "object": {
                "objectType": "Activity",
                "id": "https://quiz.example.org/questions/17",
                "definition": {
                  "name": {"en-US": "Question 17"},
                  "description": {"en-US": "Pick the primes"},
                  "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                  "moreInfo": "https://quiz.example.org/questions/17/info",
                  "interactionType": "choice",
                  "correctResponsesPattern": ["two[,]three"],
                  "choices": [
                    {"id": "two", "description": {"en-US": "2"}},
                    {"id": "three", "description": {"en-US": "3"}},
                    {"id": "four"}
                  ],
                  "extensions": {"https://quiz.example.org/extensions/difficulty": 2}
                }
              },
              "result": {
                "score": {"scaled": 0.8, "raw": 8, "min": 0, "max": 10},
                "success": true,
                "completion": true,
                "response": "two[,]three",
                "duration": "PT1M30.25S",
                "extensions": {"https://quiz.example.org/extensions/attempt": 1}
              },
              "context": {
                "registration": "ec531277-b57b-4c15-8d91-d292c5b2b8f7",
                "instructor": {"name": "Bob", "account": {"homePage": "https://sis.example.org", "name": "bob-17"}},
                "team": {
                  "objectType": "Group",
                  "name": "Team A",
                  "member": [{"mbox": "mailto:ann@example.org"}, {"mbox_sha1sum": "cd9b00a5611f94eaa7b1661edab976068e364975"}]
                },
                "contextActivities": {
                  "parent": [{"id": "https://quiz.example.org/quizzes/3"}],
                  "grouping": [{"objectType": "Activity", "id": "https://sis.example.org/classes/algebra-1",
                                "definition": {"type": "http://adlnet.gov/expapi/activities/course"}}],
                  "category": [{"id": "https://w3id.org/xapi/cmi5/context/categories/moveon"}],
                  "other": []
                },
                "revision": "r2",
                "platform": "Quizzer",
                "language": "en-US",
                "statement": {"objectType": "StatementRef", "id": "6690e6c9-3ef0-4ed3-8b37-7f3964730bee"},
                "extensions": {"https://quiz.example.org/extensions/session": null}
              },
              "timestamp": "2026-09-07T10:30:00.123+02:00",
              "stored": "2026-09-07T08:30:01.000Z",
              "authority": {"objectType": "Agent", "account": {"homePage": "https://lrs.example.org", "name": "quizzer"}},
              "version": "1.0.0",
              "attachments": [{
                "usageType": "https://quiz.example.org/attachments/certificate",
                "display": {"en-US": "Certificate"},
                "description": {"en-US": "The certificate for question 17"},
                "contentType": "application/pdf",
                "length": 27,
                "sha2": "495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a",
                "fileUrl": "https://quiz.example.org/certificates/17.pdf"
              }]
            }
            """;

    private static final ObjectNode BASE = (ObjectNode) parse(VALID_STATEMENT);

    private RuleCases() {}

    static ObjectNode validStatement() {
        return BASE.deepCopy();
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    /** Sets the value at a JSON pointer ({@code /context/team/member/0}), creating missing objects; {@code -} appends. */
    static UnaryOperator<ObjectNode> set(String pointer, String json) {
        JsonNode value = parse(json);
        return statement -> {
            String[] segments = pointer.substring(1).split("/", -1);
            JsonNode parent = statement;
            for (int i = 0; i < segments.length - 1; i++) {
                String segment = unescape(segments[i]);
                JsonNode child = parent.isArray() ? parent.get(Integer.parseInt(segment)) : parent.get(segment);
                if (child == null || !child.isContainerNode()) {
                    child = JSON.createObjectNode();
                    ((ObjectNode) parent).set(segment, child);
                }
                parent = child;
            }
            String last = unescape(segments[segments.length - 1]);
            if (parent instanceof ArrayNode array) {
                if (last.equals("-")) array.add(value.deepCopy());
                else array.set(Integer.parseInt(last), value.deepCopy());
            } else {
                ((ObjectNode) parent).set(last, value.deepCopy());
            }
            return statement;
        };
    }

    /** Removes the property or element at a JSON pointer. */
    static UnaryOperator<ObjectNode> remove(String pointer) {
        return statement -> {
            int slash = pointer.lastIndexOf('/');
            JsonNode parent = slash == 0 ? statement : statement.at(pointer.substring(0, slash));
            String last = unescape(pointer.substring(slash + 1));
            if (parent instanceof ArrayNode array) array.remove(Integer.parseInt(last));
            else ((ObjectNode) parent).remove(last);
            return statement;
        };
    }

    /** Replaces the whole statement. */
    static UnaryOperator<ObjectNode> replaceWith(String json) {
        ObjectNode replacement = (ObjectNode) parse(json);
        return statement -> replacement.deepCopy();
    }

    @SafeVarargs
    static UnaryOperator<ObjectNode> all(UnaryOperator<ObjectNode>... changes) {
        return statement -> {
            ObjectNode result = statement;
            for (UnaryOperator<ObjectNode> change : changes) result = change.apply(result);
            return result;
        };
    }

    private static String unescape(String segment) {
        return segment.replace("~1", "/").replace("~0", "~");
    }

    /** One row: what is changed, under which versions, and what must happen. */
    record Case(String description, UnaryOperator<ObjectNode> change, Set<XapiVersion> versions, String path, String rule) {
        static Case accepts(String description, UnaryOperator<ObjectNode> change) {
            return new Case(description, change, EnumSet.allOf(XapiVersion.class), null, null);
        }

        static Case rejects(String description, UnaryOperator<ObjectNode> change, String path, String rule) {
            return new Case(description, change, EnumSet.allOf(XapiVersion.class), path, rule);
        }

        Case onlyIn(XapiVersion version) {
            return new Case(description, change, EnumSet.of(version), path, rule);
        }

        boolean accepted() {
            return path == null;
        }

        void check(XapiVersion version) {
            ObjectNode statement = change.apply(validStatement());
            if (accepted()) {
                assertThatCode(() -> VALIDATOR.validate(statement, version)).as(description).doesNotThrowAnyException();
                return;
            }
            StatementRejectedException rejection =
                    catchThrowableOfType(StatementRejectedException.class, () -> VALIDATOR.validate(statement, version));
            assertThat(rejection).as("%s must be rejected", description).isNotNull();
            assertThat(rejection.path()).as("path of the rejection of %s (rule: %s)", description, rejection.rule()).isEqualTo(path);
            assertThat(rejection.rule()).as("rule of the rejection of %s", description).contains(rule);
        }
    }

    /** Arguments for a {@code @ParameterizedTest(name = "{0}")}: a readable name, the case and the version. */
    static Stream<Arguments> arguments(Case... cases) {
        return Arrays.stream(cases).flatMap(c -> c.versions().stream().map(version -> Arguments.of(
                "xAPI " + version.header() + ": " + c.description() + (c.accepted() ? " is accepted" : " is rejected at " + c.path()),
                c, version)));
    }
}
