package io.gather.dashboard.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/** Settings of a dashboard request as a whole ({@code gather.dashboard.*}). */
@ConfigurationProperties("gather.dashboard")
public class DashboardSettings {
    /** Default overall deadline: {@value} ms. No dashboard answer takes longer, whatever a downstream does. */
    public static final long DEFAULT_DEADLINE_MS = 1500;

    private Duration deadline = Duration.ofMillis(DEFAULT_DEADLINE_MS);

    public Duration getDeadline() {
        return deadline;
    }

    public void setDeadline(Duration deadline) {
        this.deadline = deadline;
    }
}
