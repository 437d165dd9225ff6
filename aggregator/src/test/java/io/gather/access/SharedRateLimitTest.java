package io.gather.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.testing.GatherHarness;
import io.gather.testing.RedisServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two Gather instances share their limits through one real redis-server: instance A is fail-open, instance B
 * fail-closed. Each test uses its own client, so its buckets are its own.
 */
class SharedRateLimitTest {
    static final int QUOTA = 40;
    static final Duration REDIS_TIMEOUT = Duration.ofMillis(500);
    /** An answer while Redis is down or silent: the Redis timeout plus a cold JVM's margin on a busy machine. */
    static final Duration FAST = Duration.ofMillis(1500);

    private static final GatherHarness HARNESS = new GatherHarness();
    private static RedisServer redis;
    private static EmbeddedServer failOpen;
    private static EmbeddedServer failClosed;

    @BeforeAll
    static void start() {
        redis = RedisServer.start();
        failOpen = gather("fail-open");
        failClosed = gather("fail-closed");
    }

    @AfterAll
    static void stop() {
        failOpen.close();
        failClosed.close();
        redis.close();
        HARNESS.close();
    }

    @BeforeEach
    void redisIsUp() {
        redis.resume();
        redis.startAgain();
    }

    private static EmbeddedServer gather(String failure) {
        Map<String, Object> p = new HashMap<>(HARNESS.properties());
        p.put("micronaut.server.port", "-1");
        p.put("redis.uri", redis.uri());
        p.put("gather.rate-limits.store", "redis");
        p.put("gather.rate-limits.redis-failure", failure);
        p.put("gather.rate-limits.redis-timeout", REDIS_TIMEOUT.toMillis() + "ms");
        p.put("gather.rate-limits.tiers.partner.policies.hourly.quota", Integer.toString(QUOTA));
        p.put("gather.rate-limits.tiers.partner.policies.hourly.window", "1h");
        p.put("gather.rate-limits.tiers.partner.policies.hourly.per", "client");
        for (String client : new String[] {"shared", "outage", "silent"}) {
            p.put("gather.clients." + client + ".tier", "partner");
        }
        return ApplicationContext.run(EmbeddedServer.class, p);
    }

    private static HttpResponse<String> get(EmbeddedServer server, String user, String client) throws Exception {
        return HARNESS.getWith(server.getURI(), "/api/v1/dashboard", HARNESS.token(user, client, "dashboard"));
    }

    @Test
    void manyConcurrentRequestsAcrossBothInstancesAdmitExactlyTheQuota() throws Exception {
        int requests = QUOTA * 4;
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                EmbeddedServer server = i % 2 == 0 ? failOpen : failClosed;
                String user = "u-" + i;
                done.add(pool.submit(() -> {
                    HttpResponse<String> r = get(server, user, "shared");
                    statuses.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.println("two instances, one Redis: " + requests + " requests, statuses " + statuses);
        assertEquals(QUOTA, statuses.getOrDefault(200, new AtomicInteger()).get(), statuses.toString());
        assertEquals(requests - QUOTA, statuses.getOrDefault(429, new AtomicInteger()).get(), statuses.toString());
        HttpResponse<String> after = get(failClosed, "u-x", "shared");
        assertEquals(429, after.statusCode());
        assertTrue(after.headers().firstValue("RateLimit").orElseThrow().startsWith("\"hourly\";r=0;t="));
    }

    @Test
    void redisStoppedFailOpenAdmitsFailClosedRefusesAndLimitsComeBackWithRedis() throws Exception {
        assertEquals(200, get(failOpen, "u-1", "outage").statusCode());
        redis.stop();
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            HttpResponse<String> open = get(failOpen, "u-1", "outage");
            assertFast(start);
            assertEquals(200, open.statusCode(), open.body());
            assertEquals("\"hourly\";q=" + QUOTA + ";w=3600", open.headers().firstValue("RateLimit-Policy").orElseThrow());
            assertNull(open.headers().firstValue("RateLimit").orElse(null), "nothing is known about the remaining quota");

            start = System.nanoTime();
            HttpResponse<String> closed = get(failClosed, "u-1", "outage");
            assertFast(start);
            assertFailClosed(closed);
        }
        redis.startAgain();
        awaitChecked(failClosed, "outage");
        awaitChecked(failOpen, "outage");
        int admitted = 0;
        HttpResponse<String> r;
        while ((r = get(admitted % 2 == 0 ? failOpen : failClosed, "u-1", "outage")).statusCode() == 200) {
            admitted++;
            assertTrue(admitted <= QUOTA, "limits apply again");
        }
        assertEquals(429, r.statusCode(), r.body());
        assertTrue(admitted >= QUOTA - 2, "the restarted (empty) Redis counts from its start: " + admitted);
    }

    @Test
    void aSilentRedisCostsNoMoreThanItsTimeout() throws Exception {
        assertEquals(200, get(failClosed, "u-1", "silent").statusCode());
        redis.pause();
        try {
            long start = System.nanoTime();
            HttpResponse<String> open = get(failOpen, "u-1", "silent");
            assertFast(start);
            assertEquals(200, open.statusCode(), open.body());
            start = System.nanoTime();
            assertFailClosed(get(failClosed, "u-1", "silent"));
            assertFast(start);
        } finally {
            redis.resume();
        }
        HttpResponse<String> back = awaitChecked(failClosed, "silent");
        assertNotNull(back.headers().firstValue("RateLimit").orElse(null));
    }

    private static void assertFailClosed(HttpResponse<String> r) {
        assertEquals(503, r.statusCode(), r.body());
        assertEquals("1", r.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(r.body().contains("\"type\":\"https://gather.dev/problems/rate-limit-unavailable\""), r.body());
        assertTrue(r.body().contains("\"status\":503"), r.body());
        assertNotNull(r.headers().firstValue("RateLimit-Policy").orElse(null));
    }

    private static void assertFast(long startNanos) {
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        assertTrue(took.compareTo(FAST) < 0, "took " + took.toMillis() + " ms");
    }

    /** Asks until an answer was checked against Redis again (Lettuce reconnects by itself): at most 10 s. */
    private static HttpResponse<String> awaitChecked(EmbeddedServer server, String client) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            HttpResponse<String> r = get(server, "u-1", client);
            if (r.statusCode() == 200 && r.headers().firstValue("RateLimit").isPresent()) {
                return r;
            }
            assertTrue(System.nanoTime() < deadline, "limits did not apply again within 10 s of Redis coming back");
            Thread.sleep(100);
        }
    }
}
