package io.learnstream.app.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/** Reads and writes the simulator's state file; writes replace the file atomically where the file system can. */
final class SimulatorStateStore {

    static final int FORMAT_VERSION = 1;

    private final Path file;
    private final ObjectMapper mapper;

    SimulatorStateStore(Path file, ObjectMapper mapper) {
        this.file = file;
        this.mapper = mapper;
    }

    Path file() {
        return file;
    }

    /** The saved state, or empty when there is no state file yet. */
    Optional<SimulatorState> load() throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode json = mapper.readTree(file.toFile());
            int version = json.path("version").asInt(-1);
            if (version != FORMAT_VERSION) {
                throw new IOException("version must be " + FORMAT_VERSION + ", was " + json.path("version"));
            }
            String simulatedTime = json.path("simulatedTime").asText(null);
            return Optional.of(new SimulatorState(
                    text(json, "district"),
                    json.path("seed").asLong(),
                    json.path("schools").asInt(),
                    json.path("students").asInt(),
                    LocalDate.parse(text(json, "termStart")),
                    json.path("termWeeks").asInt(),
                    ZoneId.of(text(json, "zone")),
                    json.path("position").asLong(),
                    Optional.ofNullable(simulatedTime).map(Instant::parse)));
        } catch (IOException | DateTimeException | IllegalArgumentException e) {
            throw new IOException("simulator state file " + file + " is unreadable (" + e.getMessage()
                    + "); delete it to start a new term", e);
        }
    }

    void save(SimulatorState state) throws IOException {
        ObjectNode json = mapper.createObjectNode();
        json.put("version", FORMAT_VERSION);
        json.put("district", state.district());
        json.put("seed", state.seed());
        json.put("schools", state.schools());
        json.put("students", state.students());
        json.put("termStart", state.termStart().toString());
        json.put("termWeeks", state.termWeeks());
        json.put("zone", state.zone().getId());
        json.put("position", state.position());
        state.simulatedTime().ifPresent(t -> json.put("simulatedTime", t.toString()));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        mapper.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), json);
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String text(JsonNode json, String field) throws IOException {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) {
            throw new IOException("'" + field + "' must be a string");
        }
        return value.asText();
    }
}
