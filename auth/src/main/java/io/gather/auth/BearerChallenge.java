package io.gather.auth;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.WwwAuthenticateChallengeProvider;
import jakarta.inject.Singleton;

/**
 * The {@code WWW-Authenticate} challenge of every 401 (RFC 6750): {@code Bearer realm="gather"}, with
 * {@code error="invalid_token"} when the request carried credentials that were refused. It never echoes
 * anything from the request.
 */
@Singleton
final class BearerChallenge implements WwwAuthenticateChallengeProvider<HttpRequest<?>> {
    static final String REALM = "gather";

    @Override
    public String getWwwAuthenticateChallenge(HttpRequest<?> request) {
        boolean presented = request.getHeaders().contains(HttpHeaders.AUTHORIZATION);
        return "Bearer realm=\"" + REALM + "\"" + (presented ? ", error=\"invalid_token\"" : "");
    }
}
