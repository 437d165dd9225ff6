package io.gather.http.front;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The coding Micronaut's compressor is left with, for what callers send (none: the answer is not compressed). */
class ContentCodingsTest {
    @ParameterizedTest(name = "Accept-Encoding: {0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "gzip, deflate, br|gzip",
        "*|gzip",                           // Micronaut answered snappy
        "GZIP|gzip",                        // Micronaut answered identity
        "x-gzip|gzip",
        "deflate|deflate",
        "gzip;q=0.5, deflate|deflate",
        "gzip;q=0, *|deflate",
        "snappy|none",
        "br|none",
        "zstd, snappy|none",
        "identity;q=1, gzip;q=0.5|none",    // Micronaut answered gzip
        "identity|none",
        "*;q=0|none",
        "gzip;q=abc|none",
        "gzip;Q=0.8, identity;q=0.7|gzip",
        "' '|none"})
    void theCodingChosen(String acceptEncoding, String chosen) {
        assertEquals(chosen, ContentCodings.chosen(List.of(acceptEncoding)));
    }
}
