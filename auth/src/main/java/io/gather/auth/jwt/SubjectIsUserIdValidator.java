package io.gather.auth.jwt;

import io.gather.auth.UserIds;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/** Refuses tokens whose {@code sub} is not a contract user id, so a subject can be used in a downstream path as is. */
@Singleton
public final class SubjectIsUserIdValidator<T> implements GenericJwtClaimsValidator<T> {
    @Override
    public boolean validate(@NonNull Claims claims, @Nullable T request) {
        Object sub = claims.get(Claims.SUBJECT);
        return sub instanceof String s && UserIds.isValid(s);
    }
}
