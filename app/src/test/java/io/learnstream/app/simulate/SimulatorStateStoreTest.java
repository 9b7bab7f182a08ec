package io.learnstream.app.simulate;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorStateStoreTest {

    @TempDir
    Path dir;

    @Test
    void aSavedStateIsLoadedBackAsItWas() throws IOException {
        SimulatorStateStore store = new SimulatorStateStore(dir.resolve("simulator/state.json"), new ObjectMapper());
        SimulatorState state = new SimulatorState("riverside", 42, 3, 300, LocalDate.of(2025, 8, 25), 16,
                ZoneId.of("America/Chicago"), 12_345, Optional.of(Instant.parse("2025-09-03T19:22:11.123Z")));

        store.save(state);

        assertThat(store.load()).contains(state);
        assertThat(Files.readString(store.file())).contains("\"simulatedTime\" : \"2025-09-03T19:22:11.123Z\"");
        assertThat(dir.resolve("simulator")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void withoutAStateFileThereIsNoState() throws IOException {
        assertThat(new SimulatorStateStore(dir.resolve("state.json"), new ObjectMapper()).load()).isEmpty();
    }

    @Test
    void anUnreadableStateFileIsReportedNamingTheFileAndTheWayOut() throws IOException {
        Path file = dir.resolve("state.json");
        Files.writeString(file, "{\"version\": 1, \"district\": \"riverside\", \"termStart\": \"not a date\"}");

        assertThatThrownBy(() -> new SimulatorStateStore(file, new ObjectMapper()).load())
                .isInstanceOf(IOException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("delete it to start a new term");
    }
}
