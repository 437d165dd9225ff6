package io.gather.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;

/** Reading a dashboard answer in tests: its JSON body, and one section's status in it. */
public final class Answers {
    private Answers() {
    }

    public static Map<String, Object> body(JsonMapper json, HttpResponse<String> r) throws IOException {
        return json.readValue(r.body(), Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> section(Map<String, Object> body, String name) {
        return (Map<String, Object>) ((Map<String, Object>) body.get("sections")).get(name);
    }
}
