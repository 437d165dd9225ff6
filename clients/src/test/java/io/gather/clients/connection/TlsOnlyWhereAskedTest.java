package io.gather.clients.connection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.ServiceHttpClientConfiguration;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A service reached over plain HTTP gets no TLS context; one with an https URL keeps its TLS settings. */
class TlsOnlyWhereAskedTest {
    @Test
    void onlyServicesWithAnHttpsUrlGetTls() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.of(
            "micronaut.http.services.profile.url", "http://127.0.0.1:9301",
            "micronaut.http.services.orders.urls", "http://127.0.0.1:9302,https://orders.example.invalid"))) {
            assertFalse(tls(ctx, "profile"), "profile, http only");
            assertTrue(tls(ctx, "orders"), "orders, one https URL");
        }
    }

    private static boolean tls(ApplicationContext ctx, String service) {
        return ctx.getBean(ServiceHttpClientConfiguration.class, Qualifiers.byName(service)).getSslConfiguration().isEnabled();
    }
}
