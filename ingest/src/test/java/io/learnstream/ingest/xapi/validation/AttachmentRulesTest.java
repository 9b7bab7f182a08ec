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

/** Attachments (xAPI Data 2.4.11). */
class AttachmentRulesTest {

    static Stream<Arguments> attachments() {
        return RuleCases.arguments(
                accepts("an attachment without description and fileUrl", all(remove("/attachments/0/description"), remove("/attachments/0/fileUrl"))),
                accepts("a content type with parameters", set("/attachments/0/contentType", "\"text/plain; charset=ascii\"")),
                accepts("a content type with a quoted parameter", set("/attachments/0/contentType", "\"multipart/mixed; boundary=\\\"abc def\\\"\"")),
                accepts("a SHA-512 digest", set("/attachments/0/sha2", "\"" + "ab".repeat(64) + "\"")),
                accepts("a signature attachment of type application/octet-stream", all(
                        set("/attachments/0/usageType", "\"http://adlnet.gov/expapi/attachments/signature\""),
                        set("/attachments/0/contentType", "\"application/octet-stream\""))),
                rejects("attachments that are a single object", set("/attachments", "{\"usageType\": \"http://example.com/u\"}"),
                        "attachments", "must be an array of Attachments"),
                rejects("an attachment that is a number", set("/attachments/0", "12345"), "attachments[0]", "must be an Attachment"),
                rejects("an attachment that is a string", set("/attachments/0", "\"should fail\""), "attachments[0]", "must be an Attachment"),
                rejects("a usageType that is not an IRI", set("/attachments/0/usageType", "\"should fail\""), "attachments[0].usageType", "absolute IRI"),
                rejects("an attachment without usageType", remove("/attachments/0/usageType"), "attachments[0].usageType", "is required"),
                rejects("an attachment without display", remove("/attachments/0/display"), "attachments[0].display", "is required"),
                rejects("a display with an invalid language tag", set("/attachments/0/display", "{\"en-US\": \"A\", \"something\": \"B\"}"),
                        "attachments[0].display.something", "RFC 5646"),
                rejects("a description that is a number", set("/attachments/0/description", "12345"), "attachments[0].description", "language map"),
                rejects("a description that is a string", set("/attachments/0/description", "\"should error\""), "attachments[0].description", "language map"),
                rejects("a content type that is not a media type", set("/attachments/0/contentType", "\"should fail\""),
                        "attachments[0].contentType", "Internet media type"),
                rejects("an attachment without contentType", remove("/attachments/0/contentType"), "attachments[0].contentType", "is required"),
                rejects("a length that is a string", set("/attachments/0/length", "\"should fail\""), "attachments[0].length", "whole number"),
                rejects("a length with a fraction", set("/attachments/0/length", "27.5"), "attachments[0].length", "whole number"),
                rejects("a negative length", set("/attachments/0/length", "-1"), "attachments[0].length", "0 or more"),
                rejects("an attachment without length", remove("/attachments/0/length"), "attachments[0].length", "is required"),
                rejects("a numeric sha2", set("/attachments/0/sha2", "12345"), "attachments[0].sha2", "must be a string"),
                rejects("a sha2 that is not hexadecimal", set("/attachments/0/sha2", "\"" + "zz".repeat(32) + "\""), "attachments[0].sha2", "SHA-2"),
                rejects("a sha2 of SHA-1 length", set("/attachments/0/sha2", "\"cd9b00a5611f94eaa7b1661edab976068e364975\""), "attachments[0].sha2", "SHA-2"),
                rejects("an attachment without sha2", remove("/attachments/0/sha2"), "attachments[0].sha2", "is required"),
                rejects("a fileUrl that is not an IRL", set("/attachments/0/fileUrl", "\"should fail\""), "attachments[0].fileUrl", "absolute IRL"),
                rejects("an attachment property in the wrong case", set("/attachments/0/fileURL", "\"https://example.org/f\""),
                        "attachments[0].fileURL", "it should be 'fileUrl'"),
                rejects("a signature attachment of another content type", set("/attachments/0/usageType", "\"http://adlnet.gov/expapi/attachments/signature\""),
                        "attachments[0].contentType", "must be application/octet-stream for a signature attachment"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attachments")
    void attachmentsDescribeTheirDataCompletely(String name, Case rule, XapiVersion version) {
        rule.check(version);
    }
}
