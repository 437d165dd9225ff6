package io.gather.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.security.authentication.Authentication;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {
    @Test
    void scopesComeFromScopeOrScp() {
        Caller a = Caller.of(Authentication.build("u-1", Map.of("scope", "dashboard:read orders:read")));
        assertEquals(Set.of("dashboard:read", "orders:read"), a.scopes());
        Caller b = Caller.of(Authentication.build("u-1", Map.of("scp", List.of("profile:read"))));
        assertEquals(Set.of("profile:read"), b.scopes());
    }

    @Test
    void aScopeNamedTwiceOrSpacedOddlyIsStillOneScope() {
        Caller c = Caller.of(Authentication.build("u-1", Map.of("scope", " dashboard  dashboard orders:read ")));
        assertEquals(Set.of("dashboard", "orders:read"), c.scopes());
    }

    @Test
    void onlyASpaceSeparatesScopes() {
        // RFC 6749 section 3.3: a tab is no separator (nor part of any scope that grants something)
        Caller c = Caller.of(Authentication.build("u-1", Map.of("scope", "x\tdashboard")));
        assertEquals(Set.of("x\tdashboard"), c.scopes());
    }

    @Test
    void scopeWinsOverScpAndTheyAreNeverAddedUp() {
        Caller c = Caller.of(Authentication.build("u-1", Map.of("scope", "dashboard:orders", "scp", List.of("dashboard"))));
        assertEquals(Set.of("dashboard:orders"), c.scopes());
        Caller d = Caller.of(Authentication.build("u-1", Map.of("scp", List.of("dashboard", 7, ""))));
        assertEquals(Set.of("dashboard"), d.scopes(), "only strings in scp");
    }

    @Test
    void theClientIsAzpElseClientId() {
        assertEquals("acme", Caller.of(Authentication.build("u-1", Map.of("azp", "acme", "client_id", "other"))).clientId());
        assertEquals("other", Caller.of(Authentication.build("u-1", Map.of("client_id", "other"))).clientId());
        Caller none = Caller.of(Authentication.build("u-1", Map.of("scope", "dashboard")));
        assertNull(none.clientId());
        assertFalse(none.hasClient());
        assertNull(new Caller("u-1", Set.of(), " ").clientId());
        assertTrue(new Caller("u-1", Set.of(), "acme").hasClient());
    }

    @Test
    void aCallerMayReadOnlyTheirOwnDashboard() {
        Caller c = new Caller("u-1", Set.of());
        assertTrue(c.mayRead("u-1"));
        assertFalse(c.mayRead("u-2"));
    }

    @Test
    void userIdsFollowTheContract() {
        assertTrue(UserIds.isValid("u-42_X"));
        assertFalse(UserIds.isValid(""));
        assertFalse(UserIds.isValid("x".repeat(65)));
        assertFalse(UserIds.isValid("../admin"));
        assertThrows(IllegalArgumentException.class, () -> new Caller("a b", Set.of()));
    }
}
