package io.gather.startup;

import io.micronaut.context.exceptions.ConfigurationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration problems a startup failure stands for, each naming its key: the lines of Gather's own
 * {@link ConfigurationException}s ({@code "  - key must ..."}), and Micronaut's "unable to convert" for a value
 * of the wrong type, rewritten as one line. Empty when the failure is not about configuration.
 */
public final class SettingsProblems {
    private static final Pattern CONVERSION = Pattern.compile(
        "Error resolving property value \\[([^\\]]+)]\\. Unable to convert value \\[([^\\]]*)] to target type \\[([^\\]]+)]"
            + "(?: due to: ([^\\n]*))?");
    private static final String ITEM = "\n  - ";

    private SettingsProblems() {
    }

    static List<String> of(Throwable failure) {
        Set<String> problems = new LinkedHashSet<>();
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            String message = t.getMessage() == null ? "" : t.getMessage();
            Matcher conversion = CONVERSION.matcher(message);
            if (conversion.find()) {
                String expected = expected(conversion.group(3));
                // the converter's own reason only where the type's name is all there is to go on
                String reason = expected.equals(conversion.group(3)) && conversion.group(4) != null ? " (" + conversion.group(4).strip() + ")" : "";
                problems.add(conversion.group(1) + " must be " + expected + ", not \"" + conversion.group(2) + "\"" + reason);
            } else if (t instanceof ConfigurationException && !(t.getCause() instanceof ConfigurationException)) {
                int first = message.indexOf(ITEM);
                if (first < 0) {
                    problems.add(message.strip());
                } else {
                    for (String line : message.substring(first + ITEM.length()).split(Pattern.quote(ITEM))) {
                        problems.add(line.strip());
                    }
                }
            }
        }
        return new ArrayList<>(problems);
    }

    /** {@code Duration} -> "a duration (1500ms, 2s, PT1.5S)", {@code int} -> "a whole number", else the type's name. */
    private static String expected(String type) {
        return switch (type) {
            case "Duration" -> "a duration (1500ms, 2s, PT1.5S)";
            case "int", "long", "Integer", "Long" -> "a whole number";
            case "double", "Double", "float", "Float" -> "a number";
            case "boolean", "Boolean" -> "true or false";
            default -> type;
        };
    }

    /**
     * Stops startup with {@code problems}, if any, in the one form {@link SettingsCheck} gathers them from: each
     * settings class checks its own keys and hands its list here.
     */
    public static void stopIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new ConfigurationException(message(problems));
        }
    }

    static String message(List<String> problems) {
        return "Gather's configuration is not usable:" + ITEM + String.join(ITEM, problems);
    }
}
