package io.gather.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A tiny OTLP/HTTP trace receiver on a free loopback port: it answers every {@code POST /v1/traces} with 200 and keeps
 * the spans it was sent, decoded from the protobuf body just far enough for tests (ids, parent, name, kind). Plays
 * the collector Gather exports to.
 */
public final class OtlpReceiver implements AutoCloseable {
    public static final String PATH = "/v1/traces";
    /** OTLP's {@code SpanKind}: {@code SPAN_KIND_SERVER}, {@code SPAN_KIND_CLIENT}. */
    public static final int SERVER = 2;
    public static final int CLIENT = 3;

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();
    private final AtomicInteger posts = new AtomicInteger();

    /** One span as exported: ids in lowercase hex, parent empty for a root span. */
    public record Span(String traceId, String spanId, String parentSpanId, String name, int kind) {
    }

    private OtlpReceiver(HttpServer server) {
        this.server = server;
    }

    public static OtlpReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            OtlpReceiver receiver = new OtlpReceiver(server);
            server.createContext("/", exchange -> {
                try (exchange; InputStream in = exchange.getRequestBody()) {
                    byte[] body = in.readAllBytes();
                    if ("POST".equals(exchange.getRequestMethod()) && PATH.equals(exchange.getRequestURI().getPath())) {
                        receiver.posts.incrementAndGet();
                        receiver.spans.addAll(decode(body));
                        exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                        exchange.sendResponseHeaders(200, -1);
                    } else {
                        exchange.sendResponseHeaders(404, -1);
                    }
                }
            });
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL to give an OTLP/HTTP exporter ({@code /v1/traces} is appended by it). */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Trace exports received so far (POSTs to {@value #PATH}). */
    public int posts() {
        return posts.get();
    }

    public List<Span> spans() {
        return List.copyOf(spans);
    }

    /**
     * The spans received once {@code done} holds for them, waiting at most {@code limit} (an exporter sends in
     * batches, on its own schedule); fails if it never does.
     */
    public List<Span> await(Predicate<List<Span>> done, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            List<Span> now = spans();
            if (done.test(now)) {
                return now;
            }
            if (System.nanoTime() > end) {
                throw new AssertionError("no such spans within " + limit + "; received: " + now);
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1; }
    // ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2; }
    // ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2; }
    // Span { bytes trace_id = 1; bytes span_id = 2; string trace_state = 3; bytes parent_span_id = 4; string name = 5;
    //        SpanKind kind = 6; ... }
    static List<Span> decode(byte[] request) {
        List<Span> out = new ArrayList<>();
        for (ByteBuffer resourceSpans : fields(ByteBuffer.wrap(request), 1)) {
            for (ByteBuffer scopeSpans : fields(resourceSpans, 2)) {
                for (ByteBuffer span : fields(scopeSpans, 2)) {
                    out.add(span(span));
                }
            }
        }
        return out;
    }

    private static Span span(ByteBuffer b) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        int kind = 0;
        while (b.hasRemaining()) {
            long tag = varint(b);
            int field = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            if (wire == 2) {
                byte[] v = new byte[(int) varint(b)];
                b.get(v);
                switch (field) {
                    case 1 -> traceId = HexFormat.of().formatHex(v);
                    case 2 -> spanId = HexFormat.of().formatHex(v);
                    case 4 -> parent = HexFormat.of().formatHex(v);
                    case 5 -> name = new String(v, StandardCharsets.UTF_8);
                    default -> { }
                }
            } else if (wire == 0) {
                long v = varint(b);
                if (field == 6) {
                    kind = (int) v;
                }
            } else {
                skip(b, wire);
            }
        }
        return new Span(traceId, spanId, parent, name, kind);
    }

    /** The length-delimited values of field {@code number} in a message, in order. */
    private static List<ByteBuffer> fields(ByteBuffer message, int number) {
        List<ByteBuffer> out = new ArrayList<>();
        ByteBuffer b = message.slice().order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            long tag = varint(b);
            int wire = (int) (tag & 7);
            if (wire == 2) {
                int length = (int) varint(b);
                ByteBuffer value = b.slice(b.position(), length);
                b.position(b.position() + length);
                if ((tag >>> 3) == number) {
                    out.add(value);
                }
            } else {
                skip(b, wire);
            }
        }
        return out;
    }

    private static void skip(ByteBuffer b, int wire) {
        switch (wire) {
            case 0 -> varint(b);
            case 1 -> b.position(b.position() + 8);
            case 5 -> b.position(b.position() + 4);
            default -> throw new IllegalArgumentException("unexpected protobuf wire type " + wire);
        }
    }

    private static long varint(ByteBuffer b) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte next = b.get();
            value |= (long) (next & 0x7f) << shift;
            if (next >= 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("malformed varint");
    }
}
