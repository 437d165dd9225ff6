package io.gather.access;

import io.gather.auth.scopes.SectionAccess;
import io.gather.dashboard.Sections;
import io.gather.startup.SettingsProblems;
import io.micronaut.context.annotation.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Stops startup when {@code gather.clients.<id>.sections} names something that is not a dashboard section: the
 * auth module takes section ids as plain strings, and only the aggregator knows which exist.
 */
@Context
final class ClientSectionsCheck {
    ClientSectionsCheck(SectionAccess access) {
        List<String> known = Sections.ids();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : new TreeMap<>(access.configuredClientSections()).entrySet()) {
            for (String section : e.getValue()) {
                if (!known.contains(section)) {
                    problems.add("gather.clients." + e.getKey() + ".sections: " + section + " is not a section " + known);
                }
            }
        }
        SettingsProblems.stopIfAny(problems);
    }
}
