package io.gather.process;

import io.gather.startup.SettingsProblems;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gather.heap.*}: how much of the heap a full collection leaves free (README, "Startup, warm-up and memory").
 * The JVM's defaults (40 % and 70 %) keep a heap about the size of what survives a full collection: ~150 MB here, the
 * section caches, with a young generation of ~120 MB that the dashboards in flight at the peak overflow, and then the
 * collector takes a third of the core. Checked at startup: a bad value stops Gather with a message that names the key.
 */
@Context
@ConfigurationProperties("gather.heap")
public class HeapSettings {
    /** Default {@code min-free-percent}: {@value}. */
    public static final int DEFAULT_MIN_FREE_PERCENT = 80;
    /** Default {@code max-free-percent}: {@value}. */
    public static final int DEFAULT_MAX_FREE_PERCENT = 90;

    private int minFreePercent = DEFAULT_MIN_FREE_PERCENT;
    private int maxFreePercent = DEFAULT_MAX_FREE_PERCENT;

    /**
     * After a full collection the heap grows (up to {@code -Xmx}) until this share of it is free: the JVM's
     * {@code MinHeapFreeRatio}, set at startup unless given on the command line. 0: the JVM's own (40).
     */
    public int getMinFreePercent() {
        return minFreePercent;
    }

    public void setMinFreePercent(int minFreePercent) {
        this.minFreePercent = minFreePercent;
    }

    /** The heap shrinks after a collection only while more than this share of it is free: {@code MaxHeapFreeRatio}. */
    public int getMaxFreePercent() {
        return maxFreePercent;
    }

    public void setMaxFreePercent(int maxFreePercent) {
        this.maxFreePercent = maxFreePercent;
    }

    /** Whether Gather sets the heap's free ratios at all. */
    public boolean inForce() {
        return minFreePercent > 0;
    }

    @PostConstruct
    void check() {
        List<String> problems = new ArrayList<>();
        if (minFreePercent < 0 || minFreePercent > 95) {
            problems.add("gather.heap.min-free-percent must be 0..95 (0: the JVM's own), not " + minFreePercent);
        }
        if (maxFreePercent < Math.max(minFreePercent, 1) || maxFreePercent > 100) {
            problems.add("gather.heap.max-free-percent must be min-free-percent (" + minFreePercent + ")..100, not "
                + maxFreePercent);
        }
        SettingsProblems.stopIfAny(problems);
    }
}
