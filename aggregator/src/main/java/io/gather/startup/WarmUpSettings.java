package io.gather.startup;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code gather.warm-up.*}: one dashboard assembled at startup, before the port opens. */
@ConfigurationProperties("gather.warm-up")
public class WarmUpSettings {
    private boolean enabled = true;

    /**
     * {@code true}: before the API port opens, Gather assembles one dashboard for the user {@value WarmUp#USER}
     * (each downstream gets one GET; a 404 is fine), so the first callers do not pay for a cold JVM.
     */
    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
