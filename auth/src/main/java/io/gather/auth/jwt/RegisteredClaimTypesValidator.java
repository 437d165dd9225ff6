package io.gather.auth.jwt;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import java.text.ParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Refuses tokens whose registered claims have the wrong JSON type (RFC 7519 section 4.1): {@code sub}, {@code iss},
 * {@code jti}, {@code azp} and {@code client_id} must be strings, {@code exp}, {@code nbf} and {@code iat} numbers,
 * {@code aud} a string or an array of strings; the numbers dates before year 10000. Nimbus coerces some of these (a
 * numeric {@code sub} becomes a string), so the check reads the token's own JSON: the payload of the bearer token
 * that was just verified.
 */
@Singleton
public final class RegisteredClaimTypesValidator<T> implements GenericJwtClaimsValidator<T> {
    static final List<String> STRINGS = List.of(Claims.SUBJECT, Claims.ISSUER, Claims.TOKEN_ID, "azp", "client_id");
    static final List<String> NUMBERS = List.of(Claims.EXPIRATION_TIME, Claims.NOT_BEFORE, Claims.ISSUED_AT);
    private static final String BEARER = "Bearer ";
    /** 9999-12-31T23:59:59Z in seconds. */
    private static final double MAX_NUMERIC_DATE = 253_402_300_799d;

    @Override
    public boolean validate(@NonNull Claims claims, @Nullable T request) {
        Map<String, Object> json = request instanceof HttpRequest<?> http ? payload(http) : null;
        if (json == null) {
            json = new HashMap<>();
            for (String name : claims.names()) {
                json.put(name, claims.get(name));
            }
        }
        return typesOk(json);
    }

    /** Whether every registered claim present in {@code json} has its type. */
    static boolean typesOk(Map<String, Object> json) {
        for (String name : STRINGS) {
            Object v = json.get(name);
            if (v != null && !(v instanceof String)) {
                return false;
            }
        }
        for (String name : NUMBERS) {
            Object v = json.get(name);
            if (v != null && !(v instanceof java.util.Date) && !(v instanceof Number n && isDate(n))) {
                return false;
            }
        }
        Object aud = json.get(Claims.AUDIENCE);
        if (aud != null && !(aud instanceof String)) {
            return aud instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(String.class::isInstance);
        }
        return true;
    }

    /**
     * A NumericDate Java can hold: a number of seconds up to year 9999. Past it, {@code nbf: 1e20} became a date in
     * 1970 (seconds times 1000 overflow a long), and a token not valid for ages was let in.
     */
    private static boolean isDate(Number n) {
        double seconds = n.doubleValue();
        return Math.abs(seconds) <= MAX_NUMERIC_DATE;   // NaN and infinities fail too
    }

    /** The claims as the token's JSON has them, or null when the request carries no readable bearer token. */
    @Nullable
    private static Map<String, Object> payload(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String[] parts = authorization.substring(BEARER.length()).trim().split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            return JSONObjectUtils.parse(new Base64URL(parts[1]).decodeToString());
        } catch (ParseException | RuntimeException e) {
            return null;
        }
    }
}
