package io.gather.auth.jwt;

import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.token.jwt.signature.ReactiveSignatureConfiguration;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import io.micronaut.security.token.jwt.validator.JwtClaimsValidatorConfiguration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Stops startup unless tokens can really be verified: a signature is configured (without one, Micronaut
 * would accept unsigned {@code alg: none} tokens), every HS256 secret has at least 256 bits, and the
 * issuer and audience to check are set (an unset one is silently not checked).
 */
@Context
final class JwtSettingsCheck {
    static final int MIN_SECRET_BYTES = 32;
    private static final String PREFIX = "micronaut.security.token.jwt.";

    JwtSettingsCheck(List<SignatureConfiguration> signatures,
                     List<ReactiveSignatureConfiguration<SignedJWT>> reactiveSignatures,
                     List<SecretSignatureConfiguration> secrets,
                     JwtClaimsValidatorConfiguration claims) {
        List<String> problems = new ArrayList<>();
        if (signatures.isEmpty() && reactiveSignatures.isEmpty()) {
            problems.add("no JWT signature is configured: set " + PREFIX + "signatures.secret.generator.secret "
                + "(env GATHER_JWT_SECRET) or " + PREFIX + "signatures.jwks.<name>.url");
        }
        for (SecretSignatureConfiguration s : secrets) {
            if (secretBytes(s) < MIN_SECRET_BYTES) {
                problems.add(PREFIX + "signatures.secret." + s.getName() + ".secret must have at least "
                    + MIN_SECRET_BYTES + " bytes (env GATHER_JWT_SECRET)");
            }
        }
        if (claims.getIssuer() == null || claims.getIssuer().isBlank()) {
            problems.add(PREFIX + "claims-validators.issuer is not set (env GATHER_JWT_ISSUER)");
        }
        if (claims.getAudience() == null || claims.getAudience().isBlank()) {
            problems.add(PREFIX + "claims-validators.audience is not set (env GATHER_JWT_AUDIENCE)");
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Gather cannot verify tokens:\n  - " + String.join("\n  - ", problems));
        }
    }

    private static int secretBytes(SecretSignatureConfiguration s) {
        String secret = s.getSecret();
        if (secret == null) {
            return 0;
        }
        try {
            return s.isBase64() ? Base64.getDecoder().decode(secret).length : secret.getBytes(StandardCharsets.UTF_8).length;
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }
}
