package io.gather.http;

import io.netty.handler.codec.DateFormatter;
import java.util.Date;

/**
 * The {@code Date} of an answer as RFC 9110 §5.6.7 wants it sent: IMF-fixdate, {@code Sun, 06 Nov 1994 08:49:37 GMT}.
 * Micronaut writes RFC 1123's form, whose day may be one digit ({@code Mon, 7 Dec 2026}), through its conversion
 * service on every answer; its own is off ({@code micronaut.server.date-header: false}) and Gather's filters date every
 * answer with this, formatted once a second.
 */
public final class HttpDate {
    private record Second(long epochSecond, String text) {
    }

    private static volatile Second last = new Second(-1, "");

    private HttpDate() {
    }

    public static String now() {
        return at(System.currentTimeMillis());
    }

    static String at(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000);
        Second s = last;
        if (s.epochSecond() != second) {
            s = new Second(second, DateFormatter.format(new Date(second * 1000)));
            last = s;
        }
        return s.text();
    }
}
