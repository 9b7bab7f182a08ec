package io.learnstream.ingest.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ContextActivitiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldStoreEverySingleContextActivityAsAnArrayOfOneInTheStatementAndItsSubStatement() throws Exception {
        ObjectNode statement = (ObjectNode) JSON.readTree("""
                {"context":{"contextActivities":{"parent":{"id":"http://example.org/p"},"grouping":[{"id":"http://example.org/g"}],
                  "category":{"id":"http://example.org/c"},"other":{"id":"http://example.org/o"}}},
                 "object":{"objectType":"SubStatement","context":{"contextActivities":{"parent":{"id":"http://example.org/sp"}}}}}""");

        ContextActivities.asArrays(statement);

        assertThat(statement.at("/context/contextActivities").toString()).isEqualTo("""
                {"parent":[{"id":"http://example.org/p"}],"grouping":[{"id":"http://example.org/g"}],\
                "category":[{"id":"http://example.org/c"}],"other":[{"id":"http://example.org/o"}]}""");
        assertThat(statement.at("/object/context/contextActivities/parent").toString()).isEqualTo("[{\"id\":\"http://example.org/sp\"}]");
    }

    @Test
    void shouldLeaveStatementsWithoutContextActivitiesAsTheyAre() throws Exception {
        ObjectNode statement = (ObjectNode) JSON.readTree("{\"context\":{\"registration\":\"x\"},\"object\":{\"id\":\"http://example.org/a\"}}");
        ObjectNode before = statement.deepCopy();

        ContextActivities.asArrays(statement);

        assertThat(statement).isEqualTo(before);
    }
}
