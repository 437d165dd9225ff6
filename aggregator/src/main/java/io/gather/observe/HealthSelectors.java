package io.gather.observe;

import io.gather.http.Problem;
import io.gather.http.ProblemException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.management.health.indicator.HealthCheckType;
import java.util.Locale;
import java.util.Set;

/**
 * {@code /health/<name>} exists for the health groups only ({@code liveness}, {@code readiness}, any case). Micronaut
 * reads another name as an argument it cannot convert and answers 400, as if the probe had sent a bad request; there
 * is simply nothing at that path, so it is the 404 problem of an unknown path anywhere else (the filter also sees the
 * API port, where no health path exists, so the answer names none).
 */
@ServerFilter("/health/*")
final class HealthSelectors {
    private static final Set<String> GROUPS = Set.of(
        HealthCheckType.LIVENESS.name().toLowerCase(Locale.ROOT), HealthCheckType.READINESS.name().toLowerCase(Locale.ROOT));

    @RequestFilter
    void onlyKnownGroups(HttpRequest<?> request) {
        String path = request.getPath();
        String group = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        if (!group.isEmpty() && !GROUPS.contains(group)) {
            throw new ProblemException(404, Problem.ABOUT_BLANK, "Not Found", "There is nothing at this path.");
        }
    }
}
