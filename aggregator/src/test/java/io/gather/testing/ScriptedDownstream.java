package io.gather.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A downstream that answers every request with bytes a test writes itself, on a loopback port: what the contract
 * stubs, a real HTTP server, would never send (broken framing, interim responses, answers nobody asked for).
 * Connections are kept open between requests, as a keep-alive service does.
 */
public final class ScriptedDownstream implements AutoCloseable {
    /** What to write for one request. */
    @FunctionalInterface
    public interface Answer {
        void write(OutputStream out) throws IOException;
    }

    private final ServerSocket listener;
    private volatile Answer answer;

    public ScriptedDownstream() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "scripted-downstream");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** One listening on a free loopback port, for a test's field initialiser. */
    public static ScriptedDownstream started() {
        try {
            return new ScriptedDownstream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** Answers the next requests so. */
    public void answer(Answer next) {
        answer = next;
    }

    /** 200 {@code application/json} with {@code body}, framed by Content-Length. */
    public static Answer ok(String body) {
        return ok(body.getBytes(StandardCharsets.UTF_8), "");
    }

    /** 200 {@code application/json} with these bytes and these extra header lines (each ending in CRLF). */
    public static Answer ok(byte[] body, String fields) {
        return out -> {
            out.write(ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" + fields
                + "Content-Length: " + body.length + "\r\n\r\n"));
            out.write(body);
        };
    }

    /** Exactly these bytes (ISO-8859-1), the connection kept open. */
    public static Answer raw(String text) {
        return out -> out.write(ascii(text));
    }

    /** {@code first}, then {@code then}, on one connection and in one write. */
    public static Answer both(Answer first, Answer then) {
        return out -> {
            first.write(out);
            then.write(out);
        };
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                Thread serving = new Thread(() -> serve(socket), "scripted-downstream-connection");
                serving.setDaemon(true);
                serving.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (readHead(in)) {
                try {
                    answer.write(out);
                } finally {
                    out.flush();
                }
            }
        } catch (IOException e) {
            // closed by the answer, by Gather or by close()
        }
    }

    /** Reads one request head (Gather's calls are GETs without a body); false at the end of the stream. */
    private static boolean readHead(InputStream in) throws IOException {
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            boolean expected = matched % 2 == 0 ? b == '\r' : b == '\n';
            matched = expected ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return matched == 4;
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
