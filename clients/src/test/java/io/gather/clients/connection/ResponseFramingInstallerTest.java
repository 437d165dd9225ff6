package io.gather.clients.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The inflated-body limit is the downstream services' own, not the default client's. */
class ResponseFramingInstallerTest {
    @Test
    void theLimitIsTheLargestAServiceAllows() {
        // before: the default client's 10 MiB was taken with the services' 1 MiB, and 8 MB were inflated out of one read
        try (ApplicationContext context = ApplicationContext.run(Map.of(
            "micronaut.http.services.orders.url", "http://127.0.0.1:1",
            "micronaut.http.services.orders.max-content-length", "1048576",
            "micronaut.http.services.profile.url", "http://127.0.0.1:2",
            "micronaut.http.services.profile.max-content-length", "524288"))) {
            assertEquals(1_048_576, context.getBean(ResponseFramingInstaller.class).maxBody());
        }
    }
}
