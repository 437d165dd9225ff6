package io.gather.observe;

import java.time.Duration;

/** The latency histogram buckets of Gather's timers: from 10 ms (a cached or local answer) to 2 s (past any deadline). */
final class Buckets {
    static final Duration[] LATENCY = {
        Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(75), Duration.ofMillis(100),
        Duration.ofMillis(150), Duration.ofMillis(200), Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofMillis(750),
        Duration.ofMillis(1000), Duration.ofMillis(1500), Duration.ofMillis(2000)};

    private Buckets() {
    }
}
