package io.gather.auth.jwt;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.NotBeforeJwtClaimsValidator;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Date;

/**
 * Refuses a token before its {@code nbf}, allowing {@code gather.auth.not-before-leeway} for the issuer's clock being
 * ahead of this one: an identity provider commonly sets {@code nbf} to the moment it signs, and without a leeway a
 * token used at once by a client would be refused for as long as the clocks disagree. Always on, unlike Micronaut's
 * check (replaced here), which has no leeway and is off unless configured.
 */
@Singleton
@Replaces(NotBeforeJwtClaimsValidator.class)
public final class NotBeforeValidator<T> implements GenericJwtClaimsValidator<T> {
    private final Clock clock;
    private final long leewayMillis;

    @Inject
    public NotBeforeValidator(TokenTimeSettings settings) {
        this(settings, Clock.systemUTC());
    }

    NotBeforeValidator(TokenTimeSettings settings, Clock clock) {
        this.clock = clock;
        this.leewayMillis = settings.getNotBeforeLeeway().toMillis();
    }

    @Override
    public boolean validate(@NonNull Claims claims, @Nullable T request) {
        // read as Nimbus reads a date claim (a Date once parsed, else seconds), without copying every claim to do so
        Object nbf = claims.get(Claims.NOT_BEFORE);
        if (nbf == null) {
            return true;
        }
        long notBefore = nbf instanceof Date d ? d.getTime()
            : nbf instanceof Number n ? n.longValue() * 1000 : Long.MAX_VALUE;   // not a time: never valid
        return clock.millis() + leewayMillis >= notBefore;
    }
}
