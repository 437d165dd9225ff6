package io.gather.auth.jwt;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * Micronaut's JWT validator with {@link VerifiedTokens} in front: a token verified before (and not expired since) is
 * answered from memory; any other is verified as always, and remembered if it passes.
 */
final class CachingTokenValidator<T, R> implements ReactiveJsonWebTokenValidator<T, R> {
    private final ReactiveJsonWebTokenValidator<T, R> delegate;
    private final VerifiedTokens verified;

    CachingTokenValidator(ReactiveJsonWebTokenValidator<T, R> delegate, VerifiedTokens verified) {
        this.delegate = delegate;
        this.verified = verified;
    }

    @Override
    public Publisher<Authentication> validateToken(String token, R request) {
        Authentication known = verified.get(token);
        if (known != null) {
            return Mono.just(known);
        }
        return Mono.from(delegate.validateToken(token, request)).doOnNext(caller -> verified.remember(token, caller));
    }

    @Override
    public Publisher<T> validate(String token, R request) {
        return delegate.validate(token, request);
    }

    @Override
    public int getOrder() {
        return delegate.getOrder();
    }
}
