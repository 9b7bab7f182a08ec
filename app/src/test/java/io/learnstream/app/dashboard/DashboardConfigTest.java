package io.learnstream.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnstream.app.dashboard.web.Links;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The dashboard's settings, checked once, and the student page's address alert delivery links to. */
class DashboardConfigTest {
    @Test
    void shouldRefuseAPortOutOfRangeAndAPublicUrlThatIsNotHttp() {
        assertThatThrownBy(() -> DashboardConfig.defaults().withPort(70_000)).hasMessageContaining("dashboard port must be 0..65535");
        assertThatThrownBy(() -> DashboardConfig.defaults().withPublicUrl(URI.create("ftp://x.example")))
                .hasMessageContaining("http(s) address");
    }

    @Test
    void shouldKeepThePublicUrlWithoutATrailingSlash() {
        assertThat(DashboardConfig.defaults().withPublicUrl(URI.create("https://dash.example/")).publicUrl()).contains(URI.create("https://dash.example"));
    }

    @Test
    void shouldServeTheStudentPageAtTheAddressAlertsLinkTo() {
        assertThat(Links.studentPage("northside-math-6-1", "a1b2c3")).isEqualTo("/classes/northside-math-6-1/students/a1b2c3");
        assertThat(Links.studentPage("art 2/b", "k")).isEqualTo("/classes/art%202%2Fb/students/k");
    }
}
