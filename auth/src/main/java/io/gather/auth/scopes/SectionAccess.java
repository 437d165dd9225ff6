package io.gather.auth.scopes;

import io.gather.auth.Caller;
import io.gather.auth.clients.ClientSettings;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which dashboard sections a caller may see. Scope {@value #DASHBOARD} grants every section,
 * {@code dashboard:<section>} one section. A client configured with {@code gather.clients.<id>.sections} is
 * narrowed to those sections: its scopes can only take sections away from that list, never add to it.
 *
 * <p>Section ids are plain strings ({@code profile}, {@code orders}, ...): the auth module knows nothing of the
 * dashboard. The aggregator checks at startup that every configured section id is a real section.
 */
@Singleton
public final class SectionAccess {
    /** The scope that grants the whole dashboard, and the prefix of the per-section ones. */
    public static final String DASHBOARD = "dashboard";
    public static final String SECTION_PREFIX = DASHBOARD + ":";

    private final Map<String, Set<String>> clientSections = new HashMap<>();

    SectionAccess(List<ClientSettings> clients) {
        for (ClientSettings c : clients) {
            if (c.getSections() != null) {
                clientSections.put(c.getId(), Set.copyOf(c.getSections()));
            }
        }
    }

    /**
     * Whether the caller may see any of {@code allSectionIds}: a token whose scopes name only sections that do not
     * exist ({@code dashboard:nope}), or none its client is allowed, grants nothing.
     */
    public boolean grantsAny(Caller caller, Collection<String> allSectionIds) {
        Set<String> narrowed = narrowing(caller);
        for (String section : allSectionIds) {
            if (grants(caller, narrowed, section)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sections of {@code allSectionIds} this caller may see, in the order given: those its scopes grant,
     * less those its client's configuration leaves out. Never null; unmodifiable.
     */
    public Set<String> grantedSections(Caller caller, Collection<String> allSectionIds) {
        Set<String> narrowed = narrowing(caller);
        Set<String> granted = new LinkedHashSet<>();
        for (String section : allSectionIds) {
            if (grants(caller, narrowed, section)) {
                granted.add(section);
            }
        }
        return Collections.unmodifiableSet(granted);
    }

    /** The sections the caller's client is configured to, or null when it is not narrowed. */
    @Nullable
    private Set<String> narrowing(Caller caller) {
        return caller.hasClient() ? clientSections.get(caller.clientId()) : null;
    }

    /** Granted by a scope ({@code dashboard}, or {@code dashboard:<section>}) and left in by the client's narrowing. */
    private static boolean grants(Caller caller, @Nullable Set<String> narrowed, String section) {
        boolean byScope = caller.scopes().contains(DASHBOARD) || caller.scopes().contains(SECTION_PREFIX + section);
        return byScope && (narrowed == null || narrowed.contains(section));
    }

    /** Every section id named in {@code gather.clients.*.sections}, by client: for the aggregator's startup check. */
    public Map<String, Set<String>> configuredClientSections() {
        return Map.copyOf(clientSections);
    }
}
