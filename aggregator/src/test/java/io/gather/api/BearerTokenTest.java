package io.gather.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.gather.stubs.DevTokens;
import io.gather.testing.GatherHarness;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.security.token.validator.TokenValidator;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every token that is not a valid one for a contract user gets the same 401, and the valid one gets in. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BearerTokenTest implements TestPropertyProvider {
    private static final GatherHarness HARNESS = new GatherHarness();

    @Inject EmbeddedServer server;
    @Inject ApplicationContext context;

    @Override
    public Map<String, String> getProperties() {
        return HARNESS.properties();
    }

    @AfterAll
    void stop() {
        HARNESS.close();
    }

    private static JWTClaimsSet.Builder valid() {
        return HARNESS.tokens.claims("u-1", Duration.ofMinutes(5));
    }

    static Stream<Arguments> refusedTokens() throws Exception {
        Map<String, String> t = new LinkedHashMap<>();
        t.put("malformed", "not.a.jwt");
        t.put("garbage", "garbage-token-xyz"); // letters no UUID in the answer can contain
        t.put("expired", HARNESS.tokens.sign(valid()
            .issueTime(Date.from(Instant.now().minusSeconds(7200))).expirationTime(Date.from(Instant.now().minusSeconds(60))).build()));
        t.put("signed with another key", DevTokens.sign(valid().build(), "another-secret-0123456789abcdef0123456789ab"));
        t.put("alg none", DevTokens.unsigned(valid().build()));
        t.put("wrong issuer", HARNESS.tokens.sign(valid().issuer("https://evil.example").build()));
        // Micronaut's own issuer check took any ending of the issuer, without its scheme or a trailing slash
        t.put("issuer empty", HARNESS.tokens.sign(valid().issuer("").build()));
        t.put("issuer only its last label", HARNESS.tokens.sign(valid().issuer("gather.test").build()));
        t.put("issuer over http", HARNESS.tokens.sign(valid().issuer("http://auth.gather.test").build()));
        t.put("issuer with a trailing slash", HARNESS.tokens.sign(valid().issuer(GatherHarness.ISSUER + "/").build()));
        t.put("issuer in capitals", HARNESS.tokens.sign(valid().issuer(GatherHarness.ISSUER.toUpperCase(Locale.ROOT)).build()));
        t.put("wrong audience", HARNESS.tokens.sign(valid().audience("someone-else").build()));
        t.put("no exp", HARNESS.tokens.sign(valid().expirationTime(null).build()));
        t.put("not yet valid", HARNESS.tokens.sign(valid().notBeforeTime(Date.from(Instant.now().plusSeconds(3600))).build()));
        t.put("sub not a user id", HARNESS.tokens.sign(valid().subject("../admin").build()));
        t.put("sub too long", HARNESS.tokens.sign(valid().subject("u".repeat(65)).build()));
        t.put("no sub", HARNESS.tokens.sign(valid().subject(null).build()));
        t.put("HS512 with the right key", hs512(valid().build()));
        String good = HARNESS.tokens.sign(valid().build());
        // Nimbus's decoder skips characters outside base64url, so each of these verified as the good token itself
        t.put("a good token and a '!'", good + "!");
        t.put("a '%' inside its signature", good.substring(0, good.length() - 5) + "%" + good.substring(good.length() - 5));
        t.put("a '~' after its header", good.replaceFirst("\\.", "~."));
        t.put("padding on its signature", good + "=");
        t.put("four parts", good + ".e30");
        return t.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private static String hs512(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS512).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new MACSigner((GatherHarness.SECRET + GatherHarness.SECRET).getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private void assertRefused(HttpResponse<String> r, String token) {
        assertEquals(401, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer realm=\"gather\""));
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(1, r.headers().allValues("Date").size(), "one Date");
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""), "an error is not kept");
        assertTrue(r.body().contains("\"status\":401"));
        if (token != null) {
            assertFalse(r.body().contains(token), "the token was echoed");
        }
    }

    @Test
    void noTokenIs401WithABearerChallenge() throws Exception {
        HttpResponse<String> r = HARNESS.get(server.getURI(), "/api/v1/dashboard", Map.of());
        assertRefused(r, null);
        assertEquals("Bearer realm=\"gather\"", r.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    @Test
    void anotherSchemeIs401WithoutAnErrorCode() throws Exception {
        HttpResponse<String> r = HARNESS.get(server.getURI(), "/api/v1/dashboard", Map.of("Authorization", "Basic dTpw"));
        assertRefused(r, "dTpw");
        // RFC 6750 section 3.1: no bearer token was presented, so there is no invalid one to name
        assertEquals("Bearer realm=\"gather\"", r.headers().firstValue("WWW-Authenticate").orElseThrow());
    }

    @ParameterizedTest(name = "{0} -> 401")
    @MethodSource("refusedTokens")
    void aBadTokenIs401(String what, String token) throws Exception {
        HttpResponse<String> r = HARNESS.get(server.getURI(), "/api/v1/dashboard", Map.of("Authorization", "Bearer " + token));
        assertRefused(r, token);
        assertTrue(r.headers().firstValue("WWW-Authenticate").orElseThrow().contains("error=\"invalid_token\""));
    }

    @Test
    void aValidTokenGetsIn() throws Exception {
        HttpResponse<String> r = HARNESS.getAs(server.getURI(), "/api/v1/dashboard", "u-1");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("WWW-Authenticate").isEmpty());
    }

    @Test
    void aTokenFromAnIssuerWhoseClockIsAheadGetsIn() throws Exception {
        // nbf 10 s from now: the issuer signed it "now" by its own clock, within the 30 s leeway
        String token = HARNESS.tokens.sign(valid().notBeforeTime(Date.from(Instant.now().plusSeconds(10))).build());
        assertEquals(200, HARNESS.getWith(server.getURI(), "/api/v1/dashboard", token).statusCode());
    }

    @Test
    void tokensAreCheckedForTheirFormThenVerifiedThroughTheVerifiedTokenCache() {
        assertTrue(context.getBeansOfType(TokenValidator.class).stream()
            .anyMatch(v -> v.getClass().getSimpleName().equals("CompactFormValidator")), "the form check is in front of the cache");
    }

    @Test
    void aRememberedTokenLetsNoTamperedCopyIn() throws Exception {
        String token = HARNESS.tokens.sign(valid().build());
        for (int i = 0; i < 2; i++) {       // the second time it is answered from the verified-token cache
            assertEquals(200, HARNESS.getWith(server.getURI(), "/api/v1/dashboard", token).statusCode());
        }
        String[] parts = token.split("\\.");
        char last = parts[2].charAt(0);
        String tampered = parts[0] + "." + parts[1] + "." + (last == 'A' ? 'B' : 'A') + parts[2].substring(1);
        assertRefused(HARNESS.getWith(server.getURI(), "/api/v1/dashboard", tampered), tampered);
        String otherClaims = HARNESS.tokens.sign(valid().subject("u-2").build());
        String spliced = parts[0] + "." + otherClaims.split("\\.")[1] + "." + parts[2];
        assertRefused(HARNESS.getWith(server.getURI(), "/api/v1/dashboard", spliced), spliced);
    }
}
