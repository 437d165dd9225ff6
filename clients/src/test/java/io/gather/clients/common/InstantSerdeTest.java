package io.gather.clients.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gather.clients.orders.OrderPage;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.serde.SerdeRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Timestamps read and written by the fast path mean exactly what the formatter's path gives, and fail where it fails. */
@MicronautTest(startApplication = false)
class InstantSerdeTest {
    @Inject ObjectMapper json;
    @Inject SerdeRegistry registry;

    private static Instant formatter(String text) {
        return DateTimeFormatter.ISO_INSTANT.parse(text, Instant::from);
    }

    @Test
    void theContractRecordsUseIt() throws Exception {
        assertInstanceOf(InstantSerde.class, registry.findDeserializer(Argument.of(Instant.class)));
        assertInstanceOf(InstantSerde.class, registry.findSerializer(Argument.of(Instant.class)));
        OrderPage page = json.readValue("""
            {"items":[{"id":"o-1","placedAt":"2026-11-20T09:12:00.5Z","status":"SHIPPED",
             "total":{"amount":"1","currency":"EUR"},"itemCount":1}],"totalCount":1}""", OrderPage.class);
        assertEquals(Instant.parse("2026-11-20T09:12:00.500Z"), page.items().get(0).placedAt());
        assertEquals("\"2026-11-20T09:12:00.500Z\"", json.writeValueAsString(page.items().get(0).placedAt()));
    }

    @Test
    void everyShapeParsesAsTheFormatterParsesIt() {
        for (String text : List.of("2026-11-20T09:12:00Z", "1970-01-01T00:00:00Z", "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999999999Z", "2024-02-29T12:00:00.1Z", "2026-11-20T09:12:00.123456Z",
                "2026-11-20T09:12:00+02:00", "2026-11-20t09:12:00z", "2026-11-20T23:59:60Z", "2026-11-20T24:00:00Z",
                "2026-11-20T09:12:00.Z",
                "+10000-01-01T00:00:00Z")) {
            assertEquals(formatter(text), InstantSerde.parse(text), text);
        }
    }

    @Test
    void whatTheFormatterRefusesIsRefused() {
        for (String text : List.of("2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-20T24:00:01Z",
                "2026-11-20T09:60:00Z", "2026-11-20T09:12:00.1234567890Z", "2026-11-20 09:12:00Z",
                "2026-11-2OT09:12:00Z", "2026-11-20T09:12:00", "", "yesterday", "٢٠٢٦-11-20T09:12:00Z")) {
            assertThrows(DateTimeException.class, () -> formatter(text), text);
            assertThrows(DateTimeException.class, () -> InstantSerde.parse(text), text);
        }
    }

    @Test
    void randomInstantsRoundTripAndAreWrittenAsInstantToStringWritesThem() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            long seconds = random.nextLong(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("+10100-01-01T00:00:00Z").getEpochSecond());
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(seconds, nanos);
            String written = InstantSerde.format(instant);
            assertEquals(instant.toString(), written);
            assertEquals(instant, InstantSerde.parse(written), written);
        }
    }
}
