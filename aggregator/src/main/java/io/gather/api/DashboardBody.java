package io.gather.api;

import io.gather.dashboard.Dashboard;
import io.gather.dashboard.Section;
import io.gather.dashboard.SectionResult;
import io.gather.dashboard.view.View;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A dashboard as JSON: {@code userId}, {@code complete} (every selected section the caller may see has data),
 * {@code degraded} (some selected section it may see is stale or missing), one key per selected section in section
 * order (its data as the view shows it, or {@code null} when missing, so the shape is stable), {@code missing}, and
 * {@code sections}, which says for each selected section how it came to be (in a view that says so, only for the
 * sections that are not ok). Nothing in it changes from one request
 * to the next unless the data does: its bytes are what the {@code ETag} is computed from. Written by
 * {@link DashboardBodySerializer}.
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

    static DashboardBody of(Dashboard d, View view) {
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, SectionStatus> sections = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>(2);
        boolean complete = true;
        boolean degraded = false;
        for (Map.Entry<Section<?>, SectionResult<?>> e : d.sections().entrySet()) {
            String id = e.getKey().id();
            SectionResult<?> result = e.getValue();
            data.put(id, result instanceof SectionResult.Ok<?> ok ? view.project(e.getKey(), ok.value()) : null);
            SectionStatus status = SectionStatus.of(result);
            if (view.listsOkSections() || status != SectionStatus.OK) {
                sections.put(id, status);
            }
            if (result instanceof SectionResult.Missing<?> m) {
                missing.add(id);
                // a section the caller may not see leaves the answer complete and not degraded
                boolean counts = m.reason() != SectionResult.Reason.NOT_ALLOWED;
                degraded |= counts;
                complete &= !counts;
            } else if (((SectionResult.Ok<?>) result).source() == SectionResult.Source.STALE) {
                degraded = true;
            }
        }
        return new DashboardBody(d.userId(), complete, degraded, data, missing, sections);
    }
}
