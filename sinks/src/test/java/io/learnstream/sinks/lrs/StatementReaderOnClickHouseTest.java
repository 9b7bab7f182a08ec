package io.learnstream.sinks.lrs;

import static io.learnstream.sinks.lrs.ArchiveTable.at;
import static io.learnstream.sinks.lrs.StatementJson.COMPLETED;
import static io.learnstream.sinks.lrs.StatementJson.newId;
import static io.learnstream.sinks.lrs.StatementJson.statement;
import static io.learnstream.sinks.lrs.StatementJson.voiding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnstream.ingest.lrs.MoreCursor;
import io.learnstream.ingest.lrs.ReadResult;
import io.learnstream.ingest.lrs.StatementQueryException;
import io.learnstream.ingest.lrs.StatementReader;
import io.learnstream.ingest.xapi.XapiVersion;
import io.learnstream.sinks.clickhouse.chdb.ChdbColumnStore;
import io.learnstream.sinks.schema.ClickHouseSchema;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * GET statements end to end below HTTP: {@link StatementReader} over the ClickHouse archive on chDB, as the
 * statement resource's GET handler uses them, following {@code more} links the way a client does.
 */
@Timeout(120)
class StatementReaderOnClickHouseTest {
    private static final String PATH = "/xAPI/statements";

    @TempDir
    static Path dataDir;
    static ChdbColumnStore store;
    static ArchiveTable table;
    static final AtomicReference<Instant> consistentThrough = new AtomicReference<>();
    static StatementReader reader;

    String tenant;
    List<String> byStoredSecond;

    @BeforeAll
    static void openStore() {
        store = ChdbColumnStore.open(dataDir);
        ClickHouseSchema.apply(store);
        table = new ArchiveTable(store);
        reader = new StatementReader(new ClickHouseStatementArchive(store, consistentThrough::get), MoreCursor.withRandomKey(), PATH);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @BeforeEach
    void fiveStatementsInANewDistrict() {
        consistentThrough.set(at(60));
        tenant = "district-" + newId().substring(0, 8);
        byStoredSecond = new ArrayList<>();
        byStoredSecond.add(null);
        for (int second = 1; second <= 5; second++) {
            ObjectNode json = statement(newId(), "mailto:ann@example.org", "http://example.org/pages/" + second);
            if (second % 2 == 1) json.putObject("verb").put("id", COMPLETED);
            byStoredSecond.add(table.write(tenant, json, second));
        }
    }

    @Test
    void moreLinksLeadThroughEveryPageOfTheListingToAnEmptyMore() {
        List<List<String>> pages = followMore(Map.of("limit", "2"));

        assertThat(pages).containsExactly(List.of(s(5), s(4)), List.of(s(3), s(2)), List.of(s(1)));
    }

    @Test
    void moreLinksKeepTheFiltersOrderAndLimitOfTheQuery() {
        List<List<String>> pages = followMore(Map.of("verb", COMPLETED, "ascending", "true", "limit", "2"));

        assertThat(pages).containsExactly(List.of(s(1), s(3)), List.of(s(5)));
    }

    @Test
    void aMoreLinkIsARelativeUrlOfTheStatementResource() {
        JsonNode result = listing(Map.of("limit", "1"));

        assertThat(result.get("more").asText()).startsWith(PATH + "?more=");
        assertThat(result.get("statements")).hasSize(1);
    }

    @Test
    void statementsStoredAfterTheFirstPageNeverAppearOnLaterPagesOfANewestFirstListing() {
        JsonNode first = listing(Map.of("limit", "2"));
        consistentThrough.set(at(120));
        table.write(tenant, statement(newId(), "mailto:ann@example.org", "http://example.org/late"), 90);

        JsonNode second = read(Map.of("more", List.of(cursorOf(first))));

        assertThat(ids(second)).containsExactly(s(3), s(2));
    }

    @Test
    void aMoreLinkOfAnotherDistrictIsRefused() {
        String cursor = cursorOf(listing(Map.of("limit", "1")));

        assertThatThrownBy(() -> reader.read("other-" + tenant, Map.of("more", List.of(cursor)), null, XapiVersion.V1_0_3))
                .isInstanceOfSatisfying(StatementQueryException.class, e -> assertThat(e.parameter()).isEqualTo("more"));
    }

    @Test
    void aMoreLinkWithOtherParametersIsRefused() {
        String cursor = cursorOf(listing(Map.of("limit", "1")));

        assertThatThrownBy(() -> read(Map.of("more", List.of(cursor), "limit", List.of("3"))))
                .isInstanceOfSatisfying(StatementQueryException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("more");
                    assertThat(e.rule()).contains("only parameter");
                });
    }

    @Test
    void theListingEndsAtConsistentThroughWhichTheResultReports() {
        consistentThrough.set(at(3));

        ReadResult result = reader.read(tenant, Map.of(), null, XapiVersion.V1_0_3);

        assertThat(result.consistentThrough()).isEqualTo(at(3));
        assertThat(ids(json(((ReadResult.Statements) result).json()))).containsExactly(s(3), s(2), s(1));
        for (JsonNode statement : json(((ReadResult.Statements) result).json()).get("statements")) {
            assertThat(Instant.parse(statement.get("stored").asText())).isBeforeOrEqualTo(result.consistentThrough());
        }
    }

    @Test
    void theConsistentThroughInstantIsAtHandForAnswersWithoutAResult() {
        consistentThrough.set(at(42));

        assertThat(reader.consistentThrough()).isEqualTo(at(42));
    }

    @Test
    void anEmptyListingIsAStatementResultWithNoStatementsAndNoMore() {
        JsonNode result = listing(Map.of("verb", "http://adlnet.gov/expapi/non/existent"));

        assertThat(result).isEqualTo(json("{\"statements\":[],\"more\":\"\"}"));
    }

    @Test
    void theRequestedFormatShapesListedAndSingleStatements() {
        JsonNode listed = listing(Map.of("format", "ids", "limit", "1"));
        ReadResult single = read(Map.of("statementId", s(2), "format", "ids"), "de");

        assertThat(listed.at("/statements/0/verb")).isEqualTo(json("{\"id\":\"" + COMPLETED + "\"}"));
        assertThat(listed.at("/statements/0/object")).isEqualTo(json("{\"id\":\"http://example.org/pages/5\"}"));
        assertThat(json(((ReadResult.Statement) single).json()).get("verb")).isEqualTo(json("{\"id\":\"" + StatementJson.EXPERIENCED + "\"}"));
    }

    @Test
    void aStatementIsReadByIdWithItsStoredTimeAndTheAttachmentsWish() {
        ReadResult result = read(Map.of("statementId", s(4), "attachments", "true"), null);

        assertThat(result).isInstanceOfSatisfying(ReadResult.Statement.class, found -> {
            assertThat(json(found.json()).get("id").asText()).isEqualTo(s(4));
            assertThat(found.stored()).isEqualTo(at(4));
            assertThat(found.attachments()).isTrue();
            assertThat(found.consistentThrough()).isEqualTo(at(60));
        });
    }

    @Test
    void aStatementOfAnotherDistrictIsNotFound() {
        ReadResult result = reader.read("other-" + tenant, Map.of("statementId", List.of(s(4))), null, XapiVersion.V1_0_3);

        assertThat(result).isInstanceOf(ReadResult.NotFound.class);
        assertThat(result.consistentThrough()).isEqualTo(at(60));
    }

    @Test
    void aVoidedStatementIsReadOnlyAsVoided() {
        table.write(tenant, voiding(newId(), "mailto:admin@example.org", s(2)), 6);

        assertThat(read(Map.of("statementId", s(2)), null)).isInstanceOfSatisfying(ReadResult.NotFound.class,
                notFound -> assertThat(notFound.message()).contains("voidedStatementId"));
        assertThat(read(Map.of("voidedStatementId", s(2)), null)).isInstanceOf(ReadResult.Statement.class);
        assertThat(read(Map.of("voidedStatementId", s(3)), null)).isInstanceOf(ReadResult.NotFound.class);
        assertThat(ids(listing(Map.of()))).doesNotContain(s(2)).hasSize(5);
    }

    private List<List<String>> followMore(Map<String, String> parameters) {
        List<List<String>> pages = new ArrayList<>();
        JsonNode page = listing(parameters);
        while (true) {
            pages.add(ids(page));
            if (page.get("more").asText().isEmpty() || pages.size() > 10) break;
            page = read(Map.of("more", List.of(cursorOf(page))));
        }
        return pages;
    }

    private static String cursorOf(JsonNode result) {
        String more = result.get("more").asText();
        assertThat(more).startsWith(PATH + "?more=");
        return URLDecoder.decode(more.substring((PATH + "?more=").length()), StandardCharsets.UTF_8);
    }

    private JsonNode listing(Map<String, String> parameters) {
        Map<String, List<String>> given = new LinkedHashMap<>();
        parameters.forEach((name, value) -> given.put(name, List.of(value)));
        return read(given);
    }

    private JsonNode read(Map<String, List<String>> parameters) {
        ReadResult result = reader.read(tenant, parameters, null, XapiVersion.V1_0_3);
        assertThat(result).isInstanceOf(ReadResult.Statements.class);
        return json(((ReadResult.Statements) result).json());
    }

    private ReadResult read(Map<String, String> parameters, String acceptLanguage) {
        Map<String, List<String>> given = new LinkedHashMap<>();
        parameters.forEach((name, value) -> given.put(name, List.of(value)));
        return reader.read(tenant, given, acceptLanguage, XapiVersion.V1_0_3);
    }

    private static List<String> ids(JsonNode result) {
        List<String> ids = new ArrayList<>();
        result.get("statements").forEach(statement -> ids.add(statement.get("id").asText()));
        return ids;
    }

    private static JsonNode json(String text) {
        try {
            return StatementJson.JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private String s(int second) {
        return byStoredSecond.get(second);
    }
}
