package io.gather.observe;

import io.gather.http.front.FrontRefusalObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request the HTTP front refused (400, 408, 413, 414, 431, 501, 505, 503) gets a line on the access log, as every
 * request does, and counts in {@code gather_front_refused_total{status}}. The line holds the status, the refusal's
 * fixed sentence and the request id, never the path or a field: the request could not be trusted.
 * <pre>{"ts":"…","requestId":"…","status":408,"refused":"The request did not arrive in full within the time allowed."}</pre>
 */
@Singleton
final class FrontRefusalLog implements FrontRefusalObserver {
    private static final Logger LOG = LoggerFactory.getLogger(AccessLogFilter.LOGGER);

    private final AccessLogSettings settings;
    @Nullable private final MeterRegistry registry;
    private final Map<Integer, Counter> counters = new ConcurrentHashMap<>();

    FrontRefusalLog(AccessLogSettings settings, @Nullable MeterRegistry registry) {
        this.settings = settings;
        this.registry = registry;
    }

    @Override
    public void refused(int status, String detail, String requestId) {
        if (registry != null) {
            counters.computeIfAbsent(status, s -> Counter.builder("gather.front.refused").tag("status", Integer.toString(s))
                .description("Requests the HTTP front refused before routing (malformed, too large, too slow)")
                .register(registry)).increment();
        }
        if (!settings.isEnabled() || !LOG.isInfoEnabled()) {
            return;
        }
        if (settings.format() == AccessLogSettings.Format.JSON) {
            StringBuilder b = new StringBuilder(192).append("{\"ts\":\"").append(Instant.now()).append('"');
            AccessLine.string(b.append(",\"requestId\":"), requestId);
            b.append(",\"status\":").append(status);
            AccessLine.string(b.append(",\"refused\":"), detail);
            LOG.info(b.append('}').toString());
        } else {
            LOG.info("refused " + status + " requestId=" + requestId + " " + detail);
        }
    }
}
