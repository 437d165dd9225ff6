package io.gather.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.testing.GatherHarness;
import io.gather.testing.HarnessBacked;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
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
import org.junit.jupiter.api.Test;

/**
 * One dashboard at a time and one waiting: of three at once, two are answered (one after the other) and the third
 * is refused at once with a 503 problem and {@code Retry-After}; the refusal is counted.
 */
@MicronautTest
class AdmissionApiTest extends HarnessBacked {
    private Map<String, String> properties;

    @Inject EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        properties = GatherHarness.oneAdmissionTurn(harness.properties());
        properties.put("gather.admission.queue-size", "1");
        properties.put("gather.admission.queue-timeout", "10s");
        properties.put("gather.admission.retry-after", "2s");
        return properties;
    }

    @Test
    void theOneOverTheQueueIsRefusedAtOnceWithRetryAfter() throws Exception {
        harness.stubs.reset(400);
        HttpClient http = HttpClient.newHttpClient();
        URI uri = server.getURI().resolve("/api/v1/dashboard");
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            answers.add(http.sendAsync(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + harness.token("u-" + i)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        int ok = 0;
        HttpResponse<String> refused = null;
        for (var a : answers) {
            HttpResponse<String> r = a.get();
            if (r.statusCode() == 200) {
                ok++;
            } else {
                refused = r;
            }
        }
        assertEquals(2, ok, "one assembled at once, one after its wait");
        assertEquals(503, refused.statusCode());
        assertEquals("application/problem+json", refused.headers().firstValue("Content-Type").orElse(""));
        assertEquals("2", refused.headers().firstValue("Retry-After").orElse(""));
        assertEquals(1, refused.headers().allValues("Date").size(), "one Date");
        assertTrue(refused.body().contains("\"type\":\"" + AdmissionFilter.TYPE + "\""), refused.body());
        assertTrue(refused.body().contains("\"status\":503"), refused.body());

        String scrape = harness.get(GatherHarness.management(properties), "/prometheus", Map.of()).body();
        assertTrue(scrape.lines().anyMatch(l -> l.startsWith("gather_admission_refused_total") && l.endsWith(" 1.0")), scrape);
        assertTrue(scrape.contains("gather_admission_limit 1.0"), "the limit is on the scrape");
    }
}
