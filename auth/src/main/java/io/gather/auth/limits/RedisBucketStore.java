package io.gather.auth.limits;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets shared by every instance: Bucket4j's Lettuce proxy manager (compare-and-swap: GET, then a Lua
 * compare-and-set, retried on a race), used asynchronously, so no thread ever waits for Redis.
 *
 * <p>Every check gets {@code timeout}, whatever Redis does. While the connection is down, commands fail at once
 * instead of queueing ({@code REJECT_COMMANDS}), and Lettuce reconnects by itself within a second of Redis coming
 * back. If Redis is not there at startup, Gather starts anyway and tries again, at most once a second. A bucket's
 * key expires once it would be full again ({@code basedOnTimeForRefillingBucketUpToMax}), so Redis holds only
 * buckets in use.
 */
final class RedisBucketStore implements BucketStore {
    private static final Logger LOG = LoggerFactory.getLogger(RedisBucketStore.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final long RECONNECT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Commands waiting for a slow Redis; beyond this they fail at once. */
    private static final int MAX_QUEUED_COMMANDS = 10_000;
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final ClientResources resources;
    private final RedisClient client;
    private final RedisURI uri;
    private final Duration timeout;
    private final AsyncProxyManager<String> buckets;
    private final Map<Policy, BucketConfiguration> configurations = new ConcurrentHashMap<>();
    private final AtomicReference<CompletableFuture<StatefulRedisConnection<String, byte[]>>> connection = new AtomicReference<>();
    private final AtomicLong lastConnectNanos = new AtomicLong();

    RedisBucketStore(String redisUri, Duration timeout, TimeMeter clock) {
        this.timeout = timeout;
        this.uri = RedisURI.create(redisUri);
        uri.setTimeout(timeout);
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
            .timeoutOptions(TimeoutOptions.enabled(timeout))
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

    private AsyncBucketProxy bucket(String key, Policy policy) {
        BucketConfiguration configuration = configurations.computeIfAbsent(policy, BucketStore::configuration);
        return buckets.builder().build(key, () -> CompletableFuture.completedFuture(configuration));
    }

    @Override
    public CompletableFuture<ConsumptionProbe> tryConsume(String key, Policy policy) {
        try {
            return bucket(key, policy).tryConsumeAndReturnRemaining(1).orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<?> refund(String key, Policy policy) {
        try {
            return bucket(key, policy).addTokens(1).orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<?> ping() {
        try {
            return commands().ping().toCompletableFuture().orTimeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void close() {
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
     */
    private final class LazyRedisApi<K> implements RedisApi<K> {
        @SuppressWarnings("unchecked")
        private RedisAsyncCommands<K, byte[]> typed() {
            return (RedisAsyncCommands<K, byte[]>) (RedisAsyncCommands<?, byte[]>) commands();
        }

        @Override
        public <V> RedisFuture<V> eval(String script, ScriptOutputType type, K[] keys, byte[][] params) {
            return typed().eval(script, type, keys, params);
        }

        @Override
        public RedisFuture<byte[]> get(K key) {
            return typed().get(key);
        }

        @Override
        public RedisFuture<?> delete(K key) {
            return typed().del(key);
        }
    }
}
