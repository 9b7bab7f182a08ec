package io.learnstream.ingest.xapi.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The property paths rejections name. */
class JsonPathTest {

    @Test
    void namesAreDottedAndArrayElementsIndexed() {
        assertThat(JsonPath.ROOT.field("context").field("contextActivities").field("parent").index(0).field("id"))
                .hasToString("context.contextActivities.parent[0].id");
    }

    @Test
    void keysThatAreNotPlainNamesAreQuotedInBrackets() {
        assertThat(JsonPath.ROOT.field("result").field("extensions").field("http://example.org/x").field("en-US"))
                .hasToString("result.extensions[\"http://example.org/x\"].en-US");
    }

    @Test
    void theStatementItselfIsTheEmptyPath() {
        assertThat(JsonPath.ROOT).hasToString("");
        assertThat(JsonPath.ROOT.index(3)).hasToString("[3]");
    }
}
