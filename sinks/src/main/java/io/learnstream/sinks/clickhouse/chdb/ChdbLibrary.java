package io.learnstream.sinks.clickhouse.chdb;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where chDB's {@code libchdb.so} is: an explicitly given file, or else
 * {@code <cacheDir>/<VERSION>/libchdb.so} with the cache dir defaulting to
 * {@code ${XDG_CACHE_HOME:-$HOME/.cache}/learnstream/chdb}, where {@code deploy/fetch-chdb.sh} puts it.
 *
 * @param path an existing, readable libchdb.so
 */
public record ChdbLibrary(Path path) {

    /**
     * The pinned chDB release (npm package {@code @chdb/lib-linux-x64-gnu}). Its one source is the
     * {@code chdb.version} property of the parent pom, filtered into this module's resources; the fetch
     * script and the tests read the same property.
     */
    public static final String VERSION = pinnedVersion();

    public static final String LIBRARY_FILE = "libchdb.so";
    public static final String FETCH_SCRIPT = "deploy/fetch-chdb.sh";

    public ChdbLibrary {
        Objects.requireNonNull(path, "path of libchdb.so");
        path = path.toAbsolutePath().normalize();
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            throw new ChdbLibraryNotFoundException("chDB library " + path + " does not exist or is not a readable file"
                    + howToGetIt());
        }
    }

    /** The library in the default cache dir. */
    public static ChdbLibrary locate() {
        return inCacheDir(defaultCacheDir(System.getenv()));
    }

    /** The explicitly given library when {@code explicitLibrary} is not null, else the one in the default cache dir. */
    public static ChdbLibrary locate(Path explicitLibrary) {
        return explicitLibrary != null ? new ChdbLibrary(explicitLibrary) : locate();
    }

    /** {@code <cacheDir>/<VERSION>/libchdb.so}. */
    public static ChdbLibrary inCacheDir(Path cacheDir) {
        Path candidate = cacheDir.resolve(VERSION).resolve(LIBRARY_FILE).toAbsolutePath().normalize();
        if (!Files.isRegularFile(candidate)) {
            throw new ChdbLibraryNotFoundException("chDB " + VERSION + " (" + LIBRARY_FILE + ") is not installed: looked for "
                    + candidate + " in the chDB cache dir " + cacheDir + howToGetIt());
        }
        return new ChdbLibrary(candidate);
    }

    /** {@code ${XDG_CACHE_HOME:-$HOME/.cache}/learnstream/chdb}, from the given environment. */
    public static Path defaultCacheDir(Map<String, String> environment) {
        String xdg = environment.get("XDG_CACHE_HOME");
        Path cacheHome;
        if (xdg != null && !xdg.isBlank()) {
            cacheHome = Path.of(xdg);
        } else {
            String home = environment.getOrDefault("HOME", System.getProperty("user.home"));
            cacheHome = Path.of(home, ".cache");
        }
        return cacheHome.resolve("learnstream").resolve("chdb");
    }

    private static String howToGetIt() {
        return ". Fetch it once with " + FETCH_SCRIPT + " (downloads the npm package @chdb/lib-linux-x64-gnu@" + VERSION
                + " and installs " + LIBRARY_FILE + " into ${XDG_CACHE_HOME:-$HOME/.cache}/learnstream/chdb/" + VERSION
                + "/), or pass the path of a " + LIBRARY_FILE + " explicitly.";
    }

    private static String pinnedVersion() {
        String resource = "chdb.properties";
        try (InputStream in = ChdbLibrary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " with the pinned chDB version is missing beside "
                        + ChdbLibrary.class.getName());
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").strip();
            if (!version.matches("\\d+(\\.\\d+)*(-[0-9A-Za-z.]+)?")) {
                throw new IllegalStateException("resource " + resource + " holds no chDB version (got '" + version
                        + "'); was it filtered by Maven from the chdb.version property?");
            }
            return version;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the pinned chDB version from " + resource, e);
        }
    }
}
