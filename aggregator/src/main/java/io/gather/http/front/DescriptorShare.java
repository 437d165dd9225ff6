package io.gather.http.front;

import java.lang.management.ManagementFactory;

/**
 * The open connections one listening port may hold, within the process's open-files limit. Past that limit the
 * kernel refuses {@code accept}: Netty logs an exception a second and stops accepting for that second, so callers
 * hang instead of getting the 503 that {@link ConnectionLimit} answers, and the downstreams' pools cannot open a
 * connection either. The front takes at most half the limit; the rest is for the downstreams, Redis and files.
 */
final class DescriptorShare {
    private DescriptorShare() {
    }

    /** {@code configured}, or half of {@code openFilesLimit} if that is less (an unknown limit, 0 or less, keeps it). */
    static int maxConnections(int configured, long openFilesLimit) {
        if (openFilesLimit <= 0) {
            return configured;
        }
        return (int) Math.max(1, Math.min(configured, openFilesLimit / 2));
    }

    /** The process's open-files limit (the JVM raises the soft limit to the hard one at start), or -1 if unknown. */
    static long openFilesLimit() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getMaxFileDescriptorCount();
        }
        return -1;
    }
}
