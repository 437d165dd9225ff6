package io.gather.startup;

import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Micronaut's launcher, telling a configuration problem as the one message {@link SettingsCheck} made. Micronaut
 * logs a startup failure with its whole chain of causes, each repeating the message, and a stack trace of its own
 * bean context: three copies of the list an operator needs, in 40 lines. Any other failure is Micronaut's to tell.
 */
public final class GatherLauncher extends Micronaut {
    private static final Logger LOG = LoggerFactory.getLogger(GatherLauncher.class);

    private GatherLauncher() {
    }

    /** {@link Micronaut#build(String...)}, with configuration problems told in one message. */
    public static Micronaut build(String... args) {
        return new GatherLauncher().args(args);
    }

    @Override
    protected void handleStartupException(Environment environment, Throwable exception) {
        List<String> problems = SettingsProblems.of(exception);
        if (problems.isEmpty() || environment.getActiveNames().contains(Environment.TEST)) {
            super.handleStartupException(environment, exception);
            return;
        }
        LOG.error("{}", SettingsProblems.message(problems));
        System.exit(1);
    }
}
