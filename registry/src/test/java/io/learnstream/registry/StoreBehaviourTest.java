package io.learnstream.registry;

import static io.learnstream.registry.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import io.learnstream.registry.RegistryHttp.Answer;
import io.learnstream.registry.store.InMemorySchemaStore;
import io.learnstream.registry.store.SchemaStore;
import io.learnstream.registry.store.StoreException;
import io.learnstream.registry.store.StoreRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the registry uses its store: rebuilt from it at start, changed only once a write is acknowledged. */
class StoreBehaviourTest {
    @Test
    void shouldRebuildSubjectsIdsDeletesAndLevelsFromTheStoreAtStart() {
        InMemorySchemaStore store = new InMemorySchemaStore();
        int peopleId;
        try (RunningRegistry first = new RunningRegistry(store)) {
            peopleId = first.http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON)).json().get("id").asInt();
            first.http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON_WITH_OPTIONAL_NICK));
            first.http.post("/subjects/gone-value/versions", schemaBody(TestSchemas.PERSON_WITHOUT_NAME));
            first.http.delete("/subjects/gone-value");
            first.http.put("/config", "{\"compatibility\": \"FULL\"}");
        }

        try (RunningRegistry second = new RunningRegistry(store)) {
            assertThat(second.http.get("/subjects").body()).isEqualTo("[\"people-value\"]");
            assertThat(second.http.get("/subjects/people-value/versions").body()).isEqualTo("[1,2]");
            assertThat(second.http.get("/subjects/people-value/versions/1").json().get("id").asInt()).isEqualTo(peopleId);
            assertThat(second.http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
            Answer next = second.http.post("/subjects/new-value/versions", schemaBody("\"string\""));
            assertThat(next.json().get("id").asInt()).as("ids continue after the highest stored one").isEqualTo(4);
        }
    }

    @Test
    void shouldAnswer50001AndChangeNothingWhenTheStoreDoesNotAcknowledge() {
        RefusingStore store = new RefusingStore();
        try (RunningRegistry registry = new RunningRegistry(store)) {
            store.refuse = true;
            Answer answer = registry.http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON));

            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.errorCode()).isEqualTo(50001);
            assertThat(answer.message()).contains("backend data store", "broker gone");
            assertThat(registry.http.get("/subjects").body()).isEqualTo("[]");
            assertThat(registry.meters.get("learnstream.registry.store.failures").counter().count()).isEqualTo(1);

            store.refuse = false;
            assertThat(registry.http.post("/subjects/people-value/versions", schemaBody(TestSchemas.PERSON)).json().get("id").asInt())
                    .as("the refused write took no id").isEqualTo(1);
        }
    }

    @Test
    void shouldAnswer50002WhenTheStoreTimesOut() {
        RefusingStore store = new RefusingStore();
        try (RunningRegistry registry = new RunningRegistry(store)) {
            store.refuse = true;
            store.timeOut = true;

            Answer answer = registry.http.put("/config", "{\"compatibility\": \"NONE\"}");

            assertThat(answer.status()).isEqualTo(500);
            assertThat(answer.errorCode()).isEqualTo(50002);
            assertThat(registry.http.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
        }
    }

    /** A store whose writes can be made to fail, as a Kafka store does when its brokers are gone. */
    private static final class RefusingStore implements SchemaStore {
        private final InMemorySchemaStore records = new InMemorySchemaStore();
        volatile boolean refuse;
        volatile boolean timeOut;

        @Override
        public List<StoreRecord> readAll() {
            return records.readAll();
        }

        @Override
        public void write(StoreRecord record) {
            if (refuse) throw new StoreException("write of " + record.key() + " failed: broker gone", null, timeOut);
            records.write(record);
        }

        @Override
        public String describe() {
            return "refusing store";
        }

        @Override
        public void close() {}
    }
}
