package io.gather.clients.common;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Encoder;
import io.micronaut.serde.Serde;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * The contract's timestamps ({@code placedAt}, {@code createdAt}: RFC 3339 in UTC, {@code 2026-11-20T09:12:00Z}) read
 * and written without {@link DateTimeFormatter} when they have that plain shape. Micronaut Serde's own {@code Instant}
 * serde goes through the formatter's field maps, and that was a sixth of the heap a dashboard allocates. Anything
 * else (an offset, lower case, a year past 9999) takes the formatter's path as before, with the same result and the
 * same errors, so this changes the cost, never the meaning.
 */
@Singleton
@Primary
public final class InstantSerde implements Serde<Instant> {
    private static final long SECONDS_PER_DAY = 86_400;

    @Override
    public Instant deserialize(Decoder decoder, DecoderContext context, Argument<? super Instant> type) throws IOException {
        return parse(decoder.decodeString());
    }

    @Override
    public void serialize(Encoder encoder, EncoderContext context, Argument<? extends Instant> type, Instant value)
            throws IOException {
        encoder.encodeString(format(value));
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} directly; anything else as {@link DateTimeFormatter#ISO_INSTANT} parses it. */
    public static Instant parse(String text) {
        Instant plain = parsePlain(text);
        return plain != null ? plain : DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
    }

    /** What {@link Instant#toString()} gives, without the formatter for years 0000 to 9999. */
    public static String format(Instant value) {
        long seconds = value.getEpochSecond();
        long day = Math.floorDiv(seconds, SECONDS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(day);
        int year = date.getYear();
        if (year < 0 || year > 9999) {
            return value.toString();
        }
        int secondOfDay = (int) (seconds - day * SECONDS_PER_DAY);
        char[] out = new char[30];
        int n = 0;
        n = digits(out, n, year, 4);
        out[n++] = '-';
        n = digits(out, n, date.getMonthValue(), 2);
        out[n++] = '-';
        n = digits(out, n, date.getDayOfMonth(), 2);
        out[n++] = 'T';
        n = digits(out, n, secondOfDay / 3600, 2);
        out[n++] = ':';
        n = digits(out, n, secondOfDay / 60 % 60, 2);
        out[n++] = ':';
        n = digits(out, n, secondOfDay % 60, 2);
        int nanos = value.getNano();
        if (nanos != 0) {                   // in groups of three digits, as ISO_INSTANT writes them
            out[n++] = '.';
            if (nanos % 1_000_000 == 0) {
                n = digits(out, n, nanos / 1_000_000, 3);
            } else if (nanos % 1_000 == 0) {
                n = digits(out, n, nanos / 1_000, 6);
            } else {
                n = digits(out, n, nanos, 9);
            }
        }
        out[n++] = 'Z';
        return new String(out, 0, n);
    }

    private static Instant parsePlain(String s) {
        int len = s.length();
        if (len < 20 || len > 30 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
            || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(len - 1) != 'Z') {
            return null;
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 2);
        int day = number(s, 8, 2);
        int hour = number(s, 11, 2);
        int minute = number(s, 14, 2);
        int second = number(s, 17, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;                    // a leap second, or not digits: the formatter decides
        }
        int nanos = 0;
        if (len > 20) {
            int digits = len - 21;          // between '.' and 'Z'
            if (s.charAt(19) != '.' || digits < 1 || digits > 9) {
                return null;
            }
            int fraction = number(s, 20, digits);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException e) {
            return null;                    // e.g. 31 February: the formatter's error says so
        }
        return Instant.ofEpochSecond(epochDay * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second, nanos);
    }

    /** The decimal number in {@code s[from, from + count)}, or -1 if a character there is not an ASCII digit. */
    private static int number(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int digits(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }
}
