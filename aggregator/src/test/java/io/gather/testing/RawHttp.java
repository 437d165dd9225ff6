package io.gather.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 as bytes on a plain socket, so a test sends exactly what it means (an HTTP client would
 * repair or refuse it). An exchange writes the bytes, reads the answers it expects, then waits a short
 * quiet time: an end of stream means the server closed the connection, anything else that arrives is
 * an extra answer. No sleeps: every wait is a socket timeout.
 */
public final class RawHttp {
    /** How long a connection must stay silent after the expected answers to count as "nothing more". */
    public static final int QUIET_MS = 300;
    private static final int ANSWER_TIMEOUT_MS = 10_000;

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** One parsed answer; header names are lower case. */
    public record Answer(int status, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }
    }

    /** The answers read, whether the server closed the connection, and any bytes after the expected answers. */
    public record Exchange(List<Answer> answers, boolean closed, String extra) {
        public Answer only() {
            if (answers.size() != 1 || !extra.isEmpty()) {
                throw new AssertionError("expected exactly one answer, got " + answers.size() + " and extra bytes: " + extra);
            }
            return answers.get(0);
        }
    }

    /**
     * Opens a connection and sends one {@code GET /api/v1/dashboard} with {@code token} and any more header lines
     * ("Name: value"); the caller reads the answer from the socket, or closes it to hang up.
     */
    public Socket askDashboard(String token, String... headers) throws IOException {
        StringBuilder request = new StringBuilder("GET /api/v1/dashboard HTTP/1.1\r\nHost: localhost\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        request.append("Authorization: Bearer ").append(token).append("\r\n\r\n");
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(ANSWER_TIMEOUT_MS);
        socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    public Exchange send(String request) throws IOException {
        return send(request.getBytes(StandardCharsets.ISO_8859_1), 1, false);
    }

    public Exchange send(String request, int expected) throws IOException {
        return send(request.getBytes(StandardCharsets.ISO_8859_1), expected, false);
    }

    public Exchange send(byte[] request, int expected, boolean head) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(ANSWER_TIMEOUT_MS);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            return read(socket, expected, head);
        }
    }

    /** Reads {@code expected} answers from a socket the caller writes to, then listens for anything more. */
    public static Exchange read(Socket socket, int expected, boolean head) throws IOException {
        InputStream in = new BufferedInputStream(socket.getInputStream());
        List<Answer> answers = new ArrayList<>();
        try {
            while (answers.size() < expected) {
                Answer answer = readAnswer(in, head);
                if (answer == null) {
                    return new Exchange(answers, true, "");
                }
                answers.add(answer);
            }
        } catch (SocketException reset) {
            return new Exchange(answers, true, "");
        }
        socket.setSoTimeout(QUIET_MS);
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        boolean closed;
        try {
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                extra.write(buffer, 0, n);
            }
            closed = true;
        } catch (SocketTimeoutException quiet) {
            closed = false;
        } catch (SocketException reset) {
            closed = true;
        }
        return new Exchange(answers, closed, extra.toString(StandardCharsets.ISO_8859_1));
    }

    private static Answer readAnswer(InputStream in, boolean head) throws IOException {
        String statusLine = readLine(in);
        if (statusLine == null) {
            return null;
        }
        if (!statusLine.startsWith("HTTP/1.1 ") && !statusLine.startsWith("HTTP/1.0 ")) {
            throw new AssertionError("not a status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            headers.computeIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                .add(line.substring(colon + 1).trim());
        }
        Answer headOnly = new Answer(status, headers, "");
        if (head || status == 204 || status == 304 || status / 100 == 1) {
            return headOnly;
        }
        String length = headOnly.header("content-length");
        byte[] body;
        if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
        } else if ("chunked".equalsIgnoreCase(headOnly.header("transfer-encoding"))) {
            body = readChunks(in);
        } else {
            body = in.readAllBytes();
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] readChunks(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String size = readLine(in); size != null; size = readLine(in)) {
            int n = Integer.parseInt(size.split(";")[0].trim(), 16);
            if (n == 0) {
                readLine(in);
                break;
            }
            body.write(in.readNBytes(n));
            readLine(in);
        }
        return body.toByteArray();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
