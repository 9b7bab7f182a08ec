package io.learnstream.ingest.auth;

import io.learnstream.ingest.auth.AuthenticationException.Reason;
import io.learnstream.schemas.avro.Credential;
import io.micrometer.core.instrument.MeterRegistry;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

/**
 * Authenticates LRS requests by HTTP Basic auth, as xAPI tools send it: the user name is a credential key, the
 * password its secret. The result is the {@link Principal} of the credential, whose district is the only district the
 * request may touch.
 *
 * <p>The first request of a credential and secret pays for the PBKDF2 check (a few hundred milliseconds of CPU); later
 * ones cost a map lookup and one HMAC, until the credential changes. A wrong secret pays for it once too, and a
 * credential that had five wrong secrets within a minute has new ones refused unchecked for a while (reason
 * {@code throttled}; see {@link VerifiedSecrets}). Revocation counts from the moment this process's
 * view of the credentials topic reads it, even for a secret verified before.
 *
 * <p>Thread-safe. Meters {@code learnstream.auth.attempts} (by outcome) and {@code learnstream.auth.secret.checks}.
 */
public final class Authenticator {
    private final CredentialRegistry credentials;
    private final SecretHasher hasher;
    private final AuthMetrics metrics;
    private final VerifiedSecrets verified;
    private final AuthFailureLog failureLog = new AuthFailureLog();

    public Authenticator(CredentialRegistry credentials, SecretHasher hasher, MeterRegistry meters) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.metrics = new AuthMetrics(Objects.requireNonNull(meters, "meters"));
        this.verified = new VerifiedSecrets(new SecureRandom());
        credentials.onChange(key -> {
            verified.forget(key);
            failureLog.forget(key);
        });
    }

    /**
     * The principal of the credential in an {@code Authorization} header.
     *
     * @param authorizationHeader the header's value, null when the request has none
     * @throws AuthenticationException when the request is not authenticated, with the reason; answer it with a plain 401
     *     (and {@code WWW-Authenticate: Basic realm="learnstream"}) whatever the reason
     */
    public Principal authenticate(String authorizationHeader) throws AuthenticationException {
        Credential credential = null;
        try {
            BasicCredentials presented = BasicCredentials.parse(authorizationHeader);
            credential = credentials.stored(presented.key()).orElse(null);
            if (credential == null) {
                throw new AuthenticationException(Reason.UNKNOWN_KEY, "no credential has the key the request named", null);
            }
            if (credential.getRevoked() != null) {
                throw new AuthenticationException(Reason.REVOKED, "the credential was revoked at " + credential.getRevoked(), presented.key());
            }
            Credential stored = credential;
            Optional<Principal> principal = verified.check(presented.key(), stored, verified.digest(presented.secret()), () -> {
                boolean matched = hasher.verify(presented.secret(), CredentialRegistry.hashOf(stored));
                metrics.secretChecked(matched);
                return matched;
            });
            if (principal.isEmpty()) {
                throw new AuthenticationException(Reason.WRONG_SECRET, "the secret is not the credential's secret", presented.key());
            }
            metrics.succeeded();
            return principal.get();
        } catch (AuthenticationException e) {
            metrics.failed(e.reason());
            failureLog.refused(e, credential == null ? null : credential.getTenantId(), credential == null ? null : credential.getTool());
            throw e;
        }
    }

    @Override
    public String toString() {
        return "Authenticator[" + verified.size() + " verified credentials in memory]";
    }
}
