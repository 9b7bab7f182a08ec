package io.learnstream.app.dashboard.oidc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationErrorResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.AuthenticationResponse;
import com.nimbusds.openid.connect.sdk.AuthenticationResponseParser;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.claims.IDTokenClaimsSet;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import com.nimbusds.openid.connect.sdk.validators.IDTokenValidator;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * OpenID Connect sign-in (authorization code flow with PKCE, state and nonce) at the districts' providers, with the
 * Nimbus SDK. {@link #begin} starts one: the provider's authorization URL to send the browser to, and the browser
 * token its {@code learnstream_oidc} cookie must carry back; {@link #complete} checks the provider's answer (the
 * state is of a pending sign-in of that district and that browser, used once and within 10 minutes), redeems the code
 * and validates the ID token (signature by the provider's keys, issuer, audience, expiry, nonce) and answers the
 * value of the district's user claim. Each provider's metadata is discovered once, on its first sign-in.
 */
public final class OidcSignIn {
    /** How long a browser may take at the provider. */
    public static final Duration PENDING_FOR = Duration.ofMinutes(10);
    private static final int TIMEOUT_MILLIS = 10_000;

    private final Map<String, OidcDistrict> districts;
    private final Map<String, Provider> providers = new ConcurrentHashMap<>();
    private final Cache<String, Pending> pending;

    /** The provider's endpoints and the validator of its ID tokens. */
    private record Provider(OIDCProviderMetadata metadata, IDTokenValidator validator) {}

    /** A sign-in sent to the provider, by its state. */
    private record Pending(String tenantId, URI redirectUri, Nonce nonce, CodeVerifier verifier, String browserToken) {}

    /** Where to send the browser, and the value of the cookie that ties the answer to it. */
    public record Started(URI authorizationUrl, String browserToken) {}

    /** A sign-in refused, with the reason the sign-in page shows. */
    public static final class Refused extends RuntimeException {
        public Refused(String reason) {
            super(reason);
        }

        Refused(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    public OidcSignIn(List<OidcDistrict> districts, Ticker ticker) {
        this.districts = districts.stream().collect(Collectors.toUnmodifiableMap(OidcDistrict::tenantId, Function.identity()));
        this.pending = Caffeine.newBuilder().expireAfterWrite(PENDING_FOR).maximumSize(100_000).ticker(ticker).build();
    }

    /** The district's OIDC settings, if its staff sign in that way. */
    public Optional<OidcDistrict> district(String tenantId) {
        return Optional.ofNullable(districts.get(tenantId));
    }

    /**
     * A new sign-in at the district's provider, answered at {@code redirectUri}.
     *
     * @throws Refused for a district without OIDC, or a provider that cannot be reached
     */
    public Started begin(String tenantId, URI redirectUri) {
        OidcDistrict district = require(tenantId);
        Provider provider = provider(district);
        State state = new State();
        Nonce nonce = new Nonce();
        CodeVerifier verifier = new CodeVerifier();
        String browserToken = new State().getValue(); // another 256 random bits
        AuthenticationRequest request = new AuthenticationRequest.Builder(ResponseType.CODE, new Scope(district.scopes().toArray(String[]::new)),
                new ClientID(district.clientId()), redirectUri)
                .endpointURI(provider.metadata().getAuthorizationEndpointURI())
                .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256)
                .build();
        pending.put(state.getValue(), new Pending(tenantId, redirectUri, nonce, verifier, browserToken));
        return new Started(request.toURI(), browserToken);
    }

    /**
     * The value of the district's user claim in the ID token the provider's answer {@code callbackUri} redeems to.
     *
     * @param browserToken the {@code learnstream_oidc} cookie the browser sent along (null when none)
     * @throws Refused with the reason, for an answer that is an error, of an unknown, used or expired state, of another
     *     district or another browser, a code the provider does not redeem, or an ID token that does not validate
     */
    public String complete(String tenantId, URI callbackUri, String browserToken) {
        OidcDistrict district = require(tenantId);
        AuthenticationResponse response;
        try {
            response = AuthenticationResponseParser.parse(callbackUri);
        } catch (ParseException e) {
            throw new Refused("the provider's answer is malformed: " + e.getMessage(), e);
        }
        State state = response.getState();
        Pending started = state == null ? null : pending.asMap().remove(state.getValue()); // used once
        if (started == null) throw new Refused("the sign-in is unknown, used or older than " + PENDING_FOR.toMinutes() + " minutes: start again");
        if (!started.tenantId().equals(tenantId)) throw new Refused("the sign-in was started for another district: start again");
        if (browserToken == null || !MessageDigest.isEqual(browserToken.getBytes(StandardCharsets.UTF_8),
                started.browserToken().getBytes(StandardCharsets.UTF_8))) {
            throw new Refused("the sign-in was started in another browser: start again");
        }
        if (response instanceof AuthenticationErrorResponse error) {
            throw new Refused("the provider refused the sign-in: " + error.getErrorObject().getCode()
                    + Optional.ofNullable(error.getErrorObject().getDescription()).map(d -> " (" + d + ")").orElse(""));
        }
        AuthorizationCode code = response.toSuccessResponse().getAuthorizationCode();
        if (code == null) throw new Refused("the provider's answer has no authorization code");
        Provider provider = provider(district);
        JWT idToken = redeem(district, provider, code, started);
        IDTokenClaimsSet claims;
        try {
            claims = provider.validator().validate(idToken, started.nonce());
        } catch (BadJOSEException | JOSEException e) {
            throw new Refused("the provider's ID token is not valid: " + e.getMessage(), e);
        }
        Object value = claims.getClaim(district.userClaim());
        if (!(value instanceof String text) || text.isBlank()) {
            throw new Refused("the provider's ID token has no claim '" + district.userClaim() + "' naming the user");
        }
        return text.strip();
    }

    private JWT redeem(OidcDistrict district, Provider provider, AuthorizationCode code, Pending started) {
        TokenRequest request = new TokenRequest(provider.metadata().getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(district.clientId()), new Secret(district.clientSecret())),
                new AuthorizationCodeGrant(code, started.redirectUri(), started.verifier()));
        TokenResponse response;
        try {
            var http = request.toHTTPRequest();
            http.setConnectTimeout(TIMEOUT_MILLIS);
            http.setReadTimeout(TIMEOUT_MILLIS);
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException | ParseException e) {
            throw new Refused("the provider's token endpoint did not answer usefully: " + e.getMessage(), e);
        }
        if (!response.indicatesSuccess()) {
            throw new Refused("the provider did not redeem the code: " + response.toErrorResponse().getErrorObject().getCode());
        }
        if (!(response.toSuccessResponse() instanceof OIDCTokenResponse tokens) || tokens.getOIDCTokens().getIDToken() == null) {
            throw new Refused("the provider's token answer has no ID token");
        }
        return tokens.getOIDCTokens().getIDToken();
    }

    private OidcDistrict require(String tenantId) {
        return district(tenantId).orElseThrow(() -> new Refused("district '" + tenantId + "' has no OpenID Connect sign-in"));
    }

    /** The provider's metadata, discovered on first use and kept (a failed discovery is tried again next time). */
    private Provider provider(OidcDistrict district) {
        return providers.computeIfAbsent(district.tenantId(), id -> discover(district));
    }

    private static Provider discover(OidcDistrict district) {
        OIDCProviderMetadata metadata;
        try {
            metadata = OIDCProviderMetadata.resolve(new Issuer(district.issuer()), TIMEOUT_MILLIS, TIMEOUT_MILLIS);
        } catch (IOException | com.nimbusds.oauth2.sdk.GeneralException e) {
            throw new Refused("the provider of district '" + district.tenantId() + "' (" + district.issuer() + ") cannot be reached: " + e.getMessage(), e);
        }
        Objects.requireNonNull(metadata.getJWKSetURI(), "the provider names no jwks_uri");
        try {
            IDTokenValidator validator = new IDTokenValidator(metadata.getIssuer(), new ClientID(district.clientId()), JWSAlgorithm.RS256,
                    metadata.getJWKSetURI().toURL(), new DefaultResourceRetriever(TIMEOUT_MILLIS, TIMEOUT_MILLIS));
            return new Provider(metadata, validator);
        } catch (MalformedURLException e) {
            throw new Refused("the provider's jwks_uri " + metadata.getJWKSetURI() + " is not a URL", e);
        }
    }
}
