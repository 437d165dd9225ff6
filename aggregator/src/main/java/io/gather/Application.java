package io.gather;

import io.micronaut.runtime.Micronaut;

/** Starts Gather. Configuration: application.yml, overridden by system properties and environment variables. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.build(args).banner(false).start();
    }
}
