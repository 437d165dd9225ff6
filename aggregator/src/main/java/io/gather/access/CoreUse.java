package io.gather.access;

import io.micronaut.core.annotation.Nullable;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * The CPU time this process has used, all its threads together (event loops, collector, JIT), for the share of its
 * cores it keeps busy. Read from the JVM's {@code com.sun.management} bean: one clock read, no file to parse.
 */
@FunctionalInterface
interface CoreUse {
    /** CPU nanoseconds used by the process so far. */
    long cpuNanos();

    /**
     * This JVM's, or null where the JVM does not tell, as in a runtime without {@code jdk.management} (then the limit
     * never rises above max-concurrent).
     */
    @Nullable
    static CoreUse ofThisProcess() {
        try {
            OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.OperatingSystemMXBean process && process.getProcessCpuTime() >= 0) {
                return process::getProcessCpuTime;
            }
        } catch (LinkageError e) {
            // no com.sun.management in this runtime
        }
        return null;
    }
}
