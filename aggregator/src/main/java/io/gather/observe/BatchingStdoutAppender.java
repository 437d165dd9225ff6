package io.gather.observe;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A logback appender for the access lines: the request's thread only encodes its line and queues it; a writer thread
 * wakes every {@code flushMillis} (default 20), writes every queued line to standard output in one write and flushes.
 * One line per request written and flushed on its own (logback's console appender behind its async appender) cost
 * about a tenth of a dashboard's CPU on one core: a system call and a thread wake-up per line. A line is on stdout
 * within {@code flushMillis}; when {@code queueSize} (default 8192) lines wait, more are dropped and counted, never
 * waited for. Lines still queued are written when logging stops.
 */
public final class BatchingStdoutAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {
    private Encoder<ILoggingEvent> encoder;
    private int queueSize = 8192;
    private long flushMillis = 20;
    private BlockingQueue<byte[]> queue;
    private final AtomicLong dropped = new AtomicLong();
    private static final int BATCH_BYTES = 64 * 1024;
    private final ByteArrayOutputStream batch = new ByteArrayOutputStream(BATCH_BYTES);
    private OutputStream out;
    private Thread writer;
    private volatile boolean running;

    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    public void setFlushMillis(long flushMillis) {
        this.flushMillis = flushMillis;
    }

    /** Where the lines go instead of standard output (tests); before {@link #start()}. */
    void setOutput(OutputStream output) {
        this.out = output;
    }

    /** Lines dropped since the start because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("No encoder for appender " + name);
            return;
        }
        if (queueSize < 1 || flushMillis < 1) {
            addError("queueSize and flushMillis must be positive for appender " + name);
            return;
        }
        queue = new ArrayBlockingQueue<>(queueSize);
        if (out == null) {
            out = new FileOutputStream(FileDescriptor.out);
        }
        running = true;
        writer = new Thread(this::writeLoop, "access-log-writer");
        writer.setDaemon(true);
        writer.start();
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (!queue.offer(encoder.encode(event))) {
            dropped.incrementAndGet();
        }
    }

    private void writeLoop() {
        while (running) {
            try {
                TimeUnit.MILLISECONDS.sleep(flushMillis);
            } catch (InterruptedException e) {
                break;
            }
            writeQueued();
        }
        writeQueued();
    }

    /** Writes what is queued, whole lines only in each write (so another writer to stdout never splits a line). */
    private void writeQueued() {
        byte[] line;
        try {
            while ((line = queue.poll()) != null) {
                if (batch.size() > 0 && batch.size() + line.length > BATCH_BYTES) {
                    batch.writeTo(out);
                    batch.reset();
                }
                batch.write(line);
            }
            if (batch.size() > 0) {
                batch.writeTo(out);
                batch.reset();
            }
        } catch (IOException e) {
            addError("Could not write access lines", e);
        }
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        running = false;
        writer.interrupt();
        try {
            writer.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long lost = dropped.get();
        if (lost > 0) {
            addWarn(lost + " access lines were dropped: the queue of " + queueSize + " was full");
        }
    }
}
