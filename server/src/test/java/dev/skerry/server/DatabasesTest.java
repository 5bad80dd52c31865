package dev.skerry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skerry.server.db.DatabaseName;
import dev.skerry.server.db.Databases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many databases in one directory: names cannot leave the directory, at most {@code maxOpen} stay open
 * (least recently used idle ones close first), idle ones close, closed ones reopen with their data, files
 * are SQLite databases that SQLite reads, concurrent clients on one database are serialised.
 */
class DatabasesTest {
    private static String insert(String table, int v) {
        return "{\"requests\":[{\"type\":\"execute\",\"stmt\":{\"sql\":\"CREATE TABLE IF NOT EXISTS " + table
                + "(x)\"}},{\"type\":\"execute\",\"stmt\":{\"sql\":\"INSERT INTO " + table + " VALUES (" + v
                + ")\"}},{\"type\":\"execute\",\"stmt\":{\"sql\":\"SELECT sum(x) FROM " + table
                + "\"}},{\"type\":\"close\"}]}";
    }

    private static String sum(JsonNode resp) {
        return resp.get("results").get(2).get("response").get("result").get("rows").get(0).get(0).get("value").asText();
    }

    @Test
    void namesAreValidatedSoNoneLeavesTheDirectory() {
        for (String ok : new String[] {"a", "0", "my-db_1", "a".repeat(64)}) {
            assertTrue(DatabaseName.isValid(ok), ok);
        }
        for (String bad : new String[] {"", ".", "..", "../x", "a/b", "A", "-a", "_a", "a.db", "a b", "a".repeat(65),
            "\u00e9", "a\u0000"}) {
            assertFalse(DatabaseName.isValid(bad), bad);
        }
    }

    @Test
    void atMostMaxOpenStayOpenAndClosedOnesReopenWithTheirData() throws Exception {
        try (TestServer s = new TestServer(3, 60_000, 10_000, 5_000)) {
            for (int round = 1; round <= 2; round++) {
                for (int i = 0; i < 12; i++) {
                    JsonNode r = s.pipeline("db" + i, insert("t", i));
                    assertEquals(String.valueOf(i * round), sum(r));
                    assertTrue(s.server.databases().openCount() <= 3, "open: " + s.server.databases().openCount());
                }
            }
            assertEquals(12, s.server.databases().names().size());
        }
    }

    @Test
    void idleDatabasesCloseAndTheirFilesAreSqliteDatabases() throws Exception {
        try (TestServer s = new TestServer(100, 200, 10_000, 5_000)) {
            s.pipeline("idle", insert("t", 41));
            s.pipeline("idle", insert("t", 1));
            long deadline = System.currentTimeMillis() + 10_000;
            while (s.server.databases().openCount() > 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(0, s.server.databases().openCount());
            Path file = s.data.resolve("idle.db");
            assertFalse(Files.exists(s.data.resolve("idle.db-wal")), "closing checkpointed and removed the WAL");
            try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                    ResultSet rs = c.createStatement().executeQuery("SELECT sum(x) FROM t")) {
                assertEquals(42, rs.getLong(1));
            }
            assertEquals("84", sum(s.pipeline("idle", insert("t", 42))));
        }
    }

    @Test
    void withoutCreateOnFirstUseUnknownDatabasesAre404(@TempDir Path dir) throws Exception {
        Databases dbs = new Databases(dir, 10, 1000, false);
        assertThrows(Databases.NotFoundException.class, () -> dbs.acquire("nope"));
        assertFalse(dbs.canOpen("nope"));
        dbs.close();
        ServerOptions o = ServerOptions.parse(new String[] {"--port", "0", "--host", "127.0.0.1", "--data",
            dir.toString(), "--no-create", "--no-auth"}, java.util.Map.of());
        try (SkerryServer s = SkerryServer.start(o)) {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + s.port()
                            + "/db/nope/v2/pipeline")).POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                            "{\"requests\":[]}")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(404, r.statusCode());
            assertFalse(Files.exists(dir.resolve("nope.db")));
        }
    }

    @Test
    void concurrentClientsOnOneDatabaseAreSerialised() throws Exception {
        try (TestServer s = new TestServer(2, 60_000, 10_000, 10_000)) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<JsonNode>> done = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    String db = "c" + (i % 4);
                    done.add(pool.submit(() -> s.pipeline(db, insert("t", 1))));
                }
                for (Future<JsonNode> f : done) {
                    assertEquals("ok", f.get().get("results").get(1).get("type").asText());
                }
            } finally {
                pool.shutdown();
            }
            for (int d = 0; d < 4; d++) {
                assertEquals("11", sum(s.pipeline("c" + d, insert("t", 1))));
            }
        }
    }
}
