package io.gather.auth.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;

/**
 * Micronaut's shared-secret verification, held to the one algorithm configured ({@code jws-algorithm}, HS256): its
 * own accepts any HMAC the secret is long enough for, so with a 48-byte secret an HS384 token got in, and with 64
 * bytes HS512 too (RFC 8725 section 3.1: pin the algorithms you accept).
 */
@EachBean(SecretSignatureConfiguration.class)
@Replaces(SecretSignature.class)
public class PinnedSecretSignature extends SecretSignature {
    PinnedSecretSignature(SecretSignatureConfiguration config) {
        super(config);
    }

    @Override
    public boolean verify(SignedJWT jwt) throws JOSEException {
        return getAlgorithm().equals(jwt.getHeader().getAlgorithm()) && super.verify(jwt);
    }
}
