package io.gather.stubs;

import java.util.Locale;

/**
 * How a stub service answers: normally, or in one of the ways the contract says real services fail.
 *
 * @param kind              what happens
 * @param delayMs           for {@link Kind#SLOW}: how long before the (normal) answer
 * @param status            for {@link Kind#STATUS}: the HTTP status sent with a JSON error body
 * @param retryAfterSeconds for {@link Kind#STATUS}: a {@code Retry-After} value, or -1 for none
 */
public record Behaviour(Kind kind, int delayMs, int status, int retryAfterSeconds) {

    public enum Kind {
        /** The contract's answer after the service's latency. */
        NORMAL,
        /** The contract's answer after {@code delayMs}. */
        SLOW,
        /** Accepts the request and never answers. */
        HANG,
        /** Nothing listens on the port: connections are refused. */
        REFUSE,
        /** The connection is reset before any response. */
        RESET,
        /** A 200 status line, then a broken body, then the connection closes. */
        RESET_MID_BODY,
        /** An error status (500, 502, 503, 429, ...) with a small JSON body. */
        STATUS,
        /** 200 with a proxy's HTML error page. */
        HTML,
        /** 200 {@code application/json} whose body is cut in half (framing is intact). */
        TRUNCATED_JSON,
        /** 200 with valid JSON of several megabytes. */
        HUGE_BODY,
        /** 200 {@code application/json} with an empty body. */
        EMPTY_BODY
    }

    public static Behaviour normal() {
        return new Behaviour(Kind.NORMAL, 0, 200, -1);
    }

    public static Behaviour slow(int delayMs) {
        return new Behaviour(Kind.SLOW, delayMs, 200, -1);
    }

    public static Behaviour status(int status) {
        return new Behaviour(Kind.STATUS, 0, status, -1);
    }

    public static Behaviour status(int status, int retryAfterSeconds) {
        return new Behaviour(Kind.STATUS, 0, status, retryAfterSeconds);
    }

    public static Behaviour of(Kind kind) {
        return new Behaviour(kind, 0, 200, -1);
    }

    /**
     * Parses the command-line and control-endpoint form: {@code normal}, {@code slow:2000}, {@code hang},
     * {@code refuse}, {@code reset}, {@code reset-mid-body}, {@code 503}, {@code 503:retry-after=2},
     * {@code 429:retry-after=1}, {@code html}, {@code truncated-json}, {@code huge-body}, {@code empty-body}.
     */
    public static Behaviour parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.matches("[45]\\d\\d")) {
            return status(Integer.parseInt(s));
        }
        if (s.matches("[45]\\d\\d:retry-after=\\d{1,6}")) {
            return status(Integer.parseInt(s.substring(0, 3)), Integer.parseInt(s.substring(s.indexOf('=') + 1)));
        }
        if (s.matches("slow(:\\d{1,7})?")) {
            return slow(s.contains(":") ? Integer.parseInt(s.substring(5)) : 2000);
        }
        try {
            Kind kind = Kind.valueOf(s.replace('-', '_').toUpperCase(Locale.ROOT));
            if (kind != Kind.SLOW && kind != Kind.STATUS) {
                return of(kind);
            }
        } catch (IllegalArgumentException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException("unknown behaviour '" + spec + "' (normal, slow:MS, hang, refuse, reset, "
            + "reset-mid-body, CODE, CODE:retry-after=S, html, truncated-json, huge-body, empty-body)");
    }

    @Override
    public String toString() {
        return switch (kind) {
            case SLOW -> "slow:" + delayMs;
            case STATUS -> status + (retryAfterSeconds >= 0 ? ":retry-after=" + retryAfterSeconds : "");
            default -> kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
        };
    }
}
