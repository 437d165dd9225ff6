package io.gather.auth.jwt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.generator.claims.JwtClaimsSetAdapter;
import io.micronaut.security.token.jwt.validator.JwtClaimsValidatorConfigurationProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TokenClaimChecksTest {
    static final String ISSUER = "https://auth.example.com";
    static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final IssuerEqualsValidator<Object> issuer = new IssuerEqualsValidator<>(configuredIssuer());

    @Test
    void theConfiguredIssuerItselfPasses() {
        assertTrue(issuer.validate(claims(new JWTClaimsSet.Builder().issuer(ISSUER)), null));
    }

    @ParameterizedTest(name = "iss \"{0}\" is refused")
    @ValueSource(strings = {"", "m", "example.com", "auth.example.com", "http://auth.example.com",
        "https://auth.example.com/", "HTTPS://AUTH.EXAMPLE.COM", "https://auth.example.com.evil", "https://evil/auth.example.com"})
    void anyOtherIssuerIsRefused(String iss) {
        assertFalse(issuer.validate(claims(new JWTClaimsSet.Builder().issuer(iss)), null));
    }

    @Test
    void noIssuerOrAListOfThemIsRefused() {
        assertFalse(issuer.validate(claims(new JWTClaimsSet.Builder()), null));
        assertFalse(issuer.validate(claims(new JWTClaimsSet.Builder().claim(Claims.ISSUER, List.of(ISSUER))), null));
    }

    @Test
    void aTokenIsAcceptedUpToTheLeewayBeforeItsNotBefore() {
        NotBeforeValidator<Object> notBefore = notBefore(Duration.ofSeconds(30));
        assertTrue(notBefore.validate(nbf(NOW.minusSeconds(3600)), null), "long valid");
        assertTrue(notBefore.validate(nbf(NOW), null), "valid from now");
        assertTrue(notBefore.validate(nbf(NOW.plusSeconds(30)), null), "the issuer's clock 30 s ahead");
        assertFalse(notBefore.validate(nbf(NOW.plusSeconds(31)), null), "31 s ahead");
        assertFalse(notBefore.validate(nbf(NOW.plusSeconds(86_400)), null), "tomorrow");
        assertTrue(notBefore.validate(claims(new JWTClaimsSet.Builder()), null), "no nbf: valid since issued");
        assertTrue(notBefore.validate(claims(new JWTClaimsSet.Builder().claim(Claims.NOT_BEFORE, NOW.plusSeconds(30).getEpochSecond())), null),
            "as seconds, the same");
        assertFalse(notBefore.validate(claims(new JWTClaimsSet.Builder().claim(Claims.NOT_BEFORE, NOW.plusSeconds(31).getEpochSecond())), null));
    }

    @Test
    void withoutLeewayNotBeforeIsExact() {
        NotBeforeValidator<Object> notBefore = notBefore(Duration.ZERO);
        assertTrue(notBefore.validate(nbf(NOW), null));
        assertFalse(notBefore.validate(nbf(NOW.plusSeconds(1)), null));
    }

    @Test
    void theLeewayIsBoundedAtStartup() {
        for (Duration bad : new Duration[] {Duration.ofSeconds(-1), Duration.ofMinutes(6), null}) {
            TokenTimeSettings settings = new TokenTimeSettings();
            settings.setNotBeforeLeeway(bad);
            assertThrows(ConfigurationException.class, settings::check, String.valueOf(bad));
        }
    }

    private static NotBeforeValidator<Object> notBefore(Duration leeway) {
        TokenTimeSettings settings = new TokenTimeSettings();
        settings.setNotBeforeLeeway(leeway);
        settings.check();
        return new NotBeforeValidator<>(settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Claims nbf(Instant at) {
        return claims(new JWTClaimsSet.Builder().notBeforeTime(Date.from(at)));
    }

    private static Claims claims(JWTClaimsSet.Builder builder) {
        return new JwtClaimsSetAdapter(builder.subject("u-1").build());
    }

    private static JwtClaimsValidatorConfigurationProperties configuredIssuer() {
        JwtClaimsValidatorConfigurationProperties config = new JwtClaimsValidatorConfigurationProperties();
        config.setIssuer(ISSUER);
        return config;
    }
}
