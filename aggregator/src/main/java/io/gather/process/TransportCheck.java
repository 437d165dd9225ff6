package io.gather.process;

import io.gather.startup.SettingsProblems;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.env.Environment;
import io.micronaut.core.type.Argument;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks at startup the transports the event loops may take, in order of preference: known names only, and one
 * list for the loops that serve connections and the loop that accepts them, since Netty cannot hand a connection
 * accepted over one transport to a loop of another (Micronaut would fail at bind with "incompatible event loop").
 */
@Context
final class TransportCheck {
    static final String SERVING = "micronaut.netty.event-loops.default.transport";
    static final String ACCEPTING = "micronaut.server.netty.parent.transport";
    static final List<String> KNOWN = List.of("io_uring", "epoll", "kqueue", "nio");

    TransportCheck(Environment environment) {
        SettingsProblems.stopIfAny(problems(listed(environment, SERVING), listed(environment, ACCEPTING)));
    }

    static List<String> problems(List<String> serving, List<String> accepting) {
        List<String> problems = new ArrayList<>();
        unknown(SERVING, serving, problems);
        unknown(ACCEPTING, accepting, problems);
        if (!serving.equals(accepting)) {
            problems.add(ACCEPTING + " must list what " + SERVING + " does (" + String.join(",", serving) + "), not "
                + String.join(",", accepting) + " (env GATHER_TRANSPORT sets both)");
        }
        return problems;
    }

    private static void unknown(String key, List<String> listed, List<String> problems) {
        for (String name : listed) {
            if (!KNOWN.contains(name)) {
                problems.add(key + " must name transports among " + String.join(", ", KNOWN) + ", not \"" + name
                    + "\" (env GATHER_TRANSPORT)");
            }
        }
    }

    /** Micronaut's own default for both is Java's NIO alone. */
    private static List<String> listed(Environment environment, String key) {
        return environment.getProperty(key, Argument.listOf(String.class)).filter(l -> !l.isEmpty()).orElse(List.of("nio"));
    }
}
