package io.gather.process;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import io.micronaut.core.annotation.Nullable;
import java.lang.management.ManagementFactory;

/** The JVM's flags that may be changed while it runs ("manageable"), as HotSpot's diagnostic bean gives them. */
interface VmFlags {
    /** The flag's value now, and whether it was chosen for this JVM: the command line, the environment, a file, ergonomics. */
    record Flag(long value, boolean chosen) {
    }

    /** The flag, or null where this JVM does not have it. */
    @Nullable
    Flag get(String name);

    /** Sets the flag; throws when the JVM refuses (not manageable, out of range, against another flag). */
    void set(String name, long value);

    /** This JVM's, or null where it has no HotSpot diagnostic bean (another JVM, a runtime without jdk.management). */
    @Nullable
    static VmFlags ofThisJvm() {
        HotSpotDiagnosticMXBean bean;
        try {
            bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        } catch (IllegalArgumentException | LinkageError e) {
            return null;
        }
        if (bean == null) {
            return null;
        }
        return new VmFlags() {
            @Override
            public Flag get(String name) {
                try {
                    VMOption option = bean.getVMOption(name);
                    // MANAGEMENT: set while the JVM runs, by an earlier context in this JVM (tests), not by its operator
                    VMOption.Origin origin = option.getOrigin();
                    boolean chosen = origin != VMOption.Origin.DEFAULT && origin != VMOption.Origin.MANAGEMENT;
                    return new Flag(Long.parseLong(option.getValue()), chosen);
                } catch (IllegalArgumentException e) {   // no such flag, or not a number
                    return null;
                }
            }

            @Override
            public void set(String name, long value) {
                bean.setVMOption(name, Long.toString(value));
            }
        };
    }
}
