package io.gather.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Access lines are queued by the request's thread and written by the writer thread in whole-line batches. */
class BatchingStdoutAppenderTest {
    /** Records each write separately. */
    private static final class Writes extends OutputStream {
        final List<String> writes = new ArrayList<>();

        @Override
        public synchronized void write(int b) {
            writes.add(String.valueOf((char) b));
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            writes.add(new String(b, off, len, StandardCharsets.UTF_8));
        }

        synchronized List<String> writes() {
            return List.copyOf(writes);
        }
    }

    private static BatchingStdoutAppender appender(OutputStream out, int queueSize, long flushMillis) {
        LoggerContext context = new LoggerContext();
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        BatchingStdoutAppender a = new BatchingStdoutAppender();
        a.setContext(context);
        a.setEncoder(encoder);
        a.setQueueSize(queueSize);
        a.setFlushMillis(flushMillis);
        a.setOutput(out);
        return a;
    }

    private static LoggingEvent line(String text) {
        LoggerContext context = new LoggerContext();
        return new LoggingEvent("test", context.getLogger("gather.access"), Level.INFO, text, null, null);
    }

    @Test
    void queuedLinesAreWrittenTogetherAndWhole() {
        Writes out = new Writes();
        BatchingStdoutAppender a = appender(out, 100, 60_000);   // the writer never wakes on its own here
        a.start();
        for (int i = 0; i < 50; i++) {
            a.doAppend(line("{\"n\":" + i + "}"));
        }
        assertEquals(List.of(), out.writes(), "nothing is written on the request's thread");
        a.stop();                                                // stopping writes what is queued
        List<String> writes = out.writes();
        assertEquals(1, writes.size(), "one write for the whole batch");
        String[] lines = writes.get(0).split("\n");
        assertEquals(50, lines.length);
        assertEquals("{\"n\":49}", lines[49]);
    }

    @Test
    void aFullQueueDropsLinesInsteadOfWaiting() {
        Writes out = new Writes();
        BatchingStdoutAppender a = appender(out, 10, 60_000);
        a.start();
        for (int i = 0; i < 25; i++) {
            a.doAppend(line("line " + i));
        }
        assertEquals(15, a.dropped());
        a.stop();
        assertEquals(10, out.writes().get(0).split("\n").length);
    }
}
