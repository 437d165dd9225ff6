package io.gather.auth;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import jakarta.inject.Singleton;

/**
 * The {@code WWW-Authenticate} challenge of every 401 (RFC 6750): {@code Bearer realm="gather"}, with
 * {@code error="invalid_token"} when the request carried a bearer token that was refused; none for another scheme
 * ({@code Basic ...}), which is no token at all (section 3.1). It never echoes anything from the request.
 */
@Singleton
final class BearerChallenge implements WwwAuthenticateChallengeProvider<HttpRequest<?>> {
    static final String REALM = "gather";

    @Override
    public String getWwwAuthenticateChallenge(HttpRequest<?> request) {
        String credentials = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        boolean presented = credentials != null && credentials.regionMatches(true, 0, "Bearer ", 0, 7);
        return "Bearer realm=\"" + REALM + "\"" + (presented ? ", error=\"invalid_token\"" : "");
    }
}
