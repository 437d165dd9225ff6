package io.gather.startup;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code gather.warm-up.*}: one dashboard assembled at startup, before any caller's. */
@ConfigurationProperties("gather.warm-up")
public class WarmUpSettings {
    private boolean enabled = true;

    /**
     * {@code true}: as it starts, Gather assembles one dashboard for the user {@value WarmUp#USER} (each downstream
     * gets one GET; a 404 is fine), so the first callers' sections do not pay for a cold JVM: dashboards asked for
     * meanwhile start when it ends, and readiness is down until then.
     */
    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
