package io.gather.api;

import io.gather.dashboard.Dashboard;
import io.gather.dashboard.Section;
import io.gather.dashboard.SectionResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The full dashboard as JSON: {@code userId}, {@code complete} (every section the caller may see has data),
 * {@code degraded} (some section it may see is stale or missing), one key per section in section order (its data, or {@code null} when
 * missing, so the shape is stable), {@code missing}, and {@code sections}, which says for each section how it
 * came to be. Written by {@link DashboardBodySerializer}.
 *
 * @param data each section's id and its data (null when missing), in section order
 */
public record DashboardBody(
    String userId,
    boolean complete,
    boolean degraded,
    Map<String, Object> data,
    List<String> missing,
    Map<String, SectionStatus> sections) {

    static DashboardBody of(Dashboard d) {
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, SectionStatus> sections = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>(2);
        boolean degraded = false;
        for (Map.Entry<Section<?>, SectionResult<?>> e : d.sections().entrySet()) {
            String id = e.getKey().id();
            SectionResult<?> result = e.getValue();
            data.put(id, result instanceof SectionResult.Ok<?> ok ? ok.value() : null);
            sections.put(id, SectionStatus.of(result));
            if (result instanceof SectionResult.Missing<?> m) {
                missing.add(id);
                degraded |= m.reason() != SectionResult.Reason.NOT_ALLOWED;
            } else if (((SectionResult.Ok<?>) result).source() == SectionResult.Source.STALE) {
                degraded = true;
            }
        }
        return new DashboardBody(d.userId(), allowedHaveData(d), degraded, data, missing, sections);
    }

    /** Whether every section the caller may see has data: a section it may not see leaves it complete. */
    private static boolean allowedHaveData(Dashboard d) {
        for (SectionResult<?> r : d.sections().values()) {
            if (r instanceof SectionResult.Missing<?> m && m.reason() != SectionResult.Reason.NOT_ALLOWED) {
                return false;
            }
        }
        return true;
    }
}
