package io.gather.auth.limits;

import io.gather.auth.clients.ClientSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.convert.ConversionService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The rate-limit settings, checked once at startup: every tier has at least one well-formed policy, the default
 * tier and every client's tier exist, the store and the failure policy are known words, the Redis timeout is
 * short, and the Redis store has a {@code redis.uri}. Any problem stops startup with every problem listed.
 *
 * <p>Out of the box the default tier is {@value RateLimitSettings#DEFAULT_TIER}: {@value #BURST_QUOTA} requests per
 * {@value #BURST_WINDOW_S} s and {@value #SUSTAINED_QUOTA} per hour for each user, a rate a person's browser
 * never reaches (the bench's 1000 users at ~2000 rps make about 20 requests per user in 10 s). Configuring
 * {@code gather.rate-limits.tiers.default} replaces it.
 */
@Context
public final class RateLimitConfig {
    public static final long BURST_QUOTA = 50;
    public static final long BURST_WINDOW_S = 10;
    public static final long SUSTAINED_QUOTA = 1000;
    /** The longest Redis timeout accepted: a rate-limit check must never hold a request for long. */
    public static final Duration MAX_REDIS_TIMEOUT = Duration.ofSeconds(5);
    /**
     * The largest quota and longest window a policy may have. Bucket4j refills at most one token a nanosecond and
     * computes in nanoseconds: beyond these, a bucket fails on its first request (every dashboard a 500), not at startup.
     */
    public static final long MAX_QUOTA = 1_000_000_000L;
    public static final Duration MAX_WINDOW = Duration.ofDays(366);
    static final String PREFIX = "gather.rate-limits.";

    /** Where buckets live. */
    public enum Store { MEMORY, REDIS }

    /** What a check does when the store does not answer in time. */
    public enum FailurePolicy { FAIL_OPEN, FAIL_CLOSED }

    private final boolean enabled;
    private final Map<String, Tier> tiers = new LinkedHashMap<>();
    private final Map<String, Tier> clientTiers = new HashMap<>();
    private final Tier defaultTier;
    private final Store store;
    private final FailurePolicy failurePolicy;
    private final Duration redisTimeout;
    private final int memoryMaxBuckets;
    private final String redisUri;

    RateLimitConfig(RateLimitSettings settings, List<TierSettings> tierSettings, List<ClientSettings> clients,
                    Environment environment, ConversionService conversion) {
        List<String> problems = new ArrayList<>();
        this.enabled = settings.isEnabled();
        for (TierSettings t : tierSettings) {
            Tier tier = tier(t, conversion, problems);
            if (tier != null) {
                tiers.put(t.getName(), tier);
            }
        }
        if (!tiers.containsKey(RateLimitSettings.DEFAULT_TIER)) {
            tiers.put(RateLimitSettings.DEFAULT_TIER, builtInDefault());
        }
        this.defaultTier = tiers.get(settings.getDefaultTier());
        if (defaultTier == null) {
            problems.add(PREFIX + "default-tier: no tier " + settings.getDefaultTier() + " in " + PREFIX + "tiers");
        }
        Map<String, String> blockOfClient = new HashMap<>();
        for (ClientSettings c : clients) {
            String other = blockOfClient.putIfAbsent(c.getId(), c.getName());
            if (other != null) {
                problems.add("gather.clients." + c.getName() + " and gather.clients." + other + " are both client " + c.getId());
            }
            if (c.getTier() == null) {
                continue;
            }
            Tier tier = tiers.get(c.getTier());
            if (tier == null) {
                problems.add("gather.clients." + c.getName() + ".tier: no tier " + c.getTier() + " in " + PREFIX + "tiers");
            } else {
                clientTiers.put(c.getId(), tier);
            }
        }
        this.store = parse(Store.class, settings.getStore(), PREFIX + "store", "memory or redis", problems);
        this.failurePolicy = parse(FailurePolicy.class, settings.getRedisFailure(), PREFIX + "redis-failure",
            "fail-open or fail-closed", problems);
        this.redisTimeout = settings.getRedisTimeout();
        if (redisTimeout == null || redisTimeout.isNegative() || redisTimeout.isZero() || redisTimeout.compareTo(MAX_REDIS_TIMEOUT) > 0) {
            problems.add(PREFIX + "redis-timeout must be a positive duration of at most " + MAX_REDIS_TIMEOUT.toSeconds() + "s");
        }
        this.memoryMaxBuckets = settings.getMemoryMaxBuckets();
        if (memoryMaxBuckets < 1) {
            problems.add(PREFIX + "memory-max-buckets must be at least 1");
        }
        this.redisUri = environment.getProperty("redis.uri", String.class).filter(u -> !u.isBlank()).orElse(null);
        if (enabled && store == Store.REDIS && redisUri == null) {
            problems.add("redis.uri is not set (env REDIS_URI), and " + PREFIX + "store is redis");
        } else if (enabled && store == Store.REDIS) {
            try {
                io.lettuce.core.RedisURI.create(redisUri);
            } catch (RuntimeException e) {
                // else Lettuce's own words ("URI scheme must not be null") stop startup without naming the key;
                // the value is not repeated, since it may hold a password
                problems.add("redis.uri must be redis://[user:password@]host[:port][/db] or rediss://...");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Gather's rate-limit configuration is not usable:\n  - " + String.join("\n  - ", problems));
        }
    }

    static Tier builtInDefault() {
        return new Tier(RateLimitSettings.DEFAULT_TIER, List.of(
            new Policy("burst", BURST_QUOTA, Duration.ofSeconds(BURST_WINDOW_S), Policy.Per.USER),
            new Policy("hourly", SUSTAINED_QUOTA, Duration.ofHours(1), Policy.Per.USER)));
    }

    @Nullable
    private static Tier tier(TierSettings t, ConversionService conversion, List<String> problems) {
        String key = PREFIX + "tiers." + t.getName();
        if (t.getPolicies().isEmpty()) {
            problems.add(key + ".policies: a tier needs at least one policy");
            return null;
        }
        List<Policy> policies = new ArrayList<>();
        int before = problems.size();
        for (Map.Entry<String, Object> e : t.getPolicies().entrySet()) {
            String pkey = key + ".policies." + e.getKey();
            if (!Policy.NAME.matcher(e.getKey()).matches()) {
                problems.add(pkey + ": a policy name is 1-32 of [A-Za-z0-9._-]");
                continue;
            }
            if (!(e.getValue() instanceof Map<?, ?> raw)) {
                problems.add(pkey + " needs quota, window and per");
                continue;
            }
            Optional<Long> quota = wholeNumber(raw.get("quota")).filter(q -> q >= 1 && q <= MAX_QUOTA);
            if (quota.isEmpty()) {
                problems.add(pkey + ".quota must be a whole number of requests, 1.." + MAX_QUOTA + ", not " + raw.get("quota"));
            }
            Optional<Duration> window = convert(conversion, raw.get("window"), Duration.class)
                .filter(w -> w.compareTo(Duration.ofSeconds(1)) >= 0 && w.compareTo(MAX_WINDOW) <= 0 && w.toNanos() % 1_000_000_000L == 0);
            if (window.isEmpty()) {
                problems.add(pkey + ".window must be a duration of whole seconds, 1s.." + MAX_WINDOW.toDays() + "d (e.g. 10s, 1h)");
            }
            Object per = raw.get("per") == null ? "user" : raw.get("per");
            Policy.Per p = switch (String.valueOf(per).trim().toLowerCase(Locale.ROOT)) {
                case "user" -> Policy.Per.USER;
                case "client" -> Policy.Per.CLIENT;
                default -> null;
            };
            if (p == null) {
                problems.add(pkey + ".per must be client or user");
            }
            for (Object k : raw.keySet()) {
                if (!List.of("quota", "window", "per").contains(String.valueOf(k))) {
                    problems.add(pkey + "." + k + " is not a policy setting (quota, window, per)");
                }
            }
            if (problems.size() == before) {
                policies.add(new Policy(e.getKey(), quota.get(), window.get(), p));
            }
        }
        // Settings can come from unordered sources (system properties, env): the shortest window goes first.
        policies.sort(java.util.Comparator.comparing(Policy::window).thenComparing(Policy::name));
        return problems.size() == before ? new Tier(t.getName(), policies) : null;
    }

    /** A quota as written: {@code 5.5} or {@code 1e3} is refused, where a conversion would have read 5 or 1000. */
    private static Optional<Long> wholeNumber(@Nullable Object value) {
        if (value instanceof Integer || value instanceof Long) {
            return Optional.of(((Number) value).longValue());
        }
        if (value instanceof String s && s.strip().matches("[0-9]{1,18}")) {
            return Optional.of(Long.parseLong(s.strip()));
        }
        return Optional.empty();
    }

    private static <T> Optional<T> convert(ConversionService conversion, @Nullable Object value, Class<T> type) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return conversion.convert(value instanceof String s ? s.trim() : value, type);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    @Nullable
    private static <E extends Enum<E>> E parse(Class<E> type, @Nullable String value, String key, String allowed, List<String> problems) {
        if (value != null) {
            for (E e : type.getEnumConstants()) {
                if (e.name().replace('_', '-').equalsIgnoreCase(value.trim())) {
                    return e;
                }
            }
        }
        problems.add(key + " must be " + allowed + ", not " + value);
        return null;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The tier that limits a caller of {@code clientId} ({@code null}: a token that names no client). */
    public Tier tierOf(@Nullable String clientId) {
        return clientId == null ? defaultTier : clientTiers.getOrDefault(clientId, defaultTier);
    }

    public Map<String, Tier> tiers() {
        return Map.copyOf(tiers);
    }

    public Store store() {
        return store;
    }

    public FailurePolicy failurePolicy() {
        return failurePolicy;
    }

    public Duration redisTimeout() {
        return redisTimeout;
    }

    public int memoryMaxBuckets() {
        return memoryMaxBuckets;
    }

    @Nullable
    public String redisUri() {
        return redisUri;
    }

    /** The longest window of any policy: how long an idle bucket can still matter. */
    public Duration longestWindow() {
        return tiers.values().stream().flatMap(t -> t.policies().stream()).map(Policy::window)
            .max(Duration::compareTo).orElse(Duration.ofSeconds(1));
    }
}
