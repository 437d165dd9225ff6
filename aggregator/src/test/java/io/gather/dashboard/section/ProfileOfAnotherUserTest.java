package io.gather.dashboard.section;

import static io.gather.testing.ScriptedDownstream.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.testing.HarnessBacked;
import io.gather.testing.ScriptedDownstream;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The profile service answers with someone else's profile (a cache in front of it keyed wrongly): the caller never
 * sees it. The profile is required, so the dashboard is the same 502 any unusable profile gets.
 */
@MicronautTest
class ProfileOfAnotherUserTest extends HarnessBacked {
    private final ScriptedDownstream profile = ScriptedDownstream.started();

    @Inject EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = harness.properties();
        p.put("micronaut.http.services.profile.url", profile.url());
        return p;
    }

    @AfterAll
    void stopProfile() throws IOException {
        profile.close();
    }

    /** User {@code user}'s dashboard, the profile service answering {@code profileJson}. */
    private HttpResponse<String> dashboardOf(String user, String profileJson) throws Exception {
        profile.answer(ok(profileJson));
        return harness.getAs(server.getURI(), "/api/v1/dashboard", user);
    }

    @Test
    void anotherUsersProfileIsNeverShown() throws Exception {
        HttpResponse<String> r = dashboardOf("u-7", "{\"id\":\"u-someone-else\",\"displayName\":\"Someone Else\",\"email\":\"victim@example.com\"}");
        assertEquals(502, r.statusCode(), r.body());
        assertTrue(r.body().contains("another user's profile"), r.body());
        assertFalse(r.body().contains("victim@example.com"), r.body());
        assertFalse(r.body().contains("u-someone-else"), r.body());
    }

    @Test
    void theirOwnProfileIsShown() throws Exception {
        HttpResponse<String> r = dashboardOf("u-8", "{\"id\":\"u-8\",\"displayName\":\"Ada\"}");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.body().contains("\"displayName\":\"Ada\""), r.body());
    }
}
