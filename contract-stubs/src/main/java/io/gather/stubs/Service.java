package io.gather.stubs;

import java.util.Locale;

/** The downstream services of the contract, with the latency each answers with by default. */
public enum Service {
    PROFILE(40),
    ORDERS(70),
    NOTIFICATIONS(90),
    RECOMMENDATIONS(160);

    private final int defaultLatencyMs;

    Service(int defaultLatencyMs) {
        this.defaultLatencyMs = defaultLatencyMs;
    }

    /** The service id as Gather's configuration names it ({@code micronaut.http.services.<id>}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Typical healthy latency, the middle of the range the contract gives. */
    public int defaultLatencyMs() {
        return defaultLatencyMs;
    }

    public static Service of(String id) {
        for (Service s : values()) {
            if (s.id().equalsIgnoreCase(id.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown service '" + id + "' (profile, orders, notifications, recommendations)");
    }
}
