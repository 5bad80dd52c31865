package dev.skerry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link Auth} seam is asked before a Hrana request runs; a refusal is a 401 and runs nothing. */
class AuthSeamTest {
    @Test
    void aRefusedRequestIs401AndRunsNothing(@TempDir Path dir) throws Exception {
        Auth onlyWithToken = (request, database) -> {
            if (!"Bearer good".equals(request.getHeaders().get("Authorization"))) {
                throw new Auth.Denied("a valid token is required for " + database);
            }
            return Access.ADMIN;
        };
        ServerOptions o = ServerOptions.defaults(0, dir);
        try (SkerryServer s = SkerryServer.start(new ServerOptions("127.0.0.1", 0, dir, o.maxOpen(), o.dbIdleMillis(),
                o.streamIdleMillis(), o.busyTimeoutMillis(), o.maxBodyBytes(), o.maxResponseBytes(), true, false, true, null, 30_000),
                onlyWithToken)) {
            String body = "{\"requests\":[{\"type\":\"execute\",\"stmt\":{\"sql\":\"CREATE TABLE t(x)\"}}]}";
            HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/db/a/v2/pipeline"))
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> denied = HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(401, denied.statusCode());
            assertEquals("{\"message\":\"a valid token is required for a\",\"code\":\"UNAUTHORIZED\"}", denied.body());
            assertFalse(Files.exists(dir.resolve("a.db")));
            HttpResponse<String> allowed = HttpClient.newHttpClient().send(r.header("Authorization", "Bearer good").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, allowed.statusCode(), allowed.body());
        }
    }
}
