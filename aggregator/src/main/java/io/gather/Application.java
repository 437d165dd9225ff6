package io.gather;

import io.gather.startup.GatherLauncher;

/** Starts Gather. Configuration: application.yml, overridden by system properties and environment variables. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        GatherLauncher.build(args).banner(false).start();
    }
}
