package io.gather.observe;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.annotation.PostConstruct;
import java.util.Locale;

/**
 * {@code gather.access-log.*}: the one line per API request ({@code gather.access} logger). Checked at startup:
 * a bad value stops Gather with a message that names the key.
 */
@Context
@ConfigurationProperties("gather.access-log")
public class AccessLogSettings {
    /** The line's formats: {@code json} (one JSON object per line, for log pipelines) or {@code text} (for people). */
    public enum Format { JSON, TEXT }

    /** Default format: {@value}. */
    public static final String DEFAULT_FORMAT = "json";

    private boolean enabled = true;
    private String format = DEFAULT_FORMAT;
    private Format parsed = Format.JSON;

    /** {@code false}: no access line at all (metrics still count every request). */
    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** {@code json} or {@code text}. */
    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public Format format() {
        return parsed;
    }

    @PostConstruct
    void check() {
        String f = format == null ? "" : format.trim().toLowerCase(Locale.ROOT);
        switch (f) {
            case "json" -> parsed = Format.JSON;
            case "text" -> parsed = Format.TEXT;
            default -> throw new ConfigurationException("Gather's configuration is not usable:\n  - gather.access-log.format must be "
                + "json or text, not " + format);
        }
    }
}
