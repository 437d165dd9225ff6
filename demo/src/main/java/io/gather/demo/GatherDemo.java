package io.gather.demo;

import io.gather.Application;
import io.gather.stubs.ContractStubs;
import io.gather.stubs.DevTokens;
import io.gather.stubs.Service;
import io.micronaut.context.ApplicationContext;
import io.gather.startup.GatherLauncher;
import io.micronaut.runtime.server.EmbeddedServer;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Gather with its contract stubs in one process: the stubs on free loopback ports with the contract's
 * typical latencies, Gather on {@code GATHER_PORT} (8080 by default) pointed at them with a fresh random
 * HS256 secret, and a token plus a curl line to paste. Stops on Ctrl-C / SIGTERM.
 */
public final class GatherDemo {
    static final String ISSUER = "https://auth.gather.demo";
    static final String AUDIENCE = "gather-dashboard";
    static final String USER = "u-42";
    /** The demo's token is issued to this client ({@code azp}), with {@code scope: dashboard}. */
    static final String CLIENT = "gather-demo";

    private GatherDemo() {
    }

    public static void main(String[] args) {
        ContractStubs stubs = ContractStubs.start();
        Runtime.getRuntime().addShutdownHook(new Thread(stubs::close, "demo-stubs-shutdown"));
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String secret = HexFormat.of().formatHex(random);

        Map<String, Object> props = new HashMap<>(stubs.serviceUrlProperties());
        props.put("micronaut.security.token.jwt.signatures.secret.generator.secret", secret);
        props.put("micronaut.security.token.jwt.claims-validators.issuer", ISSUER);
        props.put("micronaut.security.token.jwt.claims-validators.audience", AUDIENCE);
        props.put("gather.access-log.format", "text"); // for people: one line per request, not JSON
        ApplicationContext context = GatherLauncher.build(args).mainClass(Application.class).banner(false).properties(props).start();
        String base = "http://127.0.0.1:" + context.getBean(EmbeddedServer.class).getPort();
        String management = "http://127.0.0.1:" + context.getProperty("endpoints.all.port", Integer.class).orElse(8081);
        String token = new DevTokens(secret, ISSUER, AUDIENCE).mint(USER, Duration.ofHours(8), CLIENT, DevTokens.DASHBOARD_SCOPE);

        StringBuilder out = new StringBuilder("\nGather is running at ").append(base).append(" with its contract stubs:\n");
        for (Service s : Service.values()) {
            out.append(String.format("  %-16s %s  (%d ms)%n", s.id(), stubs.url(s), stubs.service(s).latencyMs()));
        }
        out.append("\nA token for user ").append(USER).append(", client ").append(CLIENT)
            .append(", scope dashboard (valid 8 hours, this run only):\n  ").append(token).append("\n\n")
            .append("Your dashboard:\n  curl -s -H 'Authorization: Bearer ").append(token).append("' ").append(base).append("/api/v1/dashboard\n\n")
            .append("The compact view of some sections: the same with '").append(base).append("/api/v1/dashboard?view=compact&sections=profile,orders'\n")
            .append("As a stream, one event per section as it settles (or Accept: text/event-stream):\n")
            .append("  curl -sN -H 'Accept: application/x-ndjson' -H 'Authorization: Bearer ").append(token).append("' ")
            .append(base).append("/api/v1/dashboard\n\n")
            .append("Make a service misbehave, then ask again (normal, slow:2000, hang, refuse, reset, 503:retry-after=2, html, ...):\n")
            .append("  curl -s -X POST '").append(stubs.url(Service.ORDERS)).append("/__stub/behaviour?set=hang'\n\n")
            .append("Operators (management port; GATHER_MANAGEMENT_PORT for another):\n")
            .append("  curl -s ").append(management).append("/health/readiness\n")
            .append("  curl -s ").append(management).append("/prometheus | grep ^gather_\n")
            .append("  curl -s ").append(management).append("/openapi/gather.yml\n")
            .append("Each request is logged below as one line (gather.access).\n\n")
            .append("Stop with Ctrl-C.\n");
        System.out.println(out);
    }
}
