package io.gather.startup;

import io.micronaut.context.BeanContext;
import io.micronaut.context.annotation.ConfigurationReader;
import io.micronaut.context.annotation.Property;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.core.naming.NameUtils;
import io.micronaut.core.type.Argument;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code gather.*} keys as written, against the keys Gather's settings read. Micronaut ignores a key no
 * setting reads ({@code gather.dashbaord.deadline}, {@code gather.clients.acme.teir}: a partner then saw every
 * section), reads a boolean that is not {@code true} as false ({@code enabled: 1} turned a breaker off), and reads a
 * client's block name in lowercase with dashes, so {@code gather.clients.MobileApp} never matched a token's
 * {@code azp: MobileApp}. Each of these is a startup problem. Environment variables are only checked for booleans:
 * their names cannot be told from the placeholders {@code application.yml} reads ({@code GATHER_PORT}).
 */
final class SettingsKeys {
    private static final String GATHER = "gather.";
    private static final String CLIENTS = "gather.clients.";
    /** Micronaut also reads TRUE, yes and on as true, but a {@code @Requires(value = "true")} does not: only these two. */
    private static final Set<String> BOOLEANS = Set.of("true", "false");
    private static final Pattern INDEX = Pattern.compile("\\[[^\\]]*]");

    /** A key Gather reads, {@code *} for a name the user chooses; {@code open}: a map or list, read below it too. */
    private record Known(Pattern pattern, boolean open, boolean bool) {
    }

    private SettingsKeys() {
    }

    static List<String> problems(BeanContext context, Environment environment) {
        Collection<Known> known = known(context);
        List<String> problems = new ArrayList<>();
        for (PropertySource source : environment.getPropertySources()) {
            boolean env = EnvironmentPropertySource.NAME.equals(source.getName());
            for (String key : source) {
                if (env) {
                    checkEnvBoolean(key, source.get(key), problems);
                } else if (key.startsWith(GATHER)) {
                    check(key, source.get(key), known, problems);
                }
            }
        }
        return problems;
    }

    private static void check(String key, Object value, Collection<Known> known, List<String> problems) {
        String[] segments = INDEX.matcher(key).replaceAll("").split("\\.");
        if (key.startsWith(CLIENTS) && segments.length > 2 && !segments[2].equals(NameUtils.hyphenate(segments[2]))) {
            problems.add(CLIENTS + segments[2] + ": a client's block name is read in lowercase with dashes ("
                + NameUtils.hyphenate(segments[2]) + "), so it would not match a token's \"" + segments[2] + "\"; name the block "
                + NameUtils.hyphenate(segments[2]) + " and set its client-id: " + segments[2]);
            return;
        }
        StringBuilder normal = new StringBuilder();
        for (String segment : segments) {
            normal.append(normal.length() == 0 ? "" : ".").append(NameUtils.hyphenate(segment));
        }
        String name = normal.toString();
        Known match = null;
        for (Known k : known) {
            if (k.pattern().matcher(name).matches()) {
                match = k;
                break;
            }
        }
        if (match == null) {
            problems.add(key + " is not a setting" + (key.startsWith(CLIENTS)
                ? " (client-id, tier, sections; a client id with dots: name the block without them and set client-id)" : ""));
        } else if (match.bool() && !(value instanceof Boolean) && !BOOLEANS.contains(String.valueOf(value).strip())) {
            problems.add(key + " must be true or false, not \"" + value + "\"");
        }
    }

    /** {@code GATHER_..._ENABLED}: the booleans Gather documents as environment variables. */
    private static void checkEnvBoolean(String key, Object value, List<String> problems) {
        if (key.startsWith("GATHER_") && key.endsWith("_ENABLED") && !BOOLEANS.contains(String.valueOf(value).strip())) {
            problems.add(key + " must be true or false, not \"" + value + "\"");
        }
    }

    /** Every key Gather's settings classes read, from their bean definitions (the setters Micronaut injects). */
    private static Collection<Known> known(BeanContext context) {
        Map<String, Known> known = new LinkedHashMap<>();
        for (BeanDefinition<?> d : context.getBeanDefinitions(Qualifiers.byStereotype(ConfigurationReader.class))) {
            if (!d.getBeanType().getName().startsWith("io.gather.")) {
                continue;
            }
            d.getInjectedMethods().forEach(method -> {
                for (Argument<?> argument : method.getArguments()) {
                    argument.getAnnotationMetadata().stringValue(Property.class, "name").filter(n -> n.startsWith(GATHER)).ifPresent(name -> {
                        Class<?> type = argument.getType();
                        boolean open = Map.class.isAssignableFrom(type) || Collection.class.isAssignableFrom(type);
                        String regex = Pattern.quote(name).replace("*", "\\E[^.]+\\Q") + (open ? "(\\..+)?" : "");
                        known.put(name, new Known(Pattern.compile(regex), open, type == boolean.class || type == Boolean.class));
                    });
                }
            });
        }
        return known.values();
    }
}
