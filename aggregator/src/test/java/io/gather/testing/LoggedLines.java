package io.gather.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;

/**
 * The lines one logger writes, for tests to find. A stream's access line is written just after its last byte reaches
 * the client, so {@link #lineWith} waits for a line (at most 5 s) instead of reading the list at once.
 */
public final class LoggedLines extends ListAppender<ILoggingEvent> {
    private final String logger;

    public LoggedLines(String logger) {
        this.logger = logger;
    }

    /** Starts collecting the logger's lines. */
    public LoggedLines attach() {
        start();
        ((Logger) LoggerFactory.getLogger(logger)).addAppender(this);
        return this;
    }

    public void detach() {
        ((Logger) LoggerFactory.getLogger(logger)).detachAppender(this);
    }

    @Override
    protected void append(ILoggingEvent event) {
        super.append(event);    // under the appender's lock (AppenderBase.doAppend is synchronized)
        notifyAll();
    }

    /** The lines so far, formatted. */
    public synchronized List<String> messages() {
        return list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** The lines so far at {@code level} or above, formatted. */
    public synchronized List<String> messages(Level level) {
        return list.stream().filter(e -> e.getLevel().isGreaterOrEqual(level)).map(ILoggingEvent::getFormattedMessage).toList();
    }

    /** The first line containing {@code text}, waiting at most 5 s for it. */
    public synchronized String lineWith(String text) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            for (ILoggingEvent event : list) {
                if (event.getFormattedMessage().contains(text)) {
                    return event.getFormattedMessage();
                }
            }
            long left = end - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no line with " + text + " in " + messages());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }
}
