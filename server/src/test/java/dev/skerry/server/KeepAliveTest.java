package dev.skerry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.server.auth.TokenAuth;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A refused request does not cost the client its connection. Clients send the headers and then the body; the
 * server may refuse on the headers alone (a bad token, an unknown database) before the body has arrived. Every
 * error answer of the Hrana and admin APIs must still leave the keep-alive connection usable: a pooling client
 * (the JDK's, a browser's fetch) sends its next request on it. Each test sends the headers of a refused request,
 * then its body a moment later, then a good request on the same socket, and expects both answers.
 */
class KeepAliveTest {
    private static final String SELECT = "{\"requests\":[{\"type\":\"execute\",\"stmt\":{\"sql\":\"SELECT 1\"}}]}";
    private static TestServer server;
    private static String admin;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.withAuth();
        admin = server.server.keys().adminToken();
        assertEquals(200, server.post("/db/a/v2/pipeline", SELECT, admin).status());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** A raw HTTP/1.1 connection: requests written by hand, answers parsed by Content-Length. */
    private static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Connection(TestServer s) throws IOException {
            socket = new Socket("127.0.0.1", s.server.port());
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            in = socket.getInputStream();
        }

        /** Sends the headers, waits, then sends the body: the server sees the request before its body. */
        void send(String method, String path, String token, byte[] body) throws Exception {
            String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                    + "Content-Length: " + body.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(30);
            out.write(body);
            out.flush();
        }

        /** Reads one answer and returns its status; the connection must not have been closed. */
        int status() throws IOException {
            String statusLine = line();
            assertTrue(statusLine.startsWith("HTTP/1.1 "), "an answer, not a closed connection: " + statusLine);
            int length = -1;
            boolean close = false;
            for (String h = line(); !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            assertTrue(length >= 0, "a Content-Length answer");
            assertEquals(length, in.readNBytes(length).length);
            assertTrue(!close, "the server keeps the connection: " + statusLine);
            return Integer.parseInt(statusLine.substring(9, 12));
        }

        private String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    return "(connection closed)";
                }
                if (c != '\r') {
                    b.write(c);
                }
            }
            return b.toString(StandardCharsets.US_ASCII);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static void assertRefusedThenServed(TestServer s, String method, String path, String token, byte[] body,
            int status) throws Exception {
        try (Connection c = new Connection(s)) {
            c.send(method, path, token, body);
            assertEquals(status, c.status(), method + " " + path);
            c.send("POST", "/db/a/v3/pipeline", s == server ? admin : null, SELECT.getBytes(StandardCharsets.UTF_8));
            assertEquals(200, c.status(), "the request after the refused one, on the same connection");
        }
    }

    @Test
    void refusedHranaRequestsKeepTheConnection() throws Exception {
        byte[] select = SELECT.getBytes(StandardCharsets.UTF_8);
        String nothing = new TokenAuth(server.server.keys()).issue("nothing", Access.READ_WRITE, 0);
        assertRefusedThenServed(server, "POST", "/db/a/v2/pipeline", "abc", select, 401);
        assertRefusedThenServed(server, "POST", "/db/a/v3/cursor", null, select, 401);
        assertRefusedThenServed(server, "POST", "/db/nothing/v3/pipeline", nothing, select, 404);
        assertRefusedThenServed(server, "POST", "/db/-bad/v3/pipeline", admin, select, 400);
        assertRefusedThenServed(server, "PUT", "/db/a/v3/pipeline", admin, select, 405);
        assertRefusedThenServed(server, "POST", "/db/a/v3/pipeline", admin,
                "{\"requests\":".getBytes(StandardCharsets.UTF_8), 400);
    }

    @Test
    void tooLargeBodiesKeepTheConnection() throws Exception {
        try (TestServer small = new TestServer()) {
            byte[] large = ("{\"requests\":[{\"type\":\"execute\",\"stmt\":{\"sql\":\"SELECT '" + "x".repeat(100_000)
                    + "'\"}}]}").getBytes(StandardCharsets.UTF_8);
            assertRefusedThenServed(small, "POST", "/db/a/v3/pipeline", null, large, 413);
        }
    }

    @Test
    void refusedAdminRequestsKeepTheConnection() throws Exception {
        assertRefusedThenServed(server, "POST", "/v1/organizations/o/databases", "abc",
                "{\"name\":\"n\"}".getBytes(StandardCharsets.UTF_8), 401);
        assertRefusedThenServed(server, "POST", "/v1/organizations/o/databases", admin,
                "[1]".getBytes(StandardCharsets.UTF_8), 400);
    }
}
