package io.gather.auth.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.RedisApi;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets shared by every instance: Bucket4j's Lettuce proxy manager (compare-and-swap: GET, then a Lua
 * compare-and-set, retried on a race), used asynchronously, so no thread ever waits for Redis.
 *
 * <p>Checks of one bucket in this instance never race each other: its proxy batches them (Bucket4j's
 * {@code batching}). While one compare-and-swap is out, the checks that arrive wait, then go as one (one GET, one
 * EVAL for all of them). Racing, a burst of one client's users cost about 38 commands a request, and timed out.
 * The batch lives in the proxy, so there is one proxy per key, kept in a bounded cache ({@value #MAX_PROXIES}
 * keys, each dropped after a minute unused): a dropped proxy holds no count (that is in Redis), it only stops
 * batching until the next check makes a new one.
 *
 * <p>{@link DeadlineStore} holds each call to {@code redis-timeout}; Lettuce waits {@link #LATE_ANSWER_GRACE}
 * longer, so that a token Redis took after the caller gave up is seen, and given back. While the connection is
 * down, commands fail at once instead of queueing ({@code REJECT_COMMANDS}), and Lettuce reconnects by itself
 * within a second of Redis coming back. If Redis is not there at startup, Gather starts anyway and tries again,
 * at most once a second. A bucket's key expires once it would be full again
 * ({@code basedOnTimeForRefillingBucketUpToMax}), so Redis holds only buckets in use.
 */
final class RedisBucketStore implements BucketStore {
    private static final Logger LOG = LoggerFactory.getLogger(RedisBucketStore.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final long RECONNECT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Commands waiting for a slow Redis; beyond this they fail at once. */
    private static final int MAX_QUEUED_COMMANDS = 10_000;
    /** Buckets with a proxy of their own; a few hundred bytes each. */
    static final int MAX_PROXIES = 10_000;
    static final Duration PROXY_IDLE = Duration.ofMinutes(1);
    static final Duration LATE_ANSWER_GRACE = Duration.ofSeconds(1);
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final ClientResources resources;
    private final RedisClient client;
    private final RedisURI uri;
    private final AsyncProxyManager<String> buckets;
    private final Map<Policy, BucketConfiguration> configurations = new ConcurrentHashMap<>();
    private final Cache<String, AsyncBucketProxy> proxies = Caffeine.newBuilder()
        .maximumSize(MAX_PROXIES)
        .expireAfterAccess(PROXY_IDLE)
        .executor(Runnable::run)
        .build();
    private final AtomicReference<CompletableFuture<StatefulRedisConnection<String, byte[]>>> connection = new AtomicReference<>();
    private final AtomicLong lastConnectNanos = new AtomicLong();

    RedisBucketStore(String redisUri, Duration timeout, TimeMeter clock) {
        Duration commandTimeout = timeout.plus(LATE_ANSWER_GRACE);
        this.uri = RedisURI.create(redisUri);
        uri.setTimeout(commandTimeout);
        this.resources = ClientResources.builder()
            .ioThreadPoolSize(2)
            .computationThreadPoolSize(2)
            .reconnectDelay(Delay.exponential(Duration.ofMillis(10), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS))
            .build();
        this.client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .requestQueueSize(MAX_QUEUED_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
            .socketOptions(SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).keepAlive(true).build())
            .build());
        this.buckets = new Bucket4jLettuce.LettuceBasedProxyManagerBuilder<>(new LazyRedisApi<String>())
            .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
            .clientClock(clock)
            .build()
            .asAsync();
        connect().orTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).exceptionally(e -> null).join();
    }

    private CompletableFuture<StatefulRedisConnection<String, byte[]>> connect() {
        lastConnectNanos.set(System.nanoTime());
        CompletableFuture<StatefulRedisConnection<String, byte[]>> attempt = client.connectAsync(CODEC, uri).toCompletableFuture();
        connection.set(attempt);
        attempt.whenComplete((c, e) -> {
            if (e != null) {
                LOG.warn("Redis for rate limits is not reachable ({}); trying again on use", e.getClass().getSimpleName());
            } else {
                LOG.info("Rate limits are shared through Redis at {}:{}", uri.getHost(), uri.getPort());
            }
        });
        return attempt;
    }

    /** The connection's commands, or an exception at once if there is no connection (yet). */
    private RedisAsyncCommands<String, byte[]> commands() {
        CompletableFuture<StatefulRedisConnection<String, byte[]>> current = connection.get();
        if (current.isDone() && !current.isCompletedExceptionally()) {
            return current.join().async();
        }
        long last = lastConnectNanos.get();
        if (current.isDone() && System.nanoTime() - last > RECONNECT_EVERY_NANOS && lastConnectNanos.compareAndSet(last, System.nanoTime())) {
            connect();
        }
        throw new RedisConnectionException("no connection to Redis yet");
    }

    /** The key's proxy (a key names its policy's quota and window, so one key has one configuration). */
    private AsyncBucketProxy bucket(String key, Policy policy) {
        return proxies.get(key, k -> {
            BucketConfiguration configuration = configurations.computeIfAbsent(policy, BucketStore::configuration);
            return buckets.builder()
                .withOptimization(Optimizations.batching())
                .build(k, () -> CompletableFuture.completedFuture(configuration));
        });
    }

    @Override
    public CompletableFuture<ConsumptionProbe> tryConsume(String key, Policy policy) {
        try {
            return bucket(key, policy).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<?> refund(String key, Policy policy) {
        try {
            return bucket(key, policy).addTokens(1);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<?> ping() {
        try {
            return commands().ping().toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
        proxies.invalidateAll();
        CompletableFuture<StatefulRedisConnection<String, byte[]>> current = connection.get();
        if (current != null && current.isDone() && !current.isCompletedExceptionally()) {
            current.join().close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    /**
     * Bucket4j's view of Redis, on whatever connection there is now. Generic on purpose: Bucket4j hands keys over
     * as an {@code Object[]}, which a {@code RedisApi<String>} would cast to {@code String[]} and fail.
     *
     * <p>It never throws: no connection is a failed future. Bucket4j's batching keeps a bucket's turn when the first
     * call of a batch throws, and every later check of that bucket would then wait forever.
     */
    private final class LazyRedisApi<K> implements RedisApi<K> {
        @SuppressWarnings("unchecked")
        private <V> RedisFuture<V> call(Function<RedisAsyncCommands<K, byte[]>, RedisFuture<V>> command) {
            try {
                return command.apply((RedisAsyncCommands<K, byte[]>) (RedisAsyncCommands<?, byte[]>) commands());
            } catch (RuntimeException e) {
                FailedRedisFuture<V> failed = new FailedRedisFuture<>();
                failed.completeExceptionally(e);
                return failed;
            }
        }

        @Override
        public <V> RedisFuture<V> eval(String script, ScriptOutputType type, K[] keys, byte[][] params) {
            return call(c -> c.eval(script, type, keys, params));
        }

        @Override
        public RedisFuture<byte[]> get(K key) {
            return call(c -> c.get(key));
        }

        @Override
        public RedisFuture<?> delete(K key) {
            return call(c -> c.del(key));
        }
    }

    /** A command that could not be sent. */
    private static final class FailedRedisFuture<V> extends CompletableFuture<V> implements RedisFuture<V> {
        @Override
        public String getError() {
            return isCompletedExceptionally() ? handle((v, e) -> String.valueOf(e)).join() : null;
        }

        @Override
        public boolean await(long timeout, TimeUnit unit) {
            return isDone();
        }
    }
}
