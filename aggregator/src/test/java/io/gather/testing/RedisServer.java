package io.gather.testing;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} (the Debian package) of the test's own, on a free loopback port, with nothing
 * saved to disk. It can be stopped and started again on the same port, or paused (SIGSTOP: a Redis that accepts
 * but never answers) and resumed. Stopped with the test; a shutdown hook stops it if the test does not.
 */
public final class RedisServer implements AutoCloseable {
    private static final Duration READY_WITHIN = Duration.ofSeconds(10);

    private final int port;
    private Process process;

    private RedisServer(int port) {
        this.port = port;
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "redis-test-stop-" + port));
    }

    public static RedisServer start() {
        RedisServer redis = new RedisServer(GatherHarness.freePort());
        redis.startAgain();
        return redis;
    }

    public int port() {
        return port;
    }

    /** The {@code redis.uri} that points at it. */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /** Starts it (again) on its port, empty, and waits until it answers PING. */
    public synchronized void startAgain() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--protected-mode", "yes", "--loglevel", "warning")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        } catch (IOException e) {
            throw new IllegalStateException("redis-server is not installed (apt-get install redis-server)", e);
        }
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (!answersPing()) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                stop();
                throw new IllegalStateException("redis-server did not answer PING on port " + port);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Stops it (SIGTERM, then SIGKILL); the port refuses connections until {@link #startAgain()}. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        resume();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** SIGSTOP: connections stay open and nothing is answered. */
    public synchronized void pause() {
        signal("-STOP");
    }

    /** SIGCONT after {@link #pause()}. */
    public synchronized void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("cannot signal redis-server", e);
        }
    }

    /** How many times each command ran since it started ({@code INFO commandstats}), by lower-case name. */
    public Map<String, Long> commandCalls() {
        RedisClient client = RedisClient.create(uri());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            Map<String, Long> calls = new HashMap<>();
            for (String line : c.sync().info("commandstats").split("\r?\n")) {
                if (line.startsWith("cmdstat_")) {
                    String name = line.substring("cmdstat_".length(), line.indexOf(':'));
                    String count = line.substring(line.indexOf("calls=") + "calls=".length());
                    calls.put(name, Long.parseLong(count.substring(0, count.indexOf(','))));
                }
            }
            return calls;
        } finally {
            client.shutdown();
        }
    }

    private boolean answersPing() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            s.setSoTimeout(500);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[7];
            int n = in.read(buf);
            return n > 0 && new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
