package io.gather.dashboard.config;

import io.gather.clients.connection.DownstreamSettings;
import io.gather.clients.connection.LongestCallWait;
import io.gather.dashboard.Section;
import io.gather.dashboard.Sections;
import io.gather.startup.SettingsProblems;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every section's settings, checked once at startup: no unknown section is configured, every setting is
 * within its bounds (timeouts within the request deadline, limits within the contract, cache, breaker,
 * bulkhead and retry sane), and each downstream has a URL. A section with no block gets the defaults of
 * {@link SectionSettings}. Any problem stops startup with all problems listed, each naming its key.
 */
@Context
public final class SectionSettingsRegistry implements LongestCallWait {
    /** The longest deadline and max-age accepted: beyond, durations overflowed in nanoseconds ("long overflow"). */
    static final Duration MAX_DEADLINE = Duration.ofMinutes(5);
    static final Duration MAX_MAX_AGE = Duration.ofDays(1);
    private final Map<String, SectionSettings> settings = new HashMap<>();
    private final DashboardSettings dashboard;

    SectionSettingsRegistry(List<SectionSettings> configured, DashboardSettings dashboard, DownstreamSettings downstreams,
                            Environment environment) {
        this.dashboard = dashboard;
        List<String> problems = new ArrayList<>();
        Duration deadline = dashboard.getDeadline();
        if (deadline == null || deadline.isNegative() || deadline.isZero() || deadline.compareTo(MAX_DEADLINE) > 0) {
            problems.add("gather.dashboard.deadline must be a positive duration of at most " + MAX_DEADLINE.toMinutes() + "m");
            deadline = null;
        } else if (downstreams.getMaxExchangeTime() != null && downstreams.getMaxExchangeTime().compareTo(deadline) <= 0) {
            // a call is waited for up to the deadline: cutting its connection sooner would cut answers still wanted
            problems.add("gather.downstreams.max-exchange-time (" + downstreams.getMaxExchangeTime().toMillis()
                + " ms) must be longer than gather.dashboard.deadline (" + deadline.toMillis() + " ms)");
        }
        Duration maxAge = dashboard.getMaxAge();
        if (maxAge == null || maxAge.isNegative() || maxAge.compareTo(MAX_MAX_AGE) > 0 || maxAge.getNano() != 0) {
            problems.add("gather.dashboard.max-age must be whole seconds, 0s..1d");
        }
        for (SectionSettings s : configured) {
            if (Sections.byId(s.getName()).isEmpty()) {
                problems.add("gather.sections." + s.getName() + " is not a section (" + String.join(", ", Sections.ids()) + ")");
            }
            settings.put(s.getName(), s);
        }
        for (Section<?> section : Sections.ALL) {
            SectionSettings s = settings.computeIfAbsent(section.id(), SectionSettings::new);
            problems.addAll(s.problems(deadline));
            String url = "micronaut.http.services." + section.id() + ".url";
            String value = environment.getProperty(url, String.class).filter(u -> !u.isBlank()).orElse(null);
            if (value == null) {
                problems.add(url + " is not set (or env MICRONAUT_HTTP_SERVICES_" + section.id().toUpperCase(java.util.Locale.ROOT)
                    .replace('-', '_') + "_URL)");
            } else if (!areServiceUrls(value)) {
                // else every call fails before it leaves, and the section reads as a service that answered badly
                problems.add(url + " must be http:// or https:// URLs with a host (several: comma-separated), not " + value);
            }
        }
        SettingsProblems.stopIfAny(problems);
    }

    /** One URL or several, comma-separated (Micronaut balances between them), each absolute http(s) with a host. */
    static boolean areServiceUrls(String value) {
        for (String one : value.split(",")) {
            try {
                java.net.URI uri = new java.net.URI(one.strip());
                String scheme = uri.getScheme();
                if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || uri.getHost() == null) {
                    return false;
                }
            } catch (java.net.URISyntaxException e) {
                return false;
            }
        }
        return true;
    }

    public SectionSettings of(Section<?> section) {
        return settings.get(section.id());
    }

    public Duration deadline() {
        return dashboard.getDeadline();
    }

    /** A downstream call is waited for up to the deadline. */
    @Override
    public Duration longest() {
        return deadline();
    }

    /** How long a caller may keep a complete answer without revalidating it ({@code Cache-Control: max-age}). */
    public Duration maxAge() {
        return dashboard.getMaxAge();
    }
}
