package io.gather.stubs;

import java.util.EnumMap;
import java.util.Map;

/**
 * The four downstream services, started together on loopback. Port base 0 picks free ports (tests and
 * the demo); otherwise service {@code i} listens on {@code portBase + i} in {@link Service} order.
 */
public final class ContractStubs implements AutoCloseable {
    public static final String LOOPBACK = "127.0.0.1";

    private final Map<Service, ServiceStub> stubs = new EnumMap<>(Service.class);

    private ContractStubs(String host, int portBase, Map<Service, Integer> latencies) {
        try {
            for (Service s : Service.values()) {
                int port = portBase == 0 ? 0 : portBase + s.ordinal();
                stubs.put(s, new ServiceStub(s, host, port, latencies.getOrDefault(s, s.defaultLatencyMs())));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** All four on free loopback ports, with the contract's typical latencies. */
    public static ContractStubs start() {
        return new ContractStubs(LOOPBACK, 0, Map.of());
    }

    /** All four on free loopback ports, answering at once: for tests. */
    public static ContractStubs startInstant() {
        Map<Service, Integer> zero = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            zero.put(s, 0);
        }
        return new ContractStubs(LOOPBACK, 0, zero);
    }

    public static ContractStubs start(String host, int portBase, Map<Service, Integer> latencies) {
        return new ContractStubs(host, portBase, latencies);
    }

    public ServiceStub service(Service service) {
        return stubs.get(service);
    }

    public String url(Service service) {
        return stubs.get(service).url();
    }

    public ContractStubs behave(Service service, Behaviour behaviour) {
        stubs.get(service).behave(behaviour);
        return this;
    }

    /** Every service back to normal, with the given latency and the contract's own bodies. */
    public void reset(int latencyMs) {
        for (ServiceStub stub : stubs.values()) {
            stub.behave(Behaviour.normal());
            stub.latencyMs(latencyMs);
            stub.edit(java.util.function.UnaryOperator.identity());
        }
    }

    /** Micronaut's keys for the four service URLs, ready to pass to Gather. */
    public Map<String, String> serviceUrlProperties() {
        Map<String, String> props = new java.util.LinkedHashMap<>();
        for (Service s : Service.values()) {
            props.put("micronaut.http.services." + s.id() + ".url", url(s));
        }
        return props;
    }

    @Override
    public void close() {
        for (ServiceStub stub : stubs.values()) {
            stub.close();
        }
    }
}
