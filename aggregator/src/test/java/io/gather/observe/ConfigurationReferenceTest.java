package io.gather.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.dashboard.Sections;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/configuration.md cannot drift from the code: every {@code gather.*} key the code binds (Micronaut's
 * configuration metadata of every {@code @ConfigurationProperties} and {@code @EachProperty} class) and every one
 * {@code application.yml} sets is documented, and every documented key is one the code binds.
 */
class ConfigurationReferenceTest {
    static final Path REFERENCE = Path.of("../docs/configuration.md");
    private static final Pattern ROW_KEY = Pattern.compile("^\\| `(gather\\.[^`]+)` \\|", Pattern.MULTILINE);

    /** A key with every name a user chooses (section, client, tier, policy) as {@code *}. */
    static String shape(String key) {
        String k = key.replaceAll("<[^>]+>", "*");
        for (String s : Sections.ids()) {
            k = k.replace("gather.sections." + s + ".", "gather.sections.*.");
        }
        k = k.replaceAll("^gather\\.clients\\.[^.]+\\.", "gather.clients.*.");
        k = k.replaceAll("^gather\\.rate-limits\\.tiers\\.[^.]+\\.policies\\.[^.]+\\.", "gather.rate-limits.tiers.*.policies.*.");
        return k;
    }

    static TreeSet<String> documented() throws Exception {
        TreeSet<String> keys = new TreeSet<>();
        Matcher m = ROW_KEY.matcher(Files.readString(REFERENCE));
        while (m.find()) {
            keys.add(shape(m.group(1)));
        }
        return keys;
    }

    static TreeSet<String> bound() throws Exception {
        TreeSet<String> keys = new TreeSet<>();
        JsonMapper json = JsonMapper.createDefault();
        for (URL url : Collections.list(getClass0().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = url.openStream()) {
                Map<String, Object> metadata = json.readValue(in.readAllBytes(), Argument.mapOf(String.class, Object.class));
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> properties = (List<Map<String, Object>>) metadata.getOrDefault("properties", List.of());
                for (Map<String, Object> p : properties) {
                    String name = (String) p.get("name");
                    if (name.startsWith("gather.")) {
                        keys.add(name);
                    }
                }
            }
        }
        return keys;
    }

    private static Class<?> getClass0() {
        return ConfigurationReferenceTest.class;
    }

    static TreeSet<String> inApplicationYml() throws Exception {
        TreeSet<String> keys = new TreeSet<>();
        try (InputStream in = getClass0().getClassLoader().getResourceAsStream("application.yml")) {
            Map<String, Object> yml = new Yaml().load(in);
            flatten("", yml, keys);
        }
        TreeSet<String> gather = new TreeSet<>();
        for (String k : keys) {
            if (k.startsWith("gather.")) {
                gather.add(shape(k));
            }
        }
        return gather;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> map, TreeSet<String> into) {
        map.forEach((k, v) -> {
            String key = prefix.isEmpty() ? k : prefix + "." + k;
            if (v instanceof Map<?, ?> nested) {
                flatten(key, (Map<String, Object>) nested, into);
            } else {
                into.add(key);
            }
        });
    }

    /** A documented key covers a bound one when they are the same, or the bound one is a map the key is inside of. */
    private static boolean covers(String documented, String bound) {
        return documented.equals(bound) || documented.startsWith(bound + ".");
    }

    @Test
    void everyKeyTheCodeBindsIsDocumented() throws Exception {
        TreeSet<String> bound = bound();
        assertTrue(bound.size() > 25, "the metadata of both modules was found: " + bound);
        TreeSet<String> documented = documented();
        List<String> missing = new ArrayList<>();
        for (String b : bound) {
            if (documented.stream().noneMatch(d -> covers(d, b))) {
                missing.add(b);
            }
        }
        assertEquals(List.of(), missing, "keys missing from " + REFERENCE);
    }

    @Test
    void everyKeyOfApplicationYmlIsDocumented() throws Exception {
        TreeSet<String> documented = documented();
        List<String> missing = new ArrayList<>();
        for (String k : inApplicationYml()) {
            if (!documented.contains(k)) {
                missing.add(k);
            }
        }
        assertEquals(List.of(), missing, "keys of application.yml missing from " + REFERENCE);
    }

    @Test
    void everyDocumentedKeyIsOneTheCodeBinds() throws Exception {
        TreeSet<String> bound = bound();
        List<String> unknown = new ArrayList<>();
        for (String d : documented()) {
            if (bound.stream().noneMatch(b -> covers(d, b))) {
                unknown.add(d);
            }
        }
        assertEquals(List.of(), unknown, "documented keys no code binds");
    }
}
