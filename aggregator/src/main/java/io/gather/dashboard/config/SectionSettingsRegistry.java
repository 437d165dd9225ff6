package io.gather.dashboard.config;

import io.gather.dashboard.SectionName;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every section's settings, checked once at startup: each section is configured, no unknown section
 * is, timeouts are positive and within the request deadline, limits are within the contract, and each
 * downstream has a URL. Any problem stops startup with all problems listed.
 */
@Context
public final class SectionSettingsRegistry {
    private final Map<SectionName, SectionSettings> settings = new EnumMap<>(SectionName.class);
    private final DashboardSettings dashboard;

    SectionSettingsRegistry(List<SectionSettings> configured, DashboardSettings dashboard, Environment environment) {
        this.dashboard = dashboard;
        List<String> problems = new ArrayList<>();
        Duration deadline = dashboard.getDeadline();
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            problems.add("gather.dashboard.deadline must be a positive duration");
        }
        for (SectionSettings s : configured) {
            try {
                settings.put(SectionName.of(s.getName()), s);
            } catch (IllegalArgumentException e) {
                problems.add("gather.sections." + s.getName() + " is not a section (profile, orders, notifications, recommendations)");
            }
        }
        for (SectionName name : SectionName.values()) {
            String key = "gather.sections." + name.id();
            SectionSettings s = settings.get(name);
            if (s == null) {
                problems.add(key + " is not configured");
                continue;
            }
            if (s.getTimeout() == null || s.getTimeout().isNegative() || s.getTimeout().isZero()) {
                problems.add(key + ".timeout must be a positive duration");
            } else if (deadline != null && s.getTimeout().compareTo(deadline) > 0) {
                problems.add(key + ".timeout (" + s.getTimeout().toMillis() + " ms) is longer than gather.dashboard.deadline ("
                    + deadline.toMillis() + " ms)");
            }
            if (s.getLimit() < SectionSettings.MIN_LIMIT || s.getLimit() > SectionSettings.MAX_LIMIT) {
                problems.add(key + ".limit must be from " + SectionSettings.MIN_LIMIT + " to " + SectionSettings.MAX_LIMIT);
            }
            String url = "micronaut.http.services." + name.id() + ".url";
            if (environment.getProperty(url, String.class).filter(u -> !u.isBlank()).isEmpty()) {
                problems.add(url + " is not set (or env MICRONAUT_HTTP_SERVICES_" + name.name() + "_URL)");
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationException("Gather's configuration is not usable:\n  - " + String.join("\n  - ", problems));
        }
    }

    public SectionSettings of(SectionName name) {
        return settings.get(name);
    }

    public Duration deadline() {
        return dashboard.getDeadline();
    }
}
