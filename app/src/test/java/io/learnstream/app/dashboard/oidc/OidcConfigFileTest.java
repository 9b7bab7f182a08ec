package io.learnstream.app.dashboard.oidc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class OidcConfigFileTest {
    @Test
    void shouldReadADistrictWithTheDefaultClaimRosterFieldAndScopes() {
        List<OidcDistrict> districts = OidcConfigFile.parse("""
                riverside.issuer = https://login.riverside.example/realms/staff
                riverside.client-id = learnstream
                riverside.client-secret = s3cret-value
                """, "oidc.properties");

        assertThat(districts).singleElement().satisfies(d -> {
            assertThat(d.tenantId()).isEqualTo("riverside");
            assertThat(d.label()).isEqualTo("riverside");
            assertThat(d.issuer()).isEqualTo(URI.create("https://login.riverside.example/realms/staff"));
            assertThat(d.userClaim()).isEqualTo("email");
            assertThat(d.rosterField()).isEqualTo(OidcDistrict.RosterField.EMAIL);
            assertThat(d.scopes()).containsExactly("openid", "email", "profile");
        });
    }

    @Test
    void shouldReadTheOptionalClaimRosterFieldScopesAndLabelOfEachDistrict() {
        List<OidcDistrict> districts = OidcConfigFile.parse("""
                riverside.issuer = https://login.riverside.example
                riverside.client-id = a
                riverside.client-secret = b
                lakeside.issuer = https://idp.lakeside.example
                lakeside.client-id = c
                lakeside.client-secret = d
                lakeside.claim = preferred_username
                lakeside.roster-field = username
                lakeside.scopes = openid profile
                lakeside.label = Lakeside USD
                """, "oidc.properties");

        assertThat(districts).extracting(OidcDistrict::tenantId).containsExactly("lakeside", "riverside");
        OidcDistrict lakeside = districts.getFirst();
        assertThat(lakeside.userClaim()).isEqualTo("preferred_username");
        assertThat(lakeside.rosterField()).isEqualTo(OidcDistrict.RosterField.USERNAME);
        assertThat(lakeside.scopes()).containsExactly("openid", "profile");
        assertThat(lakeside.label()).isEqualTo("Lakeside USD");
    }

    @Test
    void shouldNeverShowTheClientSecret() {
        OidcDistrict district = OidcDistrict.of("riverside", URI.create("https://idp.example"), "client", "s3cret-value");

        assertThat(district.toString()).doesNotContain("s3cret-value").contains("clientSecret=****", "clientId=client");
    }

    @Test
    void shouldNameTheFileTheKeyAndWhyForAWrongLine() {
        assertThatThrownBy(() -> OidcConfigFile.parse("riverside.isuer = https://idp.example\n", "oidc.properties"))
                .hasMessageContaining("oidc.properties").hasMessageContaining("'riverside.isuer'");
        assertThatThrownBy(() -> OidcConfigFile.parse("riverside.issuer = https://idp.example\nriverside.client-id = a\n", "oidc.properties"))
                .hasMessageContaining("oidc.properties").hasMessageContaining("client-secret is missing");
        assertThatThrownBy(() -> OidcConfigFile.parse("riverside.issuer = http://idp.example\nriverside.client-id = a\nriverside.client-secret = b\n", "f"))
                .hasMessageContaining("must be an https URL");
        assertThatThrownBy(() -> OidcConfigFile.parse("riverside.issuer = https://idp.example\nriverside.client-id = a\nriverside.client-secret = b\n"
                + "riverside.scopes = email\n", "f")).hasMessageContaining("must include openid");
        assertThatThrownBy(() -> OidcConfigFile.parse("riverside.issuer = https://idp.example\nriverside.client-id = a\nriverside.client-secret = b\n"
                + "riverside.roster-field = phone\n", "f")).hasMessageContaining("roster field 'phone' is unknown");
        assertThatThrownBy(() -> OidcConfigFile.parse("Riverside.issuer = https://idp.example\n", "f")).hasMessageContaining("district id 'Riverside' is not valid");
        assertThatThrownBy(() -> OidcConfigFile.parse("# nothing\n", "f")).hasMessageContaining("names no district");
    }

    @Test
    void shouldAllowPlainHttpOnlyOnLocalhost() {
        assertThat(OidcDistrict.of("riverside", URI.create("http://localhost:8080/riverside"), "a", "b").issuer().getPort()).isEqualTo(8080);
    }
}
