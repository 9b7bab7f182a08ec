package io.learnstream.ingest.auth;

import java.util.Objects;

/**
 * A credential just issued, with its secret in clear: the only time the secret exists outside the tool that uses it.
 * Hand it to the person who asked and drop it; learnstream keeps only the hash.
 *
 * @param credential the stored credential
 * @param secret the secret (HTTP Basic password)
 */
public record IssuedCredential(CredentialInfo credential, String secret) {
    public IssuedCredential {
        Objects.requireNonNull(credential, "credential");
        Objects.requireNonNull(secret, "secret");
    }

    public String key() {
        return credential.key();
    }

    /** The value of an HTTP {@code Authorization} header carrying this credential. */
    public String authorizationHeader() {
        return BasicCredentials.header(credential.key(), secret);
    }

    @Override
    public String toString() {
        return "IssuedCredential[" + credential + ", secret ****]";
    }
}
