package io.gather.auth.jwt;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator;
import jakarta.inject.Singleton;

/**
 * Puts {@link CompactFormValidator} in front of Micronaut's JWT validator, then {@link VerifiedTokens} (unless
 * {@code max-entries} is 0): a token not in compact form is neither verified nor remembered.
 */
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
        if (validator instanceof CompactFormValidator) {
            return validator;
        }
        if (settings.getMaxEntries() == 0) {
            return new CompactFormValidator(validator);
        }
        return new CompactFormValidator(
            new CachingTokenValidator(validator, new VerifiedTokens(settings, Ticker.systemTicker(), System.currentTimeMillis())));
    }
}
