package io.gather.stubs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the contract stubs standalone until SIGTERM, or prints a development token.
 *
 * <pre>
 * java -jar contract-stubs.jar [--host 127.0.0.1] [--port-base 9101] [--latency orders=80]... [--behave orders=hang]...
 * java -jar contract-stubs.jar token --sub u-42 --secret S --issuer I --audience A [--ttl-seconds 3600]
 *     [--client gather-demo] [--scope "dashboard"]
 * </pre>
 * {@code --port-base 0} picks free ports. A running stub's behaviour can also be changed over HTTP:
 * {@code curl -X POST 'http://127.0.0.1:9102/__stub/behaviour?set=503:retry-after=2'}.
 */
public final class ContractStubsMain {
    private ContractStubsMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        try {
            if (args.length > 0 && args[0].equals("token")) {
                token(args);
                return;
            }
            serve(args);
        } catch (IllegalArgumentException e) {
            System.err.println("contract-stubs: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void serve(String[] args) throws InterruptedException {
        String host = ContractStubs.LOOPBACK;
        int portBase = 9101;
        Map<Service, Integer> latencies = new EnumMap<>(Service.class);
        List<String[]> behaviours = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--host" -> host = required(args[i], value);
                case "--port-base" -> portBase = Integer.parseInt(required(args[i], value));
                case "--latency" -> {
                    String[] kv = pair(args[i], value);
                    latencies.put(Service.of(kv[0]), Integer.parseInt(kv[1]));
                }
                case "--behave" -> behaviours.add(pair(args[i], value));
                case "-h", "--help" -> {
                    System.out.println("usage: java -jar contract-stubs.jar [--host H] [--port-base N|0] "
                        + "[--latency SERVICE=MS]... [--behave SERVICE=SPEC]... | token --sub U --secret S --issuer I --audience A "
                        + "[--ttl-seconds N] [--client AZP] [--scope 'dashboard']");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        ContractStubs stubs = ContractStubs.start(host, portBase, latencies);
        for (String[] b : behaviours) {
            stubs.behave(Service.of(b[0]), Behaviour.parse(b[1]));
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stubs.close();
            stopped.countDown();
        }, "contract-stubs-shutdown"));
        for (Service s : Service.values()) {
            ServiceStub stub = stubs.service(s);
            System.out.printf("%-16s %s  latency=%dms behaviour=%s%n", s.id(), stub.url(), stub.latencyMs(), stub.behaviour());
        }
        System.out.println("contract stubs ready; stop with Ctrl-C or SIGTERM");
        stopped.await();
    }

    private static void token(String[] args) {
        String sub = null, secret = null, issuer = null, audience = null, client = null, scope = DevTokens.DASHBOARD_SCOPE;
        long ttl = 3600;
        for (int i = 1; i < args.length; i += 2) {
            String value = required(args[i], i + 1 < args.length ? args[i + 1] : null);
            switch (args[i]) {
                case "--sub" -> sub = value;
                case "--secret" -> secret = value;
                case "--issuer" -> issuer = value;
                case "--audience" -> audience = value;
                case "--ttl-seconds" -> ttl = Long.parseLong(value);
                case "--client" -> client = value;
                case "--scope" -> scope = value.isBlank() ? null : value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (sub == null || secret == null || issuer == null || audience == null) {
            throw new IllegalArgumentException("token needs --sub, --secret, --issuer and --audience");
        }
        System.out.println(new DevTokens(secret, issuer, audience).mint(sub, Duration.ofSeconds(ttl), client, scope));
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    private static String[] pair(String option, String value) {
        String[] kv = required(option, value).split("=", 2);
        if (kv.length != 2) {
            throw new IllegalArgumentException(option + " takes SERVICE=VALUE");
        }
        return kv;
    }
}
