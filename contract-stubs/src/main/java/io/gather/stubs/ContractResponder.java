package io.gather.stubs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers every request to one stub service: routes it by the contract, validates its parameters,
 * builds the body from {@link ContractData}, then applies the service's current {@link Behaviour}.
 * Also serves {@code /__stub/behaviour}, so that a running stub can be told to misbehave over HTTP.
 */
final class ContractResponder implements ResponseDefinitionTransformerV2 {
    static final String CONTROL_PATH = "/__stub/behaviour";
    /** A hang lasts longer than any client deadline; WireMock schedules it without holding a thread. */
    static final int HANG_MS = 3_600_000;
    static final int HUGE_BODY_BYTES = 5 * 1024 * 1024;
    private static final String USER = "([A-Za-z0-9_-]{1,64})";
    private static final Pattern PROFILE = Pattern.compile("/users/" + USER);
    private static final Pattern ORDERS = Pattern.compile("/users/" + USER + "/orders");
    private static final Pattern NOTIFICATIONS = Pattern.compile("/users/" + USER + "/notifications");
    private static final Pattern RECOMMENDATIONS = Pattern.compile("/users/" + USER + "/recommendations");
    private static final String[] ECHOED = {"X-Request-Id", "traceparent", "tracestate"};

    private final ServiceStub stub;

    ContractResponder(ServiceStub stub) {
        this.stub = stub;
    }

    @Override
    public String getName() {
        return "contract-" + stub.service().id();
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        LoggedRequest request = event.getRequest();
        String url = request.getUrl();
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        if (path.equals(CONTROL_PATH)) {
            return control(request);
        }
        stub.counted(header(request, "X-Request-Id"), header(request, "traceparent"), header(request, "tracestate"),
            fields(request, "traceparent"));
        ResponseDefinitionBuilder answer = answer(request, path);
        for (String name : ECHOED) {
            if (request.containsHeader(name)) {
                answer.withHeader(name, request.getHeader(name));
            }
        }
        return answer.build();
    }

    private static String header(LoggedRequest request, String name) {
        return request.containsHeader(name) ? request.getHeader(name) : null;
    }

    /** How many field lines named {@code name} the request had (a list in one line counts its members). */
    private static int fields(LoggedRequest request, String name) {
        return request.containsHeader(name) ? request.getHeaders().getHeader(name).values().size() : 0;
    }

    private ResponseDefinitionBuilder answer(LoggedRequest request, String path) {
        if (!RequestMethod.GET.equals(request.getMethod())) {
            return error(405, "method not allowed").withHeader("Allow", "GET");
        }
        Matcher m = route(path);
        if (m == null) {
            return error(404, "no such resource");
        }
        String userId = m.group(1);
        String body;
        try {
            body = stub.edited(body(userId, request));
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
        if (!ContractData.exists(userId)) {
            return error(404, "user not found");
        }
        return behave(body);
    }

    private Matcher route(String path) {
        Pattern p = switch (stub.service()) {
            case PROFILE -> PROFILE;
            case ORDERS -> ORDERS;
            case NOTIFICATIONS -> NOTIFICATIONS;
            case RECOMMENDATIONS -> RECOMMENDATIONS;
        };
        Matcher m = p.matcher(path);
        return m.matches() ? m : null;
    }

    private String body(String userId, LoggedRequest request) {
        return switch (stub.service()) {
            case PROFILE -> ContractData.profile(userId);
            case ORDERS -> ContractData.orders(userId, limit(request));
            case NOTIFICATIONS -> ContractData.notifications(userId, unread(request), limit(request));
            case RECOMMENDATIONS -> ContractData.recommendations(userId, limit(request));
        };
    }

    /** {@code limit} is required, an integer from 1 to 50, as the contract says. */
    private static int limit(LoggedRequest request) {
        QueryParameter p = request.queryParameter("limit");
        if (!p.isPresent() || !p.firstValue().matches("\\d{1,3}")) {
            throw new IllegalArgumentException("limit must be an integer from 1 to 50");
        }
        int limit = Integer.parseInt(p.firstValue());
        if (limit < 1 || limit > 50) {
            throw new IllegalArgumentException("limit must be an integer from 1 to 50");
        }
        return limit;
    }

    private static boolean unread(LoggedRequest request) {
        QueryParameter p = request.queryParameter("unread");
        if (!p.isPresent()) {
            return false;
        }
        return switch (p.firstValue()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("unread must be true or false");
        };
    }

    private ResponseDefinitionBuilder behave(String body) {
        Behaviour b = stub.behaviour();
        int latency = stub.latencyMs();
        ResponseDefinitionBuilder ok = aResponse().withStatus(200).withHeader("Content-Type", "application/json");
        return switch (b.kind()) {
            case NORMAL -> ok.withBody(body).withFixedDelay(latency);
            case SLOW -> ok.withBody(body).withFixedDelay(b.delayMs());
            case HANG -> ok.withBody(body).withFixedDelay(HANG_MS);
            // REFUSE closes the port; a request that still gets through is cut off.
            case RESET, REFUSE -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).withFixedDelay(latency);
            case RESET_MID_BODY -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK).withFixedDelay(latency);
            case STATUS -> {
                ResponseDefinitionBuilder r = error(b.status(), "injected failure").withFixedDelay(latency);
                yield b.retryAfterSeconds() >= 0 ? r.withHeader("Retry-After", Integer.toString(b.retryAfterSeconds())) : r;
            }
            case HTML -> aResponse().withStatus(200).withHeader("Content-Type", "text/html; charset=utf-8")
                .withBody("<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1>"
                    + "<p>The proxy server received an invalid response from an upstream server.</p></body></html>")
                .withFixedDelay(latency);
            case TRUNCATED_JSON -> ok.withBody(body.substring(0, body.length() / 2)).withFixedDelay(latency);
            case HUGE_BODY -> ok.withBody(huge(body)).withFixedDelay(latency);
            case EMPTY_BODY -> ok.withBody("").withFixedDelay(latency);
        };
    }

    /** The same valid JSON, padded with an extra field to several megabytes. */
    private static String huge(String body) {
        StringBuilder b = new StringBuilder(HUGE_BODY_BYTES + body.length() + 32);
        b.append(body, 0, body.length() - 1).append(",\"padding\":\"");
        b.append("x".repeat(HUGE_BODY_BYTES));
        return b.append("\"}").toString();
    }

    private static ResponseDefinitionBuilder error(int status, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
            .withBody("{\"error\":\"" + message + "\",\"status\":" + status + "}");
    }

    /** GET shows the behaviour; POST {@code ?set=SPEC} and/or {@code ?latency=MS} changes it. */
    private ResponseDefinition control(LoggedRequest request) {
        if (RequestMethod.POST.equals(request.getMethod())) {
            try {
                QueryParameter set = request.queryParameter("set");
                QueryParameter latency = request.queryParameter("latency");
                if (latency.isPresent()) {
                    stub.latencyMs(Integer.parseInt(latency.firstValue()));
                }
                if (set.isPresent()) {
                    Behaviour next = Behaviour.parse(set.firstValue());
                    if (next.kind() == Behaviour.Kind.REFUSE) {
                        // Stopping the server waits for this very request: do it once it is answered.
                        Thread stopper = new Thread(() -> stub.behave(next), "stub-refuse-" + stub.service().id());
                        stopper.setDaemon(true);
                        stopper.start();
                        return aResponse().withStatus(202).withHeader("Content-Type", "application/json")
                            .withBody("{\"service\":\"" + stub.service().id() + "\",\"behaviour\":\"refuse\"}").build();
                    }
                    stub.behave(next);
                }
            } catch (IllegalArgumentException e) {
                return error(400, e.getMessage()).build();
            }
        } else if (!RequestMethod.GET.equals(request.getMethod())) {
            return error(405, "method not allowed").build();
        }
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"service\":\"" + stub.service().id() + "\",\"behaviour\":\"" + stub.behaviour()
                + "\",\"latencyMs\":" + stub.latencyMs() + "}")
            .build();
    }
}
