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
        data = Files.createTempDirectory("skerry-server-test");
        ServerOptions o = new ServerOptions("127.0.0.1", 0, data, maxOpen, dbIdleMillis, streamIdleMillis,
                busyTimeoutMillis, 64 * 1024, 256 * 1024, true, false);
        server = SkerryServer.start(o);
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
