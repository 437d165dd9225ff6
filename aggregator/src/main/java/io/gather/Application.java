package io.gather;

import io.gather.startup.GatherLauncher;

/** Starts Gather. Configuration: application.yml, overridden by system properties and environment variables. */
public final class Application {
    /**
     * io_uring's completion queue per event loop, unless given with {@code -D}: Netty's 4096 overflowed (a WARN line
     * each time, the kernel holding the rest) when 2048 callers hung up at once; 16384 entries are 256 KiB a loop.
     * Read once, when Netty's io_uring classes load, so it is set before anything starts.
     */
    static final String IO_URING_COMPLETIONS = "io.netty.iouring.cqSize";

    private Application() {
    }

    public static void main(String[] args) {
        if (System.getProperty(IO_URING_COMPLETIONS) == null) {
            System.setProperty(IO_URING_COMPLETIONS, "16384");
        }
        GatherLauncher.build(args).banner(false).start();
    }
}
