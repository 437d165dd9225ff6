package io.gather.auth.jwt;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.IssuerJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.JwtClaimsValidatorConfiguration;
import jakarta.inject.Singleton;

/**
 * Accepts a token only if its {@code iss} is exactly the configured issuer (RFC 7519 section 4.1.1: a case-sensitive
 * string comparison). Micronaut's own check, replaced here, drops the scheme and a trailing slash and then only asks
 * that the configured issuer <em>end with</em> the token's: {@code ""}, {@code "demo"} and {@code http://} in place of
 * {@code https://} all passed it.
 */
@Singleton
@Replaces(IssuerJwtClaimsValidator.class)
public final class IssuerEqualsValidator<T> implements GenericJwtClaimsValidator<T> {
    private final String issuer;

    public IssuerEqualsValidator(JwtClaimsValidatorConfiguration claims) {
        this.issuer = claims.getIssuer(); // JwtSettingsCheck stops startup when it is not set
    }

    @Override
    public boolean validate(@NonNull Claims claims, @Nullable T request) {
        return issuer != null && issuer.equals(claims.get(Claims.ISSUER));
    }
}
