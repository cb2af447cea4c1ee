package dev.profileservice.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client will send as written: over-long
 * request lines, oversized header blocks, chunked bodies that never end. Reads until the server
 * closes or the response's declared length has arrived.
 */
public final class RawHttp {

    public record Answer(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /**
     * Sends the head, then {@code body} (may be empty), and reads one response. The body is written
     * from another thread while the answer is read, as a server may answer and close mid-body.
     */
    public static Answer send(int port, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            Thread writer = new Thread(() -> {
                try {
                    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                    for (int offset = 0; offset < body.length; offset += 4096) {
                        out.write(body, offset, Math.min(4096, body.length - offset));
                        out.flush();
                    }
                    out.flush();
                } catch (IOException closedWhileSending) {
                    // The server answered and closed before reading everything: the answer is what counts.
                }
            }, "raw-http-writer");
            writer.setDaemon(true);
            writer.start();
            return read(socket.getInputStream());
        }
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        long expected = Long.MAX_VALUE;
        try {
            int n;
            while (raw.size() < headEnd + 1 + expected && (n = in.read(buffer)) > 0) {
                raw.write(buffer, 0, n);
                if (headEnd < 0) {
                    headEnd = raw.toString(StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n");
                    if (headEnd >= 0) {
                        headEnd += 3;
                        String length = headers(raw.toString(StandardCharsets.ISO_8859_1).substring(0, headEnd))
                                .get("content-length");
                        expected = length == null ? Long.MAX_VALUE : Long.parseLong(length.strip());
                    }
                }
            }
        } catch (SocketException | SocketTimeoutException reset) {
            // What arrived before a reset is the answer.
        }
        String text = raw.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete response; received: " + text);
        }
        String head = text.substring(0, end);
        int status = Integer.parseInt(head.split(" ", 3)[1]);
        return new Answer(status, headers(head), text.substring(end + 4));
    }

    private static Map<String, String> headers(String head) {
        Map<String, String> headers = new TreeMap<>();
        String[] lines = head.split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        return headers;
    }
}
