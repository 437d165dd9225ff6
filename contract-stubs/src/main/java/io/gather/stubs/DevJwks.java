package io.gather.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A development identity provider that publishes its keys: an RSA key whose public half is served as a
 * JWKS on loopback, and RS256 tokens signed with it. For testing Gather's remote JWKS support.
 */
public final class DevJwks implements AutoCloseable {
    public static final String PATH = "/.well-known/jwks.json";

    private final RSAKey key;
    private final List<RSAKey> published = new CopyOnWriteArrayList<>();
    private final WireMockServer server;

    private DevJwks(RSAKey key) {
        this.key = key;
        this.published.add(key);
        this.server = new WireMockServer(options().bindAddress(ContractStubs.LOOPBACK).port(0).containerThreads(8)
            .jettyAcceptors(1).disableRequestJournal().notifier(new ConsoleNotifier(false)));
        server.start();
        publish(true);
    }

    /** Whether the keys are served: {@code false} answers 503, as a provider's JWKS endpoint in an outage. */
    public void publish(boolean up) {
        server.resetMappings();
        server.stubFor(get(urlEqualTo(PATH)).willReturn(up
            ? aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(new JWKSet(
                published.stream().map(k -> (JWK) k.toPublicJWK()).toList()).toString())
            : aResponse().withStatus(503).withHeader("Content-Type", "text/plain").withBody("down for maintenance")));
    }

    /** Publishes one more key, as a provider does when it rotates; sign with it through {@link #sign(JWTClaimsSet, RSAKey)}. */
    public RSAKey publishNewKey(String keyId) {
        RSAKey next = newKey(keyId);
        published.add(next);
        publish(true);
        return next;
    }

    public static DevJwks start(String keyId) {
        return new DevJwks(newKey(keyId));
    }

    /** A provider whose key names the one algorithm it is for (its {@code alg}). */
    public static DevJwks start(String keyId, JWSAlgorithm alg) {
        return new DevJwks(new RSAKey.Builder(newKey(keyId)).algorithm(alg).build());
    }

    /** This provider's key, to sign with through {@link #sign(JWTClaimsSet, RSAKey, JWSAlgorithm)}. */
    public RSAKey key() {
        return key;
    }

    public static RSAKey newKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot make an RSA key", e);
        }
    }

    public String url() {
        return "http://" + ContractStubs.LOOPBACK + ":" + server.port() + PATH;
    }

    /** RS256 with this provider's key. */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, key);
    }

    /** RS256 with any key, e.g. one that is not in the published set. */
    public static String sign(JWTClaimsSet claims, RSAKey with) {
        return sign(claims, with, JWSAlgorithm.RS256);
    }

    /** With any key and any RSA algorithm, e.g. one its key does not name. */
    public static String sign(JWTClaimsSet claims, RSAKey with, JWSAlgorithm alg) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(with.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }
}
