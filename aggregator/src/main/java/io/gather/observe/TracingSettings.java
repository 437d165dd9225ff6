package io.gather.observe;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code gather.tracing.*}: OpenTelemetry export, off by default. {@code application.yml} maps these two keys onto
 * Micronaut Tracing's and the OTel SDK's own ({@code micronaut.otel.enabled}, {@code otel.exporter.otlp.endpoint}),
 * so one switch turns it on; with it off, Micronaut Tracing makes no OpenTelemetry bean and no tracing filter. With
 * it on, the OTel SDK checks the endpoint at startup: one that is not an http(s) URL stops Gather.
 */
@ConfigurationProperties("gather.tracing")
public class TracingSettings {
    /** Default receiver: {@value}, a collector on the same host (OTLP over HTTP). */
    public static final String DEFAULT_ENDPOINT = "http://localhost:4318";

    private boolean enabled;
    private String endpoint = DEFAULT_ENDPOINT;

    /** {@code true}: spans of API requests and their downstream calls are exported over OTLP. */
    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** The OTLP/HTTP receiver's base URL; spans are sent to {@code <endpoint>/v1/traces}. */
    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }
}
