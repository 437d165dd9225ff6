package io.gather.auth.jwt;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/** Refuses tokens without {@code exp}: Micronaut only checks the expiry of tokens that have one. */
@Singleton
public final class ExpirationRequiredValidator<T> implements GenericJwtClaimsValidator<T> {
    @Override
    public boolean validate(@NonNull Claims claims, @Nullable T request) {
        return claims.get(Claims.EXPIRATION_TIME) != null;
    }
}
