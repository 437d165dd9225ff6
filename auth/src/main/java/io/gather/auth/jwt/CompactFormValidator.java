package io.gather.auth.jwt;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Refuses a token that is not three base64url parts (RFC 7515 section 7.1: {@code [A-Za-z0-9_-]}, no padding) before
 * anything reads it. Nimbus's decoder skips characters outside the alphabet, so {@code <token>!} or a {@code %} inside
 * the signature verified as the token itself: endless byte-different copies of one token, each a new entry in the
 * verified-token cache, and none matching a deny-list or a log search for the original.
 */
final class CompactFormValidator<T, R> implements ReactiveJsonWebTokenValidator<T, R> {
    private final ReactiveJsonWebTokenValidator<T, R> delegate;

    CompactFormValidator(ReactiveJsonWebTokenValidator<T, R> delegate) {
        this.delegate = delegate;
    }

    static boolean isCompactForm(String token) {
        int dots = 0;
        int partStart = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '.') {
                if (i == partStart || ++dots > 2) {
                    return false;   // an empty header or payload, or a fourth part
                }
                partStart = i + 1;
            } else if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return dots == 2;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, R request) {
        return isCompactForm(token) ? delegate.validateToken(token, request) : Mono.empty();
    }

    @Override
    public Publisher<T> validate(String token, R request) {
        return isCompactForm(token) ? delegate.validate(token, request) : Mono.empty();
    }

    @Override
    public int getOrder() {
        return delegate.getOrder();
    }
}
