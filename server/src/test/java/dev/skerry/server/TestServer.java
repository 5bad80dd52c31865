package dev.skerry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A server on a free port of 127.0.0.1 with a fresh data directory, and raw HTTP helpers for tests. */
final class TestServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final SkerryServer server;
    final Path data;

    TestServer(int maxOpen, long dbIdleMillis, long streamIdleMillis, long busyTimeoutMillis) throws Exception {
        this(new ServerOptions("127.0.0.1", 0, null, maxOpen, dbIdleMillis, streamIdleMillis,
                busyTimeoutMillis, 64 * 1024, 256 * 1024, true, false, false, null, 30_000));
    }

    /** A server with {@code options} (their data directory replaced by a fresh one). */
    TestServer(ServerOptions options) throws Exception {
        data = Files.createTempDirectory("skerry-server-test");
        server = SkerryServer.start(new ServerOptions(options.host(), options.port(), data, options.maxOpen(),
                options.dbIdleMillis(), options.streamIdleMillis(), options.busyTimeoutMillis(), options.maxBodyBytes(),
                options.maxResponseBytes(), options.createOnFirstUse(), false, options.auth(), options.adminToken(),
                options.requestTimeoutMillis()));
    }

    /** A server with authentication on, as the command line starts it. */
    static TestServer withAuth() throws Exception {
        return new TestServer(ServerOptions.defaults(0, null).withAuth(true, null));
    }

    TestServer() throws Exception {
        this(100, 60_000, 10_000, 5_000);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    record Reply(int status, String body, HttpResponse<String> raw) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    Reply get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET().build());
    }

    /** POSTs with {@code Authorization: Bearer token} (no header when token is null). */
    Reply post(String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.build());
    }

    /** Sends {@code method} with a JSON body (or none) and the admin token. */
    Reply admin(String method, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + server.keys().adminToken()).build());
    }

    Reply post(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    Reply send(HttpRequest request) throws Exception {
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Reply(r.statusCode(), r.body(), r);
    }

    /** POSTs a pipeline to {@code /db/<db>/v3/pipeline} and returns the parsed 200 response. */
    JsonNode pipeline(String db, String body) throws Exception {
        Reply r = post("/db/" + db + "/v3/pipeline", body);
        if (r.status() != 200) {
            throw new AssertionError("HTTP " + r.status() + ": " + r.body());
        }
        return r.json();
    }

    @Override
    public void close() throws Exception {
        server.close();
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
