package io.gather.http.front;

import io.gather.startup.SettingsProblems;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The API's port and the management port are ports, and two of them. With the management port equal to the API's,
 * Micronaut served health, metrics and OpenAPI on the API port (public behind a load balancer), and a negative
 * port stopped startup with Netty's words, naming no key. {@code -1} is a free port (tests), {@code 0} too.
 */
@Context
final class PortsCheck {
    static final String API = "micronaut.server.port";
    static final String MANAGEMENT = "endpoints.all.port";

    PortsCheck(Environment environment) {
        List<String> problems = problems(port(environment, API), port(environment, MANAGEMENT));
        SettingsProblems.stopIfAny(problems);
    }

    private static Optional<Integer> port(Environment environment, String key) {
        return environment.getProperty(key, Integer.class);
    }

    static List<String> problems(Optional<Integer> api, Optional<Integer> management) {
        List<String> problems = new ArrayList<>();
        api.filter(p -> p < -1 || p > 65535).ifPresent(p -> problems.add(API + " (GATHER_PORT) must be 0..65535 (-1: a free one), not " + p));
        management.filter(p -> p < -1 || p > 65535)
            .ifPresent(p -> problems.add(MANAGEMENT + " (GATHER_MANAGEMENT_PORT) must be 0..65535 (-1: a free one), not " + p));
        if (api.isPresent() && api.equals(management) && api.get() > 0) {
            problems.add(MANAGEMENT + " (GATHER_MANAGEMENT_PORT) must differ from " + API + " (GATHER_PORT), " + api.get()
                + ": health, metrics and OpenAPI would be served on the API port");
        }
        return problems;
    }
}
