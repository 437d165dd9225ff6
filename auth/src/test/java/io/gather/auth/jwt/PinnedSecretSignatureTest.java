package io.gather.auth.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** With a secret long enough for any HMAC, only the algorithm configured verifies. */
class PinnedSecretSignatureTest {
    private static final String SECRET = "0123456789abcdef".repeat(4);     // 64 bytes: enough for HS512

    private static SecretSignatureConfiguration configured() {
        SecretSignatureConfiguration c = new SecretSignatureConfiguration("generator");
        c.setSecret(SECRET);
        c.setJwsAlgorithm(JWSAlgorithm.HS256);
        return c;
    }

    private static SignedJWT signed(JWSAlgorithm alg) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader(alg), new JWTClaimsSet.Builder().subject("u-1").build());
        jwt.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        return SignedJWT.parse(jwt.serialize());
    }

    @Test
    void onlyTheConfiguredAlgorithmVerifies() throws Exception {
        PinnedSecretSignature pinned = new PinnedSecretSignature(configured());
        assertEquals(JWSAlgorithm.HS256, pinned.getAlgorithm());
        assertTrue(pinned.verify(signed(JWSAlgorithm.HS256)));
        assertFalse(pinned.verify(signed(JWSAlgorithm.HS384)));
        assertFalse(pinned.verify(signed(JWSAlgorithm.HS512)));
    }

    @Test
    void micronautsOwnTakesAnyHmacTheSecretAllows() throws Exception {
        // why the class exists: if this ever fails, Micronaut pins the algorithm itself
        assertTrue(new SecretSignature(configured()).verify(signed(JWSAlgorithm.HS384)));
    }
}
