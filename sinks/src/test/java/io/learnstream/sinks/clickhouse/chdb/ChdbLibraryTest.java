package io.learnstream.sinks.clickhouse.chdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChdbLibraryTest {

    @TempDir
    Path tmp;

    @Test
    void thePinnedVersionIsTheParentPomsChdbVersion() {
        assertThat(ChdbLibrary.VERSION).isEqualTo(System.getProperty("chdb.version"));
    }

    @Test
    void theDefaultCacheDirFollowsXdgThenHome() {
        assertThat(ChdbLibrary.defaultCacheDir(Map.of("XDG_CACHE_HOME", "/x/cache", "HOME", "/home/u")))
                .isEqualTo(Path.of("/x/cache/learnstream/chdb"));
        assertThat(ChdbLibrary.defaultCacheDir(Map.of("HOME", "/home/u")))
                .isEqualTo(Path.of("/home/u/.cache/learnstream/chdb"));
        assertThat(ChdbLibrary.defaultCacheDir(Map.of("XDG_CACHE_HOME", " ", "HOME", "/home/u")))
                .isEqualTo(Path.of("/home/u/.cache/learnstream/chdb"));
    }

    @Test
    void aMissingLibrarySaysWhereItLookedAndHowToGetIt() {
        Path expected = tmp.resolve(ChdbLibrary.VERSION).resolve("libchdb.so");

        assertThatThrownBy(() -> ChdbLibrary.inCacheDir(tmp))
                .isInstanceOf(ChdbLibraryNotFoundException.class)
                .hasMessageContaining(expected.toString())
                .hasMessageContaining("deploy/fetch-chdb.sh")
                .hasMessageContaining("@chdb/lib-linux-x64-gnu@" + ChdbLibrary.VERSION);
    }

    @Test
    void anExplicitPathWinsOverTheCacheDirAndMustExist() throws IOException {
        Path file = Files.writeString(tmp.resolve("libchdb.so"), "not really a library");

        assertThat(ChdbLibrary.locate(file).path()).isEqualTo(file);
        assertThatThrownBy(() -> ChdbLibrary.locate(tmp.resolve("nope.so")))
                .isInstanceOf(ChdbLibraryNotFoundException.class)
                .hasMessageContaining(tmp.resolve("nope.so").toString())
                .hasMessageContaining("deploy/fetch-chdb.sh");
    }

    @Test
    void theLibraryForTheTestsIsInstalled() {
        assertThat(ChdbLibrary.locate().path()).isRegularFile()
                .hasFileName("libchdb.so")
                .hasParent(ChdbLibrary.defaultCacheDir(System.getenv()).resolve(ChdbLibrary.VERSION));
    }
}
