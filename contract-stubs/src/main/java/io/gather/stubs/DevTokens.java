package io.gather.stubs;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A development token issuer: HS256 bearer tokens shaped like the identity provider's, for tests and
 * the demo. Gather itself only verifies tokens; it never issues them.
 */
public final class DevTokens {
    /** HS256 needs a secret of at least 256 bits. */
    public static final int MIN_SECRET_BYTES = 32;

    private final String secret;
    private final String issuer;
    private final String audience;

    public DevTokens(String secret, String issuer, String audience) {
        if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("an HS256 secret needs at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.secret = secret;
        this.issuer = issuer;
        this.audience = audience;
    }

    /** The scope that grants the whole dashboard. */
    public static final String DASHBOARD_SCOPE = "dashboard";

    /** A valid token for {@code subject}, good for {@code ttl}, with the dashboard scope and no client. */
    public String mint(String subject, Duration ttl) {
        return sign(claims(subject, ttl).build());
    }

    /** A valid token for {@code subject} issued to {@code clientId} ({@code azp}; null: none) with {@code scope} (null: none). */
    public String mint(String subject, Duration ttl, String clientId, String scope) {
        return sign(claims(subject, ttl, clientId, scope).build());
    }

    /** The claims a valid token carries: sub, iss, aud, iat, exp, the user role and {@code scope: dashboard}. */
    public JWTClaimsSet.Builder claims(String subject, Duration ttl) {
        return claims(subject, ttl, null, DASHBOARD_SCOPE);
    }

    /** The same, with {@code azp} = {@code clientId} and {@code scope} as given (each left out when null). */
    public JWTClaimsSet.Builder claims(String subject, Duration ttl, String clientId, String scope) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder()
            .subject(subject)
            .issuer(issuer)
            .audience(audience)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)))
            .claim("roles", List.of("user"));
        if (clientId != null) {
            b.claim("azp", clientId);
        }
        if (scope != null) {
            b.claim("scope", scope);
        }
        return b;
    }

    public String sign(JWTClaimsSet claims) {
        return sign(claims, secret);
    }

    public static String sign(JWTClaimsSet claims, String secret) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
    }

    /** The same claims with {@code alg: none} and no signature: a token every verifier must refuse. */
    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }
}
