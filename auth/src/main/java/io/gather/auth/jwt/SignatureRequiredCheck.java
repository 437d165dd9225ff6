package io.gather.auth.jwt;

import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.token.jwt.signature.ReactiveSignatureConfiguration;
import io.micronaut.security.token.jwt.signature.SignatureConfiguration;
import java.util.List;

/**
 * Fails startup when no signature (HS256 secret or JWKS) is configured: Micronaut would then accept
 * unsigned ({@code alg: none}) tokens.
 */
@Context
final class SignatureRequiredCheck {
    SignatureRequiredCheck(List<SignatureConfiguration> signatures,
                           List<ReactiveSignatureConfiguration<SignedJWT>> reactiveSignatures) {
        if (signatures.isEmpty() && reactiveSignatures.isEmpty()) {
            throw new ConfigurationException("no JWT signature is configured: set "
                + "micronaut.security.token.jwt.signatures.secret.generator.secret (HS256, at least 32 bytes) "
                + "or micronaut.security.token.jwt.signatures.jwks.<name>.url");
        }
    }
}
