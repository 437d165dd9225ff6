package io.gather.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import io.gather.stubs.DevJwks;
import io.gather.testing.GatherHarness;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** With a remote JWKS configured beside the HS256 secret, tokens signed by a published key get in, others do not. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JwksTokenTest implements TestPropertyProvider {
    private final GatherHarness harness = new GatherHarness();
    private final DevJwks idp = DevJwks.start("idp-key-1");
    private final DevJwks pinnedIdp = DevJwks.start("pinned-key-1", JWSAlgorithm.RS256);

    @Inject EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(harness.properties());
        p.put("micronaut.security.token.jwt.signatures.jwks.idp.url", idp.url());
        p.put("micronaut.security.token.jwt.signatures.jwks.idp.cache-expiration", "0"); // fetched again for every new token
        p.put("micronaut.security.token.jwt.signatures.jwks.pinned.url", pinnedIdp.url());
        return p;
    }

    @AfterAll
    void stop() {
        idp.close();
        pinnedIdp.close();
        harness.close();
    }

    private int statusWith(String token) throws Exception {
        return harness.get(server.getURI(), "/api/v1/dashboard", Map.of("Authorization", "Bearer " + token)).statusCode();
    }

    @Test
    void aTokenSignedByAPublishedKeyGetsIn() throws Exception {
        assertEquals(200, statusWith(idp.sign(harness.tokens.claims("u-3", Duration.ofMinutes(5)).build())));
    }

    @Test
    void aTokenSignedByAnUnpublishedKeyIsRefusedEvenWithAKnownKeyId() throws Exception {
        String forged = DevJwks.sign(harness.tokens.claims("u-3", Duration.ofMinutes(5)).build(), DevJwks.newKey("idp-key-1"));
        assertEquals(401, statusWith(forged));
    }

    @Test
    void aKeyThatNamesItsAlgorithmVerifiesOnlyTokensOfThatAlgorithm() throws Exception {
        RSAKey rs256Only = pinnedIdp.key();
        assertEquals(200, statusWith(DevJwks.sign(fresh(), rs256Only, JWSAlgorithm.RS256)));
        assertEquals(401, statusWith(DevJwks.sign(fresh(), rs256Only, JWSAlgorithm.RS512)), "the key's own signature, another algorithm");
        assertEquals(401, statusWith(DevJwks.sign(fresh(), rs256Only, JWSAlgorithm.PS256)));
    }

    @Test
    void whileTheProvidersKeysCannotBeFetchedItsLastKeysStillLetItsTokensIn() throws Exception {
        assertEquals(200, statusWith(idp.sign(fresh())));
        idp.publish(false);
        try {
            // before, the expired keys were dropped and every token of the provider was a 401 until it answered again
            assertEquals(200, statusWith(idp.sign(fresh())), "a new token, verified with the keys fetched before");
            assertEquals(200, statusWith(idp.sign(fresh())));
            String forged = DevJwks.sign(fresh(), DevJwks.newKey("idp-key-1"));
            assertEquals(401, statusWith(forged), "and only with those");
        } finally {
            idp.publish(true);
        }
    }

    @Test
    void aTokenSignedWithAKeyTheProviderJustPublishedGetsInAtOnce() throws Exception {
        assertEquals(200, statusWith(idp.sign(fresh())));
        RSAKey rotated = idp.publishNewKey("idp-key-2");
        // its kid is unknown here: the keys are fetched again before the token is judged, not after they expire
        assertEquals(200, statusWith(DevJwks.sign(fresh(), rotated)));
    }

    /** A token no cache has seen. */
    private JWTClaimsSet fresh() {
        return harness.tokens.claims("u-3", Duration.ofMinutes(5)).jwtID(UUID.randomUUID().toString()).build();
    }

    @Test
    void theSharedSecretStillWorksBesideTheJwks() throws Exception {
        assertEquals(200, harness.getAs(server.getURI(), "/api/v1/dashboard", "u-3").statusCode());
    }
}
