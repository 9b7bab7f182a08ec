package io.learnstream.ingest.http;

import io.learnstream.ingest.auth.AuthenticationException;
import io.learnstream.ingest.auth.Principal;

/** Who a request's {@code Authorization} header says the caller is. */
@FunctionalInterface
public interface Authentication {
    /**
     * @param authorizationHeader the header's value, or {@code null} when the request has none
     * @throws AuthenticationException with the reason (for logs and metrics; the caller only ever sees 401)
     */
    Principal authenticate(String authorizationHeader) throws AuthenticationException;
}
