package io.gather.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.gather.stubs.Service;
import io.gather.testing.GatherHarness;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * Many more concurrent dashboards than a downstream's pool has connections: the bulkhead refuses the excess
 * at once, so the pool's queue of waiting calls stays short and the client pool cannot overflow its stack
 * (seen as StackOverflowError through Pool49.dispatchPendingRequests with a long queue). Every request is
 * answered, and nothing reaches the log as an error.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoolBoundsTest implements TestPropertyProvider {
    static final int REQUESTS = 1500;
    private final GatherHarness harness = new GatherHarness();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @Inject EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = harness.properties();
        for (Service s : Service.values()) {
            // a small pool with a long wait queue: what overflowed before
            p.put("micronaut.http.services." + s.id() + ".pool.max-concurrent-http1-connections", "4");
            p.put("micronaut.http.services." + s.id() + ".pool.max-pending-acquires", "100000");
            p.put("gather.sections." + s.id() + ".bulkhead.max-concurrent-calls", "8");
        }
        return p;
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    @Test
    void farMoreConcurrentDashboardsThanConnectionsAreAllAnsweredWithoutOverflow() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        harness.stubs.reset(20);
        var executor = Executors.newFixedThreadPool(4);
        try {
            HttpClient http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(5)).build();
            URI uri = server.getURI().resolve("/api/v1/dashboard");
            String token = harness.token("u-1");
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                answers.add(http.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + harness.token("u-" + i)).build(), HttpResponse.BodyHandlers.ofString()));
            }
            int ok = 0;
            int refused = 0;
            for (var a : answers) {
                HttpResponse<String> r = a.get();
                if (r.statusCode() == 200) {
                    ok++;
                    if (r.body().contains("bulkhead-full")) {
                        refused++;
                    }
                } else {
                    // a refused or late profile is that request's 502 or 504: an answer, not a failure of Gather
                    assertTrue(r.statusCode() == 502 || r.statusCode() == 504, r.statusCode() + " " + r.body());
                    assertTrue(r.body().contains("\"section\":\"profile\""), r.body());
                }
            }
            assertTrue(ok > 0, "no dashboard at all");
            assertTrue(token.length() > 0);
            System.out.println("pool bounds: " + ok + " of " + REQUESTS + " answered 200, " + refused + " with a section refused");
        } finally {
            executor.shutdownNow();
            root.detachAppender(log);
            harness.stubs.reset(0);
        }
        for (ILoggingEvent e : log.list) {
            String text = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getClassName());
            assertTrue(!text.contains("StackOverflowError") && e.getLevel().levelInt < ch.qos.logback.classic.Level.ERROR_INT,
                "logged: " + e);
        }
    }
}
