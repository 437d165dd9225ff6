package io.gather.testing;

import io.gather.stubs.ContractStubs;
import io.gather.stubs.DevTokens;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;

/**
 * What an integration test of Gather needs: the contract stubs on free loopback ports, Gather's
 * properties pointing at them, a token issuer with Gather's secret, and a plain HTTP client that shows
 * responses exactly as a caller sees them.
 */
public final class GatherHarness implements AutoCloseable {
    public static final String SECRET = "gather-test-secret-0123456789abcdef0123456789";
    public static final String ISSUER = "https://auth.gather.test";
    public static final String AUDIENCE = "gather-dashboard";
    public static final String MANAGEMENT_PORT = "endpoints.all.port";
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();
    private static final String[] SECTIONS = {"profile", "orders", "notifications", "recommendations"};

    public final ContractStubs stubs = ContractStubs.startInstant();
    public final DevTokens tokens = new DevTokens(SECRET, ISSUER, AUDIENCE);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * Gather's properties for tests. Timeouts are long enough that a cold JVM on a busy CI machine never
     * misses a healthy answer, and shorter than the stubs' "slow" (2 s) and "hang". Section caches and
     * breakers are off, so that each test sees the downstream's behaviour of the moment; tests of the cache
     * and the breaker switch them on.
     */
    public Map<String, String> properties() {
        Map<String, String> p = new HashMap<>(stubs.serviceUrlProperties());
        p.put("micronaut.server.port", "-1"); // a free port: tests never take 8080 from a running Gather
        p.put("gather.warm-up.enabled", "false"); // tests count calls to the stubs; WarmUpTest turns it on
        p.put(MANAGEMENT_PORT, Integer.toString(freePort())); // nor 8081: a free management port per instance
        p.put("micronaut.security.token.jwt.signatures.secret.generator.secret", SECRET);
        p.put("micronaut.security.token.jwt.claims-validators.issuer", ISSUER);
        p.put("micronaut.security.token.jwt.claims-validators.audience", AUDIENCE);
        p.put("gather.dashboard.deadline", "1500ms");
        p.put("gather.admission.slow-start", "0s"); // full capacity at once: tests start many requests at once
        for (String s : SECTIONS) {
            p.put("gather.sections." + s + ".timeout", "1000ms");
            p.put("gather.sections." + s + ".cache.enabled", "false");
            p.put("gather.sections." + s + ".breaker.enabled", "false");
        }
        // Tests that are not about rate limits must never meet one: a default tier no test reaches.
        p.put("gather.rate-limits.default-tier", "unlimited");
        p.put("gather.rate-limits.tiers.unlimited.policies.all.quota", "1000000");
        p.put("gather.rate-limits.tiers.unlimited.policies.all.window", "60s");
        p.put("gather.rate-limits.tiers.unlimited.policies.all.per", "user");
        return p;
    }

    /** One dashboard assembled at a time, never more however idle the core; returns {@code properties}. */
    public static Map<String, String> oneAdmissionTurn(Map<String, String> properties) {
        properties.put("gather.admission.min-concurrent", "1");
        properties.put("gather.admission.max-concurrent", "1");
        properties.put("gather.admission.ceiling", "1");
        return properties;
    }

    /** Sets the request's deadline and every section's timeout in {@code properties}; returns them. */
    public static Map<String, String> timeouts(Map<String, String> properties, String deadline, String sectionTimeout) {
        properties.put("gather.dashboard.deadline", deadline);
        for (String s : SECTIONS) {
            properties.put("gather.sections." + s + ".timeout", sectionTimeout);
        }
        return properties;
    }

    /**
     * Polls state that real HTTP on loopback changes (a cancellation, a queue) every 10 ms until it holds, for 5 s
     * at most, then asserts it: far less than the 10 s timeouts such tests set to tell "ended by X" from "timed out".
     */
    public static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        if (!condition.getAsBoolean()) {
            throw new AssertionError(what + " (not within 5 s)");
        }
    }

    /** The management port these properties give Gather (health, prometheus, openapi). */
    public static URI management(Map<String, String> properties) {
        return URI.create("http://127.0.0.1:" + properties.get(MANAGEMENT_PORT));
    }

    /**
     * A loopback port free right now, for a server the test starts next. It is taken below the kernel's ephemeral
     * range (32768-60999), where no outgoing connection can grab it between this check and the server's bind (a port
     * from {@code new ServerSocket(0)} sometimes was, by one of the tests' own client connections), and never twice.
     */
    public static int freePort() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            if (!GIVEN.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException busy) {
                // taken by something else on the machine: try another
            }
        }
        throw new IllegalStateException("no free loopback port between 20000 and 32000");
    }

    /** A token for {@code sub} with {@code scope: dashboard} and no client. */
    public String token(String sub) {
        return tokens.mint(sub, Duration.ofMinutes(5));
    }

    /** A token for {@code sub} issued to {@code clientId} (null: none) with {@code scope} (null: none). */
    public String token(String sub, String clientId, String scope) {
        return tokens.mint(sub, Duration.ofMinutes(5), clientId, scope);
    }

    public HttpResponse<String> getWith(URI base, String path, String token) throws IOException, InterruptedException {
        return get(base, path, Map.of("Authorization", "Bearer " + token));
    }

    public HttpResponse<String> get(URI base, String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> getAs(URI base, String path, String sub) throws IOException, InterruptedException {
        return get(base, path, Map.of("Authorization", "Bearer " + token(sub)));
    }

    @Override
    public void close() {
        stubs.close();
    }
}
