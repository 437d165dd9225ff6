package io.gather.auth.scopes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.auth.Caller;
import io.gather.auth.clients.ClientSettings;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SectionAccessTest {
    private static final List<String> ALL = List.of("profile", "orders", "notifications", "recommendations");

    private static SectionAccess access() {
        ClientSettings narrowed = new ClientSettings("acme");
        narrowed.setSections(List.of("profile", "orders"));
        ClientSettings nothing = new ClientSettings("muted");
        nothing.setSections(List.of());
        ClientSettings tierOnly = new ClientSettings("big");
        tierOnly.setTier("partner");
        return new SectionAccess(List.of(narrowed, nothing, tierOnly));
    }

    private static Caller caller(String client, String... scopes) {
        return new Caller("u-1", Set.of(scopes), client);
    }

    @Test
    void dashboardGrantsEverySectionInTheOrderGiven() {
        assertEquals(ALL, List.copyOf(access().grantedSections(caller(null, "dashboard"), ALL)));
        assertEquals(ALL, List.copyOf(access().grantedSections(caller("big", "dashboard", "other"), ALL)));
    }

    @Test
    void eachSectionScopeGrantsItsSectionOnly() {
        SectionAccess access = access();
        for (String section : ALL) {
            assertEquals(Set.of(section), access.grantedSections(caller(null, "dashboard:" + section), ALL), section);
        }
        assertEquals(List.of("profile", "recommendations"),
            List.copyOf(access.grantedSections(caller(null, "dashboard:recommendations", "dashboard:profile"), ALL)));
        assertEquals(Set.of(), access.grantedSections(caller(null, "dashboard:unknown", "orders"), ALL));
    }

    @Test
    void aConfiguredClientCannotWidenItselfWithScopes() {
        SectionAccess access = access();
        assertEquals(List.of("profile", "orders"), List.copyOf(access.grantedSections(caller("acme", "dashboard"), ALL)));
        assertEquals(Set.of("orders"), access.grantedSections(caller("acme", "dashboard:orders", "dashboard:notifications"), ALL));
        assertEquals(Set.of(), access.grantedSections(caller("acme", "dashboard:recommendations"), ALL));
        assertEquals(Set.of(), access.grantedSections(caller("muted", "dashboard"), ALL));
    }

    @Test
    void theNarrowingBelongsToTheClientNotToTheUser() {
        assertEquals(ALL, List.copyOf(access().grantedSections(caller("someone-else", "dashboard"), ALL)));
        assertEquals(ALL, List.copyOf(access().grantedSections(caller(null, "dashboard"), ALL)));
    }

    @Test
    void aTokenGrantsSomethingOnlyIfItNamesASectionItsClientMayHave() {
        SectionAccess access = access();
        assertTrue(access.grantsAny(caller(null, "dashboard"), ALL));
        assertTrue(access.grantsAny(caller(null, "email", "dashboard:orders"), ALL));
        assertFalse(access.grantsAny(caller(null), ALL));
        assertFalse(access.grantsAny(caller(null, "dashboard:", "dashboards", "orders", "profile:read"), ALL));
        assertFalse(access.grantsAny(caller(null, "dashboard:nope"), ALL), "a section that does not exist");
        assertFalse(access.grantsAny(caller("acme", "dashboard:recommendations"), ALL), "one its client may not have");
        assertTrue(access.grantsAny(caller("acme", "dashboard:orders"), ALL));
    }
}
