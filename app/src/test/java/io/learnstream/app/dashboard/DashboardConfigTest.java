package io.learnstream.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnstream.app.dashboard.oidc.OidcDistrict;
import io.learnstream.app.dashboard.web.Links;
import java.net.URI;
import java.util.List;
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
    void shouldRefuseTwoOidcProvidersForOneDistrictAndFindEachDistrictsOwn() {
        OidcDistrict riverside = OidcDistrict.of("riverside", URI.create("https://login.riverside.example/realms/staff"), "dash", "s3cret");
        OidcDistrict again = OidcDistrict.of("riverside", URI.create("https://other.example"), "dash", "s3cret");

        assertThatThrownBy(() -> DashboardConfig.defaults().withOidc(List.of(riverside, again)))
                .hasMessageContaining("district 'riverside' has more than one OIDC provider");
        DashboardConfig config = DashboardConfig.defaults().withOidc(List.of(riverside)).withPort(9000);
        assertThat(config.oidcOf("riverside")).contains(riverside);
        assertThat(config.oidcOf("lakeside")).isEmpty();
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
