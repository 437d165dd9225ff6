package io.gather.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.stubs.Behaviour;
import io.gather.stubs.Service;
import io.gather.testing.GatherHarness;
import io.gather.testing.RedisServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The OpenAPI document served on the management port ({@code /openapi/gather.yml}) says what Gather really does, and
 * cannot drift from it: both dashboard paths answer through the same components (nothing written twice), the
 * dashboard answer has an example of each view and of both streams, every problem answer has an example, and every
 * example in the document is replayed against a running Gather with the contract stubs (user u-42) and compared
 * with the real answer, field by field.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest {
    static final String[] PATHS = {"/api/v1/dashboard", "/api/v1/users/{userId}/dashboard"};
    static final String[] PROBLEM_STATUSES = {"400", "401", "403", "404", "412", "429", "502", "503", "504"};
    static final String NDJSON = "application/x-ndjson";
    static final String SSE = "text/event-stream";
    /** Members whose values differ from one request to the next: only their JSON type is compared. */
    static final Set<String> VOLATILE = Set.of("requestId", "ageSeconds", "tookMs");

    private final GatherHarness harness = new GatherHarness();
    private final Map<String, String> properties = properties(harness);
    private final EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(properties));
    private final JsonMapper json = server.getApplicationContext().getBean(JsonMapper.class);
    private final Map<String, Object> document;

    OpenApiDocumentTest() throws Exception {
        HttpResponse<String> r = harness.get(GatherHarness.management(properties), "/openapi/gather.yml", Map.of());
        assertEquals(200, r.statusCode(), r.body());
        document = yaml().load(r.body());
    }

    /**
     * The suite's properties, plus what the examples need: a recommendations cache that is stale at once (so a stale
     * section can be shown), and a tier of one request.
     */
    private static Map<String, String> properties(GatherHarness harness) {
        Map<String, String> p = new HashMap<>(harness.properties());
        p.put("gather.sections.recommendations.cache.enabled", "true");
        p.put("gather.sections.recommendations.cache.fresh", "1ms");
        p.put("gather.sections.recommendations.cache.refresh-after", "0s");
        p.put("gather.clients.tiny-app.tier", "tiny");
        p.put("gather.rate-limits.tiers.tiny.policies.burst.quota", "1");
        p.put("gather.rate-limits.tiers.tiny.policies.burst.window", "60s");
        p.put("gather.rate-limits.tiers.tiny.policies.burst.per", "user");
        return p;
    }

    @AfterAll
    void stop() {
        server.getApplicationContext().close();
        harness.close();
    }

    /** YAML as JSON would read it: dates and times stay strings, as they are in the answers. */
    private static Yaml yaml() {
        Resolver noTimestamps = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
                addImplicitResolver(Tag.INT, INT, "-+0123456789");
                addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
                addImplicitResolver(Tag.MERGE, MERGE, "<");
                addImplicitResolver(Tag.NULL, NULL, "~nN\0");
                addImplicitResolver(Tag.NULL, EMPTY, null);
            }
        };
        DumperOptions dumper = new DumperOptions();
        return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(dumper), dumper, noTimestamps);
    }

    // ---- the document's structure

    @SuppressWarnings("unchecked")
    private Map<String, Object> at(Object node, String... keys) {
        Object n = node;
        for (String k : keys) {
            n = resolve(((Map<String, Object>) n).get(k));
            if (n == null) {
                throw new AssertionError("no " + String.join("/", keys) + " in the document");
            }
        }
        return (Map<String, Object>) n;
    }

    /** A {@code $ref} inside the document, followed. */
    @SuppressWarnings("unchecked")
    private Object resolve(Object node) {
        if (node instanceof Map<?, ?> m && m.get("$ref") instanceof String ref) {
            assertTrue(ref.startsWith("#/"), ref);
            Object target = document;
            for (String k : ref.substring(2).split("/")) {
                target = ((Map<String, Object>) target).get(k);
                assertTrue(target != null, "dangling " + ref);
            }
            return resolve(target);
        }
        return node;
    }

    private Map<String, Object> operation(String path) {
        return at(document, "paths", path, "get");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> examples(Map<String, Object> response, String mediaType) {
        Map<String, Object> examples = at(response, "content", mediaType, "examples");
        Map<String, Object> resolved = new LinkedHashMap<>();
        examples.forEach((name, e) -> resolved.put(name, resolve(e)));
        return resolved;
    }

    @Test
    @SuppressWarnings("unchecked")
    void bothPathsAnswerThroughSharedComponentsAndTakeTheSameParameters() {
        for (String path : PATHS) {
            Map<String, Object> responses = (Map<String, Object>) operation(path).get("responses");
            for (String status : new String[] {"200", "304", "400", "401", "403", "404", "429", "502", "503", "504"}) {
                Object response = responses.get(status);
                assertTrue(response instanceof Map<?, ?> m && m.size() == 1 && m.containsKey("$ref"),
                    path + " " + status + " is a $ref to a shared response, not written out: " + response);
            }
            List<String> parameters = new ArrayList<>();
            for (Object p : (List<Object>) operation(path).get("parameters")) {
                parameters.add((String) ((Map<String, Object>) resolve(p)).get("name"));
            }
            assertTrue(parameters.containsAll(List.of("view", "sections", "If-None-Match", "X-Request-Id", "traceparent")),
                path + ": " + parameters);
        }
        assertEquals(((Map<String, Object>) operation(PATHS[0]).get("responses")).get("200"),
            ((Map<String, Object>) operation(PATHS[1]).get("responses")).get("200"));
        Map<String, Object> view = (Map<String, Object>) at(document, "components", "parameters", "View").get("schema");
        assertEquals(List.of("full", "compact"), view.get("enum"));
        Map<String, Object> sections = (Map<String, Object>) at(document, "components", "parameters", "Sections").get("schema");
        assertEquals(List.of("profile", "orders", "notifications", "recommendations"), ((Map<String, Object>) sections.get("items")).get("enum"));
    }

    @Test
    void theDashboardAnswerHasAnExampleOfEachViewAndOfBothStreams() {
        Map<String, Object> ok = resolved(operation(PATHS[0]), "200");
        Set<String> views = new TreeSet<>();
        for (Object e : examples(ok, "application/json").values()) {
            views.add(viewOf(e));
        }
        assertEquals(Set.of("full", "compact"), views, "the JSON examples show both views");
        assertFalse(examples(ok, NDJSON).isEmpty());
        assertFalse(examples(ok, SSE).isEmpty());
        assertTrue(examples(ok, NDJSON).values().stream().anyMatch(e -> String.valueOf(map(e).get("value")).contains("\"event\":\"error\"")),
            "the stream that ends with an error event");
        for (String header : new String[] {"ETag", "Cache-Control", "Vary", "Server-Timing", "X-Request-Id"}) {
            assertTrue(at(ok, "headers").containsKey(header), header);
        }
        Map<String, Object> notModified = resolved(operation(PATHS[0]), "304");
        assertFalse(notModified.containsKey("content"), "a 304 has no body");
        for (String header : new String[] {"ETag", "Cache-Control", "Vary", "Server-Timing", "X-Request-Id"}) {
            assertTrue(at(notModified, "headers").containsKey(header), "304: " + header);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object example) {
        return (Map<String, Object>) example;
    }

    /** Which view a dashboard example shows: the compact profile has no {@code id}. */
    @SuppressWarnings("unchecked")
    private String viewOf(Object example) {
        Map<String, Object> value = (Map<String, Object>) map(example).get("value");
        Map<String, Object> profile = (Map<String, Object>) value.get("profile");
        return profile == null ? "?" : profile.containsKey("id") ? "full" : "compact";
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolved(Map<String, Object> operation, String status) {
        return (Map<String, Object>) resolve(((Map<String, Object>) operation.get("responses")).get(status));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyProblemAnswerHasAnExampleWithItsStatus() {
        for (String path : PATHS) {
            for (String status : PROBLEM_STATUSES) {
                Map<String, Object> examples = examples(resolved(operation(path), status), "application/problem+json");
                assertFalse(examples.isEmpty(), path + " " + status);
                for (Object e : examples.values()) {
                    assertEquals(Integer.parseInt(status), ((Map<String, Object>) map(e).get("value")).get("status"), path + " " + status);
                }
            }
        }
        assertTrue(examples(resolved(operation(PATHS[0]), "400"), "application/problem+json").values().stream()
            .anyMatch(e -> "sections".equals(((Map<String, Object>) map(e).get("value")).get("parameter"))), "the 400 for an unknown section");
    }

    // ---- every example, replayed

    /** How Gather is brought to answer what an example shows. */
    @FunctionalInterface
    interface Scenario {
        HttpResponse<String> run() throws Exception;
    }

    private URI api() {
        return server.getURI();
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        return harness.get(api(), path, headers);
    }

    private Map<String, String> u42(String... more) {
        Map<String, String> h = new HashMap<>(Map.of("Authorization", "Bearer " + harness.token("u-42")));
        for (int i = 0; i < more.length; i += 2) {
            h.put(more[i], more[i + 1]);
        }
        return h;
    }

    /** With orders answering 503 (Retry-After: 2) and recommendations timing out after one good answer (stale). */
    private HttpResponse<String> degraded(String path, Map<String, String> headers) throws Exception {
        harness.stubs.reset(0);
        assertEquals(200, get("/api/v1/dashboard?sections=recommendations", u42()).statusCode()); // the stale entry
        harness.stubs.behave(Service.ORDERS, Behaviour.status(503, 2));
        harness.stubs.behave(Service.RECOMMENDATIONS, Behaviour.of(Behaviour.Kind.HANG));
        return get(path, headers);
    }

    private HttpResponse<String> profileFailing(Behaviour behaviour, Map<String, String> headers) throws Exception {
        harness.stubs.reset(0);
        harness.stubs.behave(Service.PROFILE, behaviour);
        for (Service other : new Service[] {Service.ORDERS, Service.NOTIFICATIONS, Service.RECOMMENDATIONS}) {
            harness.stubs.behave(other, Behaviour.slow(2000)); // the profile settles first: nothing comes before its error
        }
        return get("/api/v1/dashboard", headers);
    }

    private Map<String, Scenario> scenarios() {
        Map<String, Scenario> s = new LinkedHashMap<>();
        s.put("Full", () -> get("/api/v1/dashboard", u42()));
        s.put("Compact", () -> get("/api/v1/dashboard?view=compact", u42()));
        s.put("FullDegraded", () -> degraded("/api/v1/dashboard", u42()));
        s.put("CompactDegraded", () -> degraded("/api/v1/dashboard?view=compact", u42()));
        s.put("CompactSelection", () -> get("/api/v1/dashboard?view=compact&sections=profile,notifications", u42()));
        s.put("StreamNdjson", () -> get("/api/v1/dashboard?view=compact&sections=profile,orders", u42("Accept", NDJSON)));
        s.put("StreamSse", () -> degraded("/api/v1/dashboard?view=compact", u42("Accept", SSE)));
        s.put("StreamError", () -> profileFailing(Behaviour.status(503), u42("Accept", NDJSON)));
        s.put("UnknownSection", () -> get("/api/v1/dashboard?sections=profile,nope", u42()));
        s.put("UnknownView", () -> get("/api/v1/dashboard?view=tiny", u42()));
        s.put("Unauthorized", () -> get("/api/v1/dashboard", Map.of()));
        s.put("InsufficientScope", () -> get("/api/v1/dashboard",
            Map.of("Authorization", "Bearer " + harness.token("u-42", null, "profile:read"))));
        s.put("NotYourDashboard", () -> get("/api/v1/users/u-7/dashboard", u42()));
        s.put("UserNotFound", () -> harness.getAs(api(), "/api/v1/dashboard", "unknown-7"));
        s.put("PreconditionFailed", () -> get("/api/v1/dashboard", u42("If-Match", "\"v1\"")));
        s.put("QuotaExceeded", () -> {
            Map<String, String> tiny = Map.of("Authorization", "Bearer " + harness.token("u-42", "tiny-app", "dashboard"));
            assertEquals(200, get("/api/v1/dashboard", tiny).statusCode());
            return get("/api/v1/dashboard", tiny);
        });
        s.put("UpstreamFailed", () -> profileFailing(Behaviour.status(503), u42()));
        s.put("UpstreamTimeout", this::profileTimingOut);
        s.put("RateLimitUnavailable", this::redisDown);
        return s;
    }

    /** The profile service hanging, with the profile's timeout of application.yml (800 ms): its own Gather. */
    private HttpResponse<String> profileTimingOut() throws Exception {
        Map<String, Object> p = new HashMap<>(harness.properties());
        p.put("gather.sections.profile.timeout", "800ms");
        try (EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class, p)) {
            harness.stubs.behave(Service.PROFILE, Behaviour.of(Behaviour.Kind.HANG));
            return harness.getAs(other.getURI(), "/api/v1/dashboard", "u-42");
        }
    }

    /** Limits kept in Redis, failing closed, and Redis gone: its own Gather. */
    private HttpResponse<String> redisDown() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            Map<String, Object> p = new HashMap<>(harness.properties());
            p.put("gather.rate-limits.store", "redis");
            p.put("redis.uri", redis.uri());
            p.put("gather.rate-limits.redis-failure", "fail-closed");
            try (EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class, p)) {
                redis.stop();
                return harness.getAs(other.getURI(), "/api/v1/dashboard", "u-42");
            }
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyExampleIsWhatGatherAnswers() throws Exception {
        Map<String, Object> examples = at(document, "components", "examples");
        Map<String, Scenario> scenarios = scenarios();
        assertEquals(new TreeSet<>(scenarios.keySet()), new TreeSet<>(examples.keySet()),
            "each example needs a scenario here that replays it, and each scenario an example");
        List<String> differences = new ArrayList<>();
        for (Map.Entry<String, Scenario> e : scenarios.entrySet()) {
            String name = e.getKey();
            Object value = ((Map<String, Object>) examples.get(name)).get("value");
            HttpResponse<String> real;
            try {
                real = e.getValue().run();
            } finally {
                harness.stubs.reset(0);
            }
            compare(name, value, real, differences);
        }
        assertEquals(List.of(), differences, "examples that are not what Gather answers");
    }

    @SuppressWarnings("unchecked")
    private void compare(String name, Object example, HttpResponse<String> real, List<String> differences) throws Exception {
        String type = real.headers().firstValue("Content-Type").orElse("");
        if (example instanceof Map<?, ?> map) {
            Object status = map.get("status");
            int expected = map.containsKey("type") && status instanceof Integer code ? code : 200;
            if (real.statusCode() != expected) {
                differences.add(name + ": status " + real.statusCode() + ", not " + expected + ": " + real.body());
                return;
            }
            same(name, example, json.readValue(real.body(), Object.class), differences);
            return;
        }
        String text = (String) example;
        boolean sse = text.startsWith("event:");
        if (real.statusCode() != 200 || !type.equals(sse ? SSE : NDJSON)) {
            differences.add(name + ": " + real.statusCode() + " " + type + ", not a stream: " + real.body());
            return;
        }
        List<Map<String, Object>> documented = events(text, sse);
        List<Map<String, Object>> answered = events(real.body(), sse);
        Map<String, Object> byKey = new LinkedHashMap<>();
        answered.forEach(ev -> byKey.put(eventKey(ev), ev));
        Map<String, Object> documentedByKey = new LinkedHashMap<>();
        documented.forEach(ev -> documentedByKey.put(eventKey(ev), ev));
        if (!documentedByKey.keySet().equals(byKey.keySet())) {
            differences.add(name + ": events " + documentedByKey.keySet() + ", but Gather sent " + byKey.keySet());
            return;
        }
        if (!eventKey(documented.get(documented.size() - 1)).equals(eventKey(answered.get(answered.size() - 1)))) {
            differences.add(name + ": the last event differs");
        }
        for (Map.Entry<String, Object> ev : documentedByKey.entrySet()) {
            same(name + " " + ev.getKey(), ev.getValue(), byKey.get(ev.getKey()), differences);
        }
    }

    private static String eventKey(Map<String, Object> event) {
        Object section = event.get("section");
        return event.get("event") + (section == null ? "" : ":" + section);
    }

    /** A stream's events: NDJSON lines, or SSE blocks whose {@code event:} names the JSON object's {@code event}. */
    private List<Map<String, Object>> events(String body, boolean sse) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        if (!sse) {
            for (String line : body.split("\n")) {
                if (!line.isBlank()) {
                    out.add(json.readValue(line, Argument.mapOf(String.class, Object.class)));
                }
            }
            return out;
        }
        for (String block : body.split("\n\n")) {
            if (block.isBlank()) {
                continue;
            }
            String[] lines = block.strip().split("\n");
            assertEquals(2, lines.length, block);
            assertTrue(lines[0].startsWith("event: ") && lines[1].startsWith("data: "), block);
            Map<String, Object> event = json.readValue(lines[1].substring(6), Argument.mapOf(String.class, Object.class));
            assertEquals(lines[0].substring(7), event.get("event"), block);
            out.add(event);
        }
        return out;
    }

    /**
     * Whether an example's value is the real one: objects have the same members, {@code items} lists may be shortened
     * (a prefix, not empty unless the real one is), other lists are whole, scalars are equal, except the members
     * that vary from one request to the next ({@link #VOLATILE}: the same JSON type) and {@code desc}, whose numbers
     * (an age) may differ.
     */
    @SuppressWarnings("unchecked")
    private static void same(String where, Object example, Object real, List<String> differences) {
        if (example instanceof Map<?, ?> e) {
            if (!(real instanceof Map<?, ?> r)) {
                differences.add(where + ": an object, but Gather sent " + real);
                return;
            }
            if (!e.keySet().equals(r.keySet())) {
                differences.add(where + ": members " + new TreeSet<>((Set<String>) e.keySet()) + ", but Gather sent "
                    + new TreeSet<>((Set<String>) r.keySet()));
                return;
            }
            for (Object key : e.keySet()) {
                String k = (String) key;
                Object ev = e.get(k);
                Object rv = r.get(k);
                if (VOLATILE.contains(k)) {
                    if (ev == null || rv == null || (ev instanceof Number) != (rv instanceof Number)) {
                        differences.add(where + "." + k + ": " + ev + " and Gather's " + rv + " are not of one type");
                    }
                } else if (k.equals("desc") && ev instanceof String ed && rv instanceof String rd) {
                    if (!ed.replaceAll("\\d+", "N").equals(rd.replaceAll("\\d+", "N"))) {
                        differences.add(where + ".desc: " + ed + ", but Gather sent " + rd);
                    }
                } else if (k.equals("items") && ev instanceof List<?> el && rv instanceof List<?> rl) {
                    if (el.size() > rl.size() || (el.isEmpty() && !rl.isEmpty())) {
                        differences.add(where + ".items: " + el.size() + " items, Gather sent " + rl.size());
                    } else {
                        for (int i = 0; i < el.size(); i++) {
                            same(where + ".items[" + i + "]", el.get(i), rl.get(i), differences);
                        }
                    }
                } else {
                    same(where + "." + k, ev, rv, differences);
                }
            }
        } else if (example instanceof List<?> el) {
            if (!(real instanceof List<?> rl) || rl.size() != el.size()) {
                differences.add(where + ": " + el + ", but Gather sent " + real);
                return;
            }
            for (int i = 0; i < el.size(); i++) {
                same(where + "[" + i + "]", el.get(i), rl.get(i), differences);
            }
        } else if (example instanceof Number en && real instanceof Number rn) {
            if (Double.compare(en.doubleValue(), rn.doubleValue()) != 0) {
                differences.add(where + ": " + en + ", but Gather sent " + rn);
            }
        } else if (example == null ? real != null : !example.equals(real)) {
            differences.add(where + ": " + example + ", but Gather sent " + real);
        }
    }
}
