package io.gather.auth.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.auth.Caller;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The limiter on the memory store, with a clock the test moves: no sleeps. */
class RateLimiterTest {
    private ApplicationContext context;
    private RateLimiter limiter;
    private FakeClock clock;

    static Map<String, Object> properties() {
        Map<String, Object> p = new HashMap<>();
        p.put("spec.name", "RateLimiterTest");
        p.put("micronaut.security.token.jwt.signatures.secret.generator.secret", "rate-limiter-test-secret-0123456789abcdef");
        p.put("micronaut.security.token.jwt.claims-validators.issuer", "https://auth.test");
        p.put("micronaut.security.token.jwt.claims-validators.audience", "gather");
        policy(p, "small", "burst", 3, "10s", "user");
        policy(p, "layered", "burst", 3, "10s", "user");
        policy(p, "layered", "hourly", 5, "1h", "user");
        policy(p, "partner", "client", 4, "60s", "client");
        policy(p, "partner", "user", 2, "60s", "user");
        p.put("gather.clients.acme.tier", "partner");
        p.put("gather.clients.globex.tier", "partner");
        p.put("gather.clients.tiny.tier", "small");
        p.put("gather.clients.layers.tier", "layered");
        return p;
    }

    static void policy(Map<String, Object> p, String tier, String policy, long quota, String window, String per) {
        String key = "gather.rate-limits.tiers." + tier + ".policies." + policy + ".";
        p.put(key + "quota", Long.toString(quota));
        p.put(key + "window", window);
        p.put(key + "per", per);
    }

    @BeforeEach
    void start() {
        context = ApplicationContext.run(properties());
        limiter = context.getBean(RateLimiter.class);
        clock = context.getBean(FakeClock.class);
    }

    @AfterEach
    void stop() {
        context.close();
    }

    private RateLimitDecision check(String user, String client) {
        return limiter.check(new Caller(user, Set.of("dashboard"), client)).block();
    }

    private static PolicyUsage usage(RateLimitDecision d, String policy) {
        return d.usage().stream().filter(u -> u.policy().name().equals(policy)).findFirst().orElseThrow();
    }

    @Test
    void theRequestAfterTheQuotaIsRefusedUntilTheWindowEnds() {
        for (int i = 1; i <= 3; i++) {
            RateLimitDecision d = check("u-1", "tiny");
            assertEquals(RateLimitDecision.Outcome.ADMITTED, d.outcome());
            assertEquals(3 - i, usage(d, "burst").remaining());
            assertEquals(10, usage(d, "burst").resetSeconds());
        }
        clock.advance(Duration.ofSeconds(4));
        RateLimitDecision refused = check("u-1", "tiny");
        assertEquals(RateLimitDecision.Outcome.LIMITED, refused.outcome());
        assertEquals(List.of("burst"), refused.violatedPolicies());
        assertEquals(0, usage(refused, "burst").remaining());
        assertEquals(6, usage(refused, "burst").resetSeconds());
        assertEquals(6, refused.retryAfterSeconds());
    }

    @Test
    void theQuotaComesBackWholeAtTheEndOfTheWindow() {
        for (int i = 0; i < 3; i++) {
            check("u-1", "tiny");
        }
        assertEquals(RateLimitDecision.Outcome.LIMITED, check("u-1", "tiny").outcome());
        clock.advance(Duration.ofMillis(9_999));
        assertEquals(RateLimitDecision.Outcome.LIMITED, check("u-1", "tiny").outcome());
        clock.advance(Duration.ofMillis(1));
        RateLimitDecision again = check("u-1", "tiny");
        assertEquals(RateLimitDecision.Outcome.ADMITTED, again.outcome());
        assertEquals(2, usage(again, "burst").remaining());
    }

    @Test
    void everyPolicyOfATierAppliesAndARefusedRequestCostsNoOtherPolicy() {
        for (int i = 0; i < 3; i++) {
            assertTrue(check("u-1", "layers").admitted());
        }
        RateLimitDecision burst = check("u-1", "layers");
        assertEquals(List.of("burst"), burst.violatedPolicies());
        assertEquals(2, usage(burst, "hourly").remaining(), "the refused request was given back to hourly");
        clock.advance(Duration.ofSeconds(10));
        assertTrue(check("u-1", "layers").admitted());
        RateLimitDecision last = check("u-1", "layers");
        assertTrue(last.admitted());
        assertEquals(0, usage(last, "hourly").remaining());
        assertEquals(1, usage(last, "burst").remaining());
        RateLimitDecision hourly = check("u-1", "layers");
        assertEquals(List.of("hourly"), hourly.violatedPolicies());
        assertEquals(1, usage(hourly, "burst").remaining(), "the refused request was given back to burst");
        assertEquals(3600 - 10, hourly.retryAfterSeconds());
        clock.advance(Duration.ofSeconds(10));
        assertEquals(List.of("hourly"), check("u-1", "layers").violatedPolicies());
    }

    @Test
    void perClientPoliciesCountAClientsUsersTogetherAndPerUserPoliciesEachUser() {
        assertTrue(check("u-1", "acme").admitted());
        assertTrue(check("u-1", "acme").admitted());
        RateLimitDecision user = check("u-1", "acme");
        assertEquals(List.of("user"), user.violatedPolicies());
        assertEquals(2, usage(user, "client").remaining(), "u-1's third request was given back to the client");
        assertTrue(check("u-2", "acme").admitted());
        RateLimitDecision full = check("u-2", "acme");
        assertTrue(full.admitted());
        assertEquals(0, usage(full, "client").remaining());
        assertEquals(List.of("client"), check("u-3", "acme").violatedPolicies());
        assertTrue(check("u-3", "globex").admitted(), "another client of the same tier has its own bucket");
    }

    @Test
    void aPerUserPolicyCountsAUserOfEachClientApart() {
        assertTrue(check("u-1", "acme").admitted());
        assertTrue(check("u-1", "acme").admitted());
        assertEquals(List.of("user"), check("u-1", "acme").violatedPolicies());
        // the same person through another partner of the same tier: that partner's own quota for its users
        RateLimitDecision other = check("u-1", "globex");
        assertTrue(other.admitted(), "acme's use for u-1 is not globex's");
        assertEquals(1, usage(other, "user").remaining());
        // tokens without a client count per user alone, apart from any client's
        assertTrue(check("u-1", null).admitted());
    }

    @Test
    void unknownClientsAndTokensWithoutAClientGetTheDefaultTier() {
        Tier defaultTier = limiter.tierOf(new Caller("u-1", Set.of(), null));
        assertEquals("default", defaultTier.name());
        assertEquals(List.of("burst", "hourly"), defaultTier.policies().stream().map(Policy::name).toList());
        assertEquals(50, defaultTier.policies().get(0).quota());
        assertEquals(defaultTier, limiter.tierOf(new Caller("u-1", Set.of(), "stranger")));
        assertEquals("partner", limiter.tierOf(new Caller("u-1", Set.of(), "acme")).name());
        for (int i = 0; i < 50; i++) {
            assertTrue(check("u-9", null).admitted());
        }
        assertEquals(List.of("burst"), check("u-9", null).violatedPolicies());
        assertTrue(check("u-8", "stranger").admitted(), "default-tier policies are per user");
    }
}
