package io.gather.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.auth.Caller;
import io.gather.auth.limits.RateLimitDecision;
import io.gather.auth.limits.RateLimiter;
import io.gather.testing.GatherHarness;
import io.gather.testing.RedisServer;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * One partner client's burst on two fail-closed instances sharing a real redis-server, with the default
 * {@code redis-timeout} (200 ms). All its users share one per-client bucket: the checks of that bucket in one
 * instance must go to Redis together, not race each other's compare-and-swap until they time out.
 */
class RedisBurstTest {
    static final int QUOTA = 20;
    static final int CHECKS = 60;

    private static final GatherHarness HARNESS = new GatherHarness();
    private static RedisServer redis;
    private static final List<ApplicationContext> INSTANCES = new ArrayList<>();

    @BeforeAll
    static void start() {
        redis = RedisServer.start();
        for (int i = 0; i < 2; i++) {
            INSTANCES.add(gather());
        }
    }

    @AfterAll
    static void stop() {
        INSTANCES.forEach(ApplicationContext::close);
        redis.close();
        HARNESS.close();
    }

    private static ApplicationContext gather() {
        ApplicationContext context = gather(redis);
        check(context, "u-0", "warm-up").block(Duration.ofSeconds(5)); // an instance that has served before
        return context;
    }

    private static ApplicationContext gather(RedisServer redis) {
        Map<String, Object> p = new HashMap<>(HARNESS.properties());
        p.put("redis.uri", redis.uri());
        p.put("gather.rate-limits.store", "redis");
        p.put("gather.rate-limits.redis-failure", "fail-closed");
        p.put("gather.rate-limits.redis-timeout", "200ms");
        p.put("gather.rate-limits.tiers.partner.policies.burst.quota", Integer.toString(QUOTA));
        p.put("gather.rate-limits.tiers.partner.policies.burst.window", "1h");
        p.put("gather.rate-limits.tiers.partner.policies.burst.per", "client");
        p.put("gather.clients.acme-partner.tier", "partner");
        p.put("gather.clients.warm-up.tier", "partner");
        return ApplicationContext.run(p);
    }

    private static Mono<RateLimitDecision> check(ApplicationContext instance, String user, String client) {
        return instance.getBean(RateLimiter.class).check(new Caller(user, Set.of("dashboard"), client));
    }

    @Test
    void sixtyChecksAtOnceOfOneClientAdmitExactlyTheQuotaAndNoneTimesOut() {
        Map<String, Long> before = redis.commandCalls();
        List<Mono<RateLimitDecision>> burst = new ArrayList<>();
        for (int i = 0; i < CHECKS; i++) {
            burst.add(check(INSTANCES.get(i % 2), "u-" + i % 10, "acme-partner"));
        }
        Map<RateLimitDecision.Outcome, Integer> outcomes = new EnumMap<>(RateLimitDecision.Outcome.class);
        for (RateLimitDecision d : Flux.merge(burst).collectList().block(Duration.ofSeconds(10))) {
            outcomes.merge(d.outcome(), 1, Integer::sum);
        }
        long commands = bucketCommands(redis.commandCalls()) - bucketCommands(before);
        System.out.println(CHECKS + " checks of one client on two instances: " + outcomes + ", " + commands + " Redis commands");

        assertEquals(0, outcomes.getOrDefault(RateLimitDecision.Outcome.UNAVAILABLE, 0), "no check timed out: " + outcomes);
        assertEquals(QUOTA, outcomes.getOrDefault(RateLimitDecision.Outcome.ADMITTED, 0), outcomes.toString());
        assertEquals(CHECKS - QUOTA, outcomes.getOrDefault(RateLimitDecision.Outcome.LIMITED, 0), outcomes.toString());
        assertTrue(commands < CHECKS, "fewer Redis commands than checks: " + commands);
        assertEquals(RateLimitDecision.Outcome.LIMITED, check(INSTANCES.get(0), "u-1", "acme-partner").block().outcome(),
            "nothing was given back that was not refused");
    }

    @Test
    void aBucketFirstCheckedBeforeRedisWasThereIsCheckedOnceItIs() throws Exception {
        RedisServer late = RedisServer.start();
        late.stop();
        try (ApplicationContext instance = gather(late)) {
            assertEquals(RateLimitDecision.Outcome.UNAVAILABLE, check(instance, "u-1", "acme-partner").block().outcome());
            late.startAgain();
            GatherHarness.eventually(() -> check(instance, "u-1", "acme-partner").block().outcome() == RateLimitDecision.Outcome.ADMITTED,
                "a check admitted once Redis is there");
        } finally {
            late.close();
        }
    }

    /** Bucket4j's commands: GET of a bucket's state, then a Lua compare-and-set (EVAL). */
    private static long bucketCommands(Map<String, Long> calls) {
        return calls.getOrDefault("get", 0L) + calls.getOrDefault("eval", 0L) + calls.getOrDefault("evalsha", 0L);
    }
}
