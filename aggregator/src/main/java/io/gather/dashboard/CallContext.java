package io.gather.dashboard;

import io.micronaut.core.annotation.Nullable;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One dashboard request as its section calls see it: the ids every downstream call carries ({@code X-Request-Id},
 * and W3C trace context: the request's trace id, its flags and {@code tracestate}, with a new parent id per call),
 * and where each section's outcome is noted as it settles, for the request's log line.
 *
 * <p>A call shared by several requests (coalesced, or a background refresh) carries the context of the request
 * that started it: its trace is the one that caused the call.
 */
public final class CallContext {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String requestId;
    private final String traceId;
    private final String flags;
    @Nullable
    private final String tracestate;
    private final AtomicReferenceArray<SectionOutcome> outcomes = new AtomicReferenceArray<>(Sections.ALL.size());
    private final long startNanos = System.nanoTime();
    /** Bit i: section i of {@link Sections#ALL} was asked for by this request (selected, allowed or not). */
    private final AtomicInteger asked = new AtomicInteger();

    /**
     * @param traceId    32 lowercase hex digits, not all zero
     * @param flags      2 lowercase hex digits (the caller's, or {@code 00} for a trace Gather started)
     * @param tracestate the caller's {@code tracestate}, passed on as is; null when there was none (or it was invalid)
     */
    public CallContext(String requestId, String traceId, String flags, @Nullable String tracestate) {
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.traceId = Objects.requireNonNull(traceId, "traceId");
        this.flags = Objects.requireNonNull(flags, "flags");
        this.tracestate = tracestate;
    }

    /** A context that starts a new trace: for a request without (valid) trace context, and for tests. */
    public static CallContext newTrace(String requestId) {
        return new CallContext(requestId, randomHex(16), "00", null);
    }

    public String requestId() {
        return requestId;
    }

    public String traceId() {
        return traceId;
    }

    public String flags() {
        return flags;
    }

    @Nullable
    public String tracestate() {
        return tracestate;
    }

    /** When the request began ({@link System#nanoTime()}). */
    public long startNanos() {
        return startNanos;
    }

    /** The {@code traceparent} of one downstream call: this trace, a new parent id, the request's flags. */
    public String traceparent() {
        return new StringBuilder(55).append("00-").append(traceId).append('-').append(randomHex(8))
            .append('-').append(flags).toString();
    }

    /** Notes that this request asks for {@code section} (it is selected): it will settle, or be cancelled. */
    public void ask(Section<?> section) {
        int index = section.index();
        if (index >= 0 && index < Integer.SIZE) {
            asked.getAndUpdate(mask -> mask | (1 << index));
        }
    }

    /** Whether this request asked for {@code section} (false before the fan-out, and for a section not selected). */
    public boolean asked(Section<?> section) {
        int index = section.index();
        return index >= 0 && index < Integer.SIZE && (asked.get() & (1 << index)) != 0;
    }

    /** Notes how a section of this request settled (the last note wins; a cancelled section has none). */
    public void note(Section<?> section, SectionOutcome outcome) {
        int index = section.index();
        if (index >= 0) {
            outcomes.set(index, outcome);
        }
    }

    /** How {@code section} settled for this request, or null if it has not (not yet, or cancelled). */
    @Nullable
    public SectionOutcome outcome(Section<?> section) {
        int index = section.index();
        return index < 0 ? null : outcomes.get(index);
    }

    /** {@code bytes} random bytes as lowercase hex, never all zero (W3C forbids an all-zero id). */
    static String randomHex(int bytes) {
        char[] out = new char[bytes * 2];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long word = 0;
        for (int i = 0; i < bytes; i++) {
            if (i % 8 == 0) {
                word = random.nextLong();
            }
            int b = (int) (word & 0xff);
            word >>>= 8;
            out[2 * i] = HEX[b >>> 4];
            out[2 * i + 1] = HEX[b & 0xf];
        }
        if (out[out.length - 1] == '0' && new String(out).chars().allMatch(c -> c == '0')) {
            out[out.length - 1] = '1';
        }
        return new String(out);
    }

    /**
     * How one section of this request settled, as the outermost stage saw it.
     *
     * @param result what it came to (never null)
     * @param nanos  how long this request waited for it
     */
    public record SectionOutcome(SectionResult<?> result, long nanos) {
        public SectionOutcome {
            Objects.requireNonNull(result, "result");
        }
    }
}
