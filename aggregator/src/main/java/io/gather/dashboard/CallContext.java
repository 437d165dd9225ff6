package io.gather.dashboard;

import io.micronaut.core.annotation.Nullable;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;

/**
 * One dashboard request as its section calls see it: the ids every downstream call carries ({@code X-Request-Id},
 * and W3C trace context: the request's trace id, its flags and {@code tracestate}, with a new parent id per call),
 * and where each section's outcome is noted as it settles, for the request's log line.
 *
 * <p>A call shared by several requests (coalesced, or a background refresh) carries the context of the request
 * that started it: its trace is the one that caused the call.
 *
 * <p>When a tracer carries the trace itself (a {@link TraceCarrier}: OpenTelemetry, when traces are exported), the
 * context names the tracer's trace, Gather writes no {@code traceparent} or {@code tracestate} of its own, and each
 * downstream call is made through the carrier ({@link #carried}).
 */
public final class CallContext {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String requestId;
    private final String traceId;
    private final String flags;
    @Nullable
    private final String tracestate;
    @Nullable
    private final TraceCarrier carrier;
    private final AtomicReferenceArray<SectionOutcome> outcomes = new AtomicReferenceArray<>(Sections.ALL.size());
    private final long startNanos;
    /** Bit i: section i of {@link Sections#ALL} was asked for by this request (selected, allowed or not). */
    private final AtomicInteger asked = new AtomicInteger();

    /**
     * @param traceId    32 lowercase hex digits, not all zero
     * @param flags      2 lowercase hex digits (the caller's, or {@code 00} for a trace Gather started)
     * @param tracestate the caller's {@code tracestate}, passed on as is; null when there was none (or it was invalid)
     */
    public CallContext(String requestId, String traceId, String flags, @Nullable String tracestate) {
        this(requestId, traceId, flags, tracestate, null, System.nanoTime());
    }

    private CallContext(String requestId, String traceId, String flags, @Nullable String tracestate,
                        @Nullable TraceCarrier carrier, long startNanos) {
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.traceId = Objects.requireNonNull(traceId, "traceId");
        this.flags = Objects.requireNonNull(flags, "flags");
        this.tracestate = tracestate;
        this.carrier = carrier;
        this.startNanos = startNanos;
    }

    /**
     * This request's context in a tracer's trace, which the tracer carries downstream: same request id and start,
     * the tracer's trace id and flags. For a request whose sections have not been asked for yet (its outcomes are
     * not copied).
     */
    public CallContext carriedBy(TraceCarrier carrier, String traceId, String flags, @Nullable String tracestate) {
        return new CallContext(requestId, traceId, flags, tracestate, Objects.requireNonNull(carrier, "carrier"), startNanos);
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

    /** The request's {@code tracestate} (the caller's, passed on as is), or null. */
    @Nullable
    public String tracestate() {
        return tracestate;
    }

    /** The tracer that carries this trace downstream, or null when Gather writes the trace fields itself. */
    @Nullable
    public TraceCarrier carrier() {
        return carrier;
    }

    /** When the request began ({@link System#nanoTime()}). */
    public long startNanos() {
        return startNanos;
    }

    /**
     * The {@code traceparent} Gather writes on one downstream call: this trace, a new parent id, the request's flags;
     * null when a {@link TraceCarrier} writes it.
     */
    @Nullable
    public String traceparent() {
        if (carrier != null) {
            return null;
        }
        return new StringBuilder(55).append("00-").append(traceId).append('-').append(randomHex(8))
            .append('-').append(flags).toString();
    }

    /** The {@code tracestate} Gather writes on a downstream call: the request's, or null when a carrier writes it. */
    @Nullable
    public String downstreamTracestate() {
        return carrier == null ? tracestate : null;
    }

    /**
     * A downstream call of this request, through the carrier if a tracer carries the trace. Without one the call is
     * made at once: its caller (the section stack's fetch stage) already defers it to subscription.
     */
    public <T> Mono<T> carried(Supplier<? extends Mono<T>> call) {
        return carrier == null ? call.get() : carrier.carry(call);
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
