package io.gather.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.exceptions.ConfigurationException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeapGrowthTest {
    /** A JVM's two flags, refusing like HotSpot does any step that would leave min above max. */
    static class FakeFlags implements VmFlags {
        final Map<String, Flag> flags = new HashMap<>();

        FakeFlags(long min, long max, boolean chosen) {
            flags.put(HeapGrowth.MIN, new Flag(min, chosen));
            flags.put(HeapGrowth.MAX, new Flag(max, chosen));
        }

        @Override
        public Flag get(String name) {
            return flags.get(name);
        }

        @Override
        public void set(String name, long value) {
            long min = name.equals(HeapGrowth.MIN) ? value : flags.get(HeapGrowth.MIN).value();
            long max = name.equals(HeapGrowth.MAX) ? value : flags.get(HeapGrowth.MAX).value();
            if (min > max) {
                throw new IllegalArgumentException(name + " " + value + " would put min above max");
            }
            flags.put(name, new Flag(value, false));
        }

        long value(String name) {
            return flags.get(name).value();
        }
    }

    private static HeapSettings settings(int min, int max) {
        HeapSettings s = new HeapSettings();
        s.setMinFreePercent(min);
        s.setMaxFreePercent(max);
        s.check();
        return s;
    }

    @Test
    void theJvmsDefaultsAreRaisedToTheSettings() {
        FakeFlags flags = new FakeFlags(40, 70, false);
        HeapGrowth growth = new HeapGrowth(settings(80, 90), flags);
        assertEquals(HeapGrowth.Outcome.SET, growth.outcome());
        assertEquals(80, flags.value(HeapGrowth.MIN));
        assertEquals(90, flags.value(HeapGrowth.MAX));
    }

    @Test
    void lowerRatiosAreSetInTheOrderTheJvmTakes() {
        FakeFlags flags = new FakeFlags(40, 70, false);
        assertEquals(HeapGrowth.Outcome.SET, new HeapGrowth(settings(10, 20), flags).outcome());
        assertEquals(10, flags.value(HeapGrowth.MIN));
        assertEquals(20, flags.value(HeapGrowth.MAX));
    }

    @Test
    void flagsGivenToTheJvmAreLeftAsGiven() {
        FakeFlags flags = new FakeFlags(20, 30, true);
        assertEquals(HeapGrowth.Outcome.CHOSEN_BY_OPERATOR, new HeapGrowth(settings(80, 90), flags).outcome());
        assertEquals(20, flags.value(HeapGrowth.MIN));
        assertEquals(30, flags.value(HeapGrowth.MAX));
    }

    @Test
    void zeroLeavesTheJvmsOwn() {
        FakeFlags flags = new FakeFlags(40, 70, false);
        assertEquals(HeapGrowth.Outcome.OFF, new HeapGrowth(settings(0, 90), flags).outcome());
        assertEquals(40, flags.value(HeapGrowth.MIN));
    }

    @Test
    void aJvmWithoutTheFlagsOrThatRefusesThemStillStarts() {
        assertEquals(HeapGrowth.Outcome.NOT_THIS_JVM, new HeapGrowth(settings(80, 90), null).outcome());
        VmFlags refusing = new FakeFlags(40, 70, false) {
            @Override
            public void set(String name, long value) {
                throw new IllegalArgumentException("not writeable");
            }
        };
        assertEquals(HeapGrowth.Outcome.REFUSED, new HeapGrowth(settings(80, 90), refusing).outcome());
    }

    @Test
    void thisJvmTakesTheRatiosAsHotSpotDoes() {
        VmFlags jvm = VmFlags.ofThisJvm();
        assertNotNull(jvm, "HotSpot (JDK 17 and 25 here) has the diagnostic bean");
        VmFlags.Flag min = jvm.get(HeapGrowth.MIN);
        VmFlags.Flag max = jvm.get(HeapGrowth.MAX);
        assertNotNull(min);
        assertNotNull(max);
        try {
            // the surefire JVM's own values, set again: manageable flags, the JVM takes them while it runs
            jvm.set(HeapGrowth.MAX, max.value());
            jvm.set(HeapGrowth.MIN, min.value());
            assertEquals(min.value(), jvm.get(HeapGrowth.MIN).value());
            assertFalse(jvm.get(HeapGrowth.MIN).chosen(), "set while the JVM runs (an earlier context): not an operator's choice");
            assertThrows(IllegalArgumentException.class, () -> jvm.set(HeapGrowth.MIN, max.value() + 1),
                "HotSpot keeps min <= max");
        } finally {
            jvm.set(HeapGrowth.MIN, min.value());
        }
        assertTrue(jvm.get("NoSuchFlagInAnyJvm") == null);
    }

    @Test
    void badSettingsStopStartupNamingTheKey() {
        HeapSettings s = new HeapSettings();
        s.setMinFreePercent(96);
        var e = assertThrows(ConfigurationException.class, s::check);
        assertTrue(e.getMessage().contains("gather.heap.min-free-percent"), e.getMessage());
        s.setMinFreePercent(80);
        s.setMaxFreePercent(70);
        e = assertThrows(ConfigurationException.class, s::check);
        assertTrue(e.getMessage().contains("gather.heap.max-free-percent"), e.getMessage());
    }
}
