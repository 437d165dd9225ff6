package io.gather.api;

import io.gather.dashboard.Sections;
import io.gather.dashboard.view.View;
import io.gather.dashboard.view.Views;
import io.gather.http.ProblemException;
import io.micronaut.http.HttpRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The dashboard's query parameters, checked: {@code view} (one of {@link Views}, {@code full} when absent) and
 * {@code sections} (a comma-separated list of section names; all when absent). Names are exact (lower case);
 * spaces around a name are ignored, a name given twice counts once, several {@code sections} parameters add up.
 * An unknown name, an empty list or more than one {@code view} is a 400 problem naming the parameter and its
 * valid values. Other parameters are ignored. Nothing the caller sent is echoed in the problem.
 */
record DashboardParameters(Set<String> sections, View view) {
    static final String SECTIONS = "sections";
    static final String VIEW = "view";
    private static final Set<String> ALL = Set.copyOf(Sections.ids());
    private static final DashboardParameters DEFAULT = new DashboardParameters(ALL, Views.FULL);

    static DashboardParameters of(HttpRequest<?> request) {
        List<String> views = request.getParameters().getAll(VIEW);
        List<String> sections = request.getParameters().getAll(SECTIONS);
        if (views.isEmpty() && sections.isEmpty()) {
            return DEFAULT;
        }
        return new DashboardParameters(sections.isEmpty() ? ALL : sections(sections), view(views));
    }

    private static View view(List<String> values) {
        if (values.isEmpty()) {
            return Views.FULL;
        }
        if (values.size() > 1) {
            throw invalidView();
        }
        return Views.byId(values.get(0).strip()).orElseThrow(DashboardParameters::invalidView);
    }

    private static Set<String> sections(List<String> values) {
        Set<String> selected = new LinkedHashSet<>();
        for (String value : values) {
            for (String name : value.split(",", -1)) {
                String id = name.strip();
                if (!ALL.contains(id)) {
                    throw invalidSections();
                }
                selected.add(id);
            }
        }
        return selected;
    }

    private static ProblemException invalidView() {
        return ProblemException.invalidParameter(VIEW, Views.ids(),
            "view must be one of: " + String.join(", ", Views.ids()) + " (full when absent).");
    }

    private static ProblemException invalidSections() {
        return ProblemException.invalidParameter(SECTIONS, Sections.ids(),
            "sections must be a comma-separated list of one or more of: " + String.join(", ", Sections.ids()) + ".");
    }
}
