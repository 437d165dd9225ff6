package io.gather.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.stubs.Behaviour;
import io.gather.stubs.Service;
import io.gather.testing.HarnessBacked;
import io.gather.testing.RawHttp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * HTTP caching of the dashboard (RFC 9110 §13, RFC 9111): a complete answer has a weak ETag computed from its body
 * alone, {@code Cache-Control: private, max-age}, and {@code Vary}; {@code If-None-Match} gives a 304 with the same
 * fields and no body; a degraded answer is {@code no-store} with no ETag. Section caches are on, as in production,
 * so that live and cached sections alternate without changing the tag.
 */
@MicronautTest
class ConditionalRequestsTest extends HarnessBacked {
    private static final String DASHBOARD = "/api/v1/dashboard";

    @Inject EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = harness.properties();
        p.put("gather.sections.orders.cache.enabled", "true");
        p.put("gather.sections.profile.cache.enabled", "true");
        return p;
    }

    private HttpResponse<String> get(String user, String query, String ifNoneMatch) throws Exception {
        Map<String, String> headers = ifNoneMatch == null
            ? Map.of("Authorization", "Bearer " + harness.token(user))
            : Map.of("Authorization", "Bearer " + harness.token(user), "If-None-Match", ifNoneMatch);
        return harness.get(server.getURI(), DASHBOARD + query, headers);
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void aCompleteAnswerHasAWeakETagAndMayBeKeptBriefly() throws Exception {
        HttpResponse<String> r = get("u-42", "", null);
        assertEquals(200, r.statusCode());
        assertTrue(header(r, "ETag").matches("W/\"[A-Za-z0-9_-]{22}\""), header(r, "ETag"));
        assertEquals("private, max-age=5", header(r, "Cache-Control"));
        assertEquals("Authorization, Accept, Accept-Encoding", header(r, "Vary"));
        assertTrue(header(r, "Server-Timing").matches(
            "profile;dur=\\d+\\.\\d;desc=\"(live|cached \\d+s)\", orders;dur=[^,]+, notifications;dur=[^,]+, "
                + "recommendations;dur=[^,]+, total;dur=\\d+\\.\\d"), header(r, "Server-Timing"));
        assertFalse(r.body().contains("tookMs") || r.body().contains("ageSeconds"), r.body());
    }

    @Test
    void ifNoneMatchWithTheCurrentTagIs304WithTheSameFieldsAndNoBody() throws Exception {
        HttpResponse<String> first = get("u-42", "?view=compact", null);
        String etag = header(first, "ETag");
        RawHttp.Answer a = new RawHttp(server.getPort()).send("GET " + DASHBOARD + "?view=compact HTTP/1.1\r\nHost: localhost\r\n"
            + "Authorization: Bearer " + harness.token("u-42") + "\r\nIf-None-Match: " + etag + "\r\n\r\n").only();
        assertEquals(304, a.status());
        assertEquals(etag, a.header("etag"));
        assertEquals("private, max-age=5", a.header("cache-control"));
        assertEquals("Authorization, Accept, Accept-Encoding", a.header("vary"));
        assertNotNull(a.header("date"));
        assertNotNull(a.header("server-timing"));
        assertNotNull(a.header("x-request-id"));
        assertNotNull(a.header("ratelimit-policy"));
        assertNull(a.header("content-length"), "a 304 may only carry the 200's length, or none");
        assertEquals("", a.body());
    }

    @Test
    void ifNoneMatchUsesTheWeakComparisonAndLists() throws Exception {
        String etag = header(get("u-42", "", null), "ETag");
        String opaque = etag.substring(2);
        for (String field : new String[] {etag, opaque, "\"x\", " + etag, "W/\"x\",W/\"y\" ,  " + opaque, "*"}) {
            assertEquals(304, get("u-42", "", field).statusCode(), field);
        }
        for (String field : new String[] {"W/\"x\"", "\"" + opaque.substring(2), "W/" + opaque.substring(0, 10) + "\"", "garbage, " + etag,
            etag + "x", etag + " x", "*, " + etag}) {
            assertEquals(200, get("u-42", "", field).statusCode(), field);
        }
    }

    @Test
    void theTagDependsOnTheViewAndTheSelection() throws Exception {
        String full = header(get("u-42", "", null), "ETag");
        String compact = header(get("u-42", "?view=compact", null), "ETag");
        String some = header(get("u-42", "?sections=orders", null), "ETag");
        assertNotEquals(full, compact);
        assertNotEquals(full, some);
        assertEquals(200, get("u-42", "?view=compact", full).statusCode());
    }

    @Test
    void aChangedDownstreamValueChangesTheTag() throws Exception {
        // notifications has no section cache here, so the next request sees the new value
        String before = header(get("u-43", "?sections=notifications", null), "ETag");
        assertEquals(304, get("u-43", "?sections=notifications", before).statusCode());
        harness.stubs.service(Service.NOTIFICATIONS).edit(body -> body.replaceFirst("\"unreadCount\":\\d+", "\"unreadCount\":99"));
        HttpResponse<String> changed = get("u-43", "?sections=notifications", before);
        assertEquals(200, changed.statusCode(), "the old tag no longer matches");
        assertTrue(changed.body().contains("\"unreadCount\":99"), changed.body());
        String after = header(changed, "ETag");
        assertNotEquals(before, after);
        assertEquals(304, get("u-43", "?sections=notifications", after).statusCode());
    }

    @Test
    void liveAndCachedSectionsGiveTheSameTag() throws Exception {
        HttpResponse<String> live = get("u-44", "", null);
        HttpResponse<String> cached = get("u-44", "", null);
        assertTrue(header(live, "Server-Timing").startsWith("profile;dur=") && header(live, "Server-Timing").contains("desc=\"live\""));
        assertTrue(header(cached, "Server-Timing").contains("profile;dur=0.0;desc=\"cached 0s\"")
            || header(cached, "Server-Timing").contains("desc=\"cached"), header(cached, "Server-Timing"));
        assertEquals(header(live, "ETag"), header(cached, "ETag"));
        assertEquals(live.body(), cached.body());
    }

    @Test
    void aDegradedAnswerIsNoStoreWithoutATagAndIsNeverA304() throws Exception {
        harness.stubs.behave(Service.RECOMMENDATIONS, Behaviour.status(503));
        HttpResponse<String> r = get("u-42", "", null);
        assertEquals(200, r.statusCode());
        assertEquals("private, no-store", header(r, "Cache-Control"));
        assertNull(header(r, "ETag"));
        assertEquals("Authorization, Accept, Accept-Encoding", header(r, "Vary"));
        assertTrue(header(r, "Server-Timing").contains("recommendations;dur="));
        assertTrue(header(r, "Server-Timing").contains("desc=\"missing error-status\""), header(r, "Server-Timing"));
        assertEquals(200, get("u-42", "", "*").statusCode());
    }

    private HttpResponse<String> getIfMatch(String query, String ifMatch, String ifNoneMatch, String accept) throws Exception {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("Authorization", "Bearer " + harness.token("u-46"), "If-Match", ifMatch));
        if (ifNoneMatch != null) {
            headers.put("If-None-Match", ifNoneMatch);
        }
        if (accept != null) {
            headers.put("Accept", accept);
        }
        return harness.get(server.getURI(), DASHBOARD + query, headers);
    }

    private static void assertPreconditionFailed(HttpResponse<String> r, String ifMatch) {
        assertEquals(412, r.statusCode(), ifMatch);
        assertEquals("application/problem+json", header(r, "Content-Type"));
        assertTrue(r.body().contains("\"type\":\"https://gather.dev/problems/precondition-failed\""), r.body());
        assertTrue(r.body().contains("\"status\":412"), r.body());
        assertNull(header(r, "ETag"));
    }

    @Test
    void ifMatchComparesStronglySoNoWeakTagEverMatches() throws Exception {
        // RFC 9110 section 13.1.1: If-Match uses the strong comparison, and every tag of Gather's is weak
        String etag = header(get("u-46", "", null), "ETag");
        for (String field : new String[] {"\"nope\"", etag, etag.substring(2), "\"x\", " + etag, "garbage"}) {
            assertPreconditionFailed(getIfMatch("", field, null, null), field);
        }
        assertPreconditionFailed(getIfMatch("", "\"x\"", null, "application/x-ndjson"), "a stream has no tag to match either");
    }

    @Test
    void ifMatchStarHoldsWheneverThereIsAnAnswer() throws Exception {
        HttpResponse<String> r = getIfMatch("", "*", null, null);
        assertEquals(200, r.statusCode());
        assertNotNull(header(r, "ETag"));
        assertEquals(304, getIfMatch("", "*", header(r, "ETag"), null).statusCode(), "then If-None-Match is evaluated");
        harness.stubs.behave(Service.RECOMMENDATIONS, Behaviour.status(503));
        assertEquals(200, getIfMatch("", "*", null, null).statusCode(), "a degraded answer is a current representation too");
    }

    @Test
    void ifMatchIsEvaluatedBeforeIfNoneMatch() throws Exception {
        String etag = header(get("u-46", "", null), "ETag");
        assertPreconditionFailed(getIfMatch("", "\"nope\"", etag, null), "If-None-Match would have been a 304");
    }

    @Test
    void aDegradedAnswerFailsIfMatchWithATag() throws Exception {
        harness.stubs.behave(Service.RECOMMENDATIONS, Behaviour.status(503));
        assertPreconditionFailed(getIfMatch("", "\"nope\"", null, null), "no tag at all");
    }

    @Test
    void ifMatchDoesNotHideAProblemTheAnswerWouldHaveBeen() throws Exception {
        // RFC 9110 section 13.2.1: preconditions are ignored when the answer without them is not a 2xx
        Map<String, String> headers = Map.of("Authorization", "Bearer " + harness.token("unknown-46"), "If-Match", "\"nope\"");
        assertEquals(404, harness.get(server.getURI(), DASHBOARD, headers).statusCode());
        assertEquals(401, harness.get(server.getURI(), DASHBOARD, Map.of("If-Match", "\"nope\"")).statusCode());
    }

    @Test
    void twoSeparatelyStartedInstancesGiveTheSameTagForTheSameData() throws Exception {
        String here = header(get("u-45", "", null), "ETag");
        String hereCompact = header(get("u-45", "?view=compact", null), "ETag");
        try (EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class, new java.util.HashMap<String, Object>(harness.properties()))) {
            HttpResponse<String> there = harness.get(other.getURI(), DASHBOARD, Map.of("Authorization", "Bearer " + harness.token("u-45")));
            assertEquals(here, header(there, "ETag"));
            HttpResponse<String> thereCompact = harness.get(other.getURI(), DASHBOARD + "?view=compact",
                Map.of("Authorization", "Bearer " + harness.token("u-45"), "If-None-Match", hereCompact));
            assertEquals(304, thereCompact.statusCode(), "a tag from one instance revalidates on another");
        }
    }
}
