package io.gather.dashboard.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** Settings of a dashboard request as a whole ({@code gather.dashboard.*}). */
@ConfigurationProperties("gather.dashboard")
public class DashboardSettings {
    /** Default overall deadline: {@value} ms. No dashboard answer takes longer, whatever a downstream does. */
    public static final long DEFAULT_DEADLINE_MS = 1500;

    /**
     * Default {@code max-age} of a complete answer: {@value} s. A browser or app may show it again for that long
     * without asking; after it, it revalidates with {@code If-None-Match} and usually gets a 304.
     */
    public static final long DEFAULT_MAX_AGE_SECONDS = 5;

    private Duration deadline = Duration.ofMillis(DEFAULT_DEADLINE_MS);
    private Duration maxAge = Duration.ofSeconds(DEFAULT_MAX_AGE_SECONDS);

    public Duration getDeadline() {
        return deadline;
    }

    public void setDeadline(Duration deadline) {
        this.deadline = deadline;
    }

    public Duration getMaxAge() {
        return maxAge;
    }

    public void setMaxAge(Duration maxAge) {
        this.maxAge = maxAge;
    }
}
