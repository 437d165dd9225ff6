package io.gather.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Runs after the whole suite (its own surefire execution, see aggregator/pom.xml) and reads everything the suite
 * logged (target/test-logs/suite-&lt;build time&gt;.log: every logger from INFO, Gather's and Micronaut Security's from DEBUG):
 * no token text (every token the harness mints is a JWT, so begins {@code eyJ}), no bearer field, no e-mail address
 * from the stubs' profiles.
 */
class LogScanTest {
    static final Path LOGS = Path.of("target/test-logs");
    private static final Pattern FORBIDDEN = Pattern.compile("eyJ[A-Za-z0-9_-]{4,}|Bearer [A-Za-z0-9._-]{8,}|[A-Za-z0-9._%+-]+@example\\.com");

    @Test
    void noTokenOrPersonalFieldWasLoggedAcrossTheSuite() throws Exception {
        Path suiteLog;
        try (Stream<Path> logs = Files.list(LOGS)) { // the newest suite-<build time>.log: this build's
            suiteLog = logs.filter(p -> p.getFileName().toString().startsWith("suite-")).max(Comparator.naturalOrder())
                .orElseThrow(() -> new AssertionError("no suite log in " + LOGS + ": run the whole suite first"));
        }
        List<String> lines = Files.readAllLines(suiteLog);
        long accessLines = lines.stream().filter(l -> l.contains(AccessLogFilter.LOGGER)).count();
        // a build that ran a few tests only (-Dtest=...) may have logged no request: nothing to scan
        Assumptions.assumeTrue(accessLines > 0, "no request was logged in " + suiteLog);
        List<String> found = lines.stream().filter(l -> FORBIDDEN.matcher(l).find()).limit(5).toList();
        assertEquals(List.of(), found, "token text or a personal field in " + suiteLog);
    }

    @Test
    void theScanWouldSeeAToken() {
        Matcher m = FORBIDDEN.matcher("12:00:00.000 DEBUG x - Token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1LTEifQ.sig rejected");
        assertTrue(m.find());
        assertTrue(FORBIDDEN.matcher("email ken.u-42@example.com").find());
    }
}
