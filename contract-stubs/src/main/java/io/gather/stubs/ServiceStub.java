package io.gather.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * One downstream service on its own loopback port. Its behaviour and latency can change at any time;
 * {@link Behaviour.Kind#REFUSE} stops the server so that connections are refused, and any other
 * behaviour starts it again on the same port.
 */
public final class ServiceStub implements AutoCloseable {
    /** Jetty threads per service; responses are asynchronous, so delays do not hold them. */
    static final int CONTAINER_THREADS = 32;
    static final int ASYNC_THREADS = 8;

    private final Service service;
    private final String host;
    private volatile Behaviour behaviour = Behaviour.normal();
    private volatile int latencyMs;
    private volatile UnaryOperator<String> edit = UnaryOperator.identity();
    private final AtomicLong calls = new AtomicLong();
    static final int RECENT = 1000;
    private final ArrayDeque<Seen> recent = new ArrayDeque<>();
    private WireMockServer server;
    private int port;

    ServiceStub(Service service, String host, int port, int latencyMs) {
        this.service = service;
        this.host = host;
        this.latencyMs = latencyMs;
        this.port = port;
        start();
    }

    private synchronized void start() {
        server = new WireMockServer(options()
            .bindAddress(host)
            .port(port)
            .containerThreads(CONTAINER_THREADS)
            .jettyAcceptors(1)
            .asynchronousResponseEnabled(true)
            .asynchronousResponseThreads(ASYNC_THREADS)
            .disableRequestJournal()
            .gzipDisabled(true)
            .notifier(new ConsoleNotifier(false))
            .extensions(new ContractResponder(this)));
        server.start();
        // One catch-all mapping: the responder routes by the contract itself.
        server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)));
        port = server.port();
    }

    /** Contract calls answered since start (control calls excluded): lets a test show a call was never made. */
    public long calls() {
        return calls.get();
    }

    void counted(String requestId, String traceparent, String tracestate, int traceparentFields) {
        calls.incrementAndGet();
        synchronized (recent) {
            if (recent.size() == RECENT) {
                recent.removeFirst();
            }
            recent.addLast(new Seen(requestId, traceparent, tracestate, traceparentFields));
        }
    }

    /** The trace fields of the last {@value #RECENT} contract calls, oldest first: shows what reached the service. */
    public List<Seen> recent() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    /**
     * What one contract call carried ({@code null} for a field it did not have; the first, if it had several), and
     * how many {@code traceparent} fields it had (W3C allows one: a second would mean two tracers disagree).
     */
    public record Seen(String requestId, String traceparent, String tracestate, int traceparentFields) {
    }

    /**
     * Changes the contract's bodies from now on (identity: as the contract data has them), so a test can show what a
     * changed downstream value does; {@link ContractStubs#reset} undoes it.
     */
    public void edit(UnaryOperator<String> edit) {
        this.edit = edit;
    }

    String edited(String body) {
        return edit.apply(body);
    }

    public Service service() {
        return service;
    }

    public Behaviour behaviour() {
        return behaviour;
    }

    public int latencyMs() {
        return latencyMs;
    }

    public void latencyMs(int latencyMs) {
        if (latencyMs < 0 || latencyMs > ContractResponder.HANG_MS) {
            throw new IllegalArgumentException("latency must be between 0 and " + ContractResponder.HANG_MS + " ms");
        }
        this.latencyMs = latencyMs;
    }

    public synchronized void behave(Behaviour next) {
        behaviour = next;
        boolean refuse = next.kind() == Behaviour.Kind.REFUSE;
        if (refuse && server.isRunning()) {
            server.stop();
        } else if (!refuse && !server.isRunning()) {
            start();
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://" + host + ":" + port;
    }

    @Override
    public synchronized void close() {
        if (server.isRunning()) {
            server.stop();
        }
    }
}
