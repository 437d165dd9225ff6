package io.gather.auth.jwt;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import jakarta.inject.Singleton;

/** Puts {@link VerifiedTokens} in front of Micronaut's JWT validator, unless {@code max-entries} is 0. */
@Singleton
final class TokenCacheInstaller implements BeanCreatedEventListener<ReactiveJsonWebTokenValidator<?, ?>> {
    private final TokenCacheSettings settings;

    TokenCacheInstaller(TokenCacheSettings settings) {
        this.settings = settings;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ReactiveJsonWebTokenValidator<?, ?> onCreated(BeanCreatedEvent<ReactiveJsonWebTokenValidator<?, ?>> event) {
        ReactiveJsonWebTokenValidator<?, ?> validator = event.getBean();
        if (settings.getMaxEntries() == 0 || validator instanceof CachingTokenValidator) {
            return validator;
        }
        return new CachingTokenValidator(validator, new VerifiedTokens(settings, Ticker.systemTicker(), System.currentTimeMillis()));
    }
}
