package dev.skerry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API with Turso's own client: {@code src/test/node/admin.mjs} runs {@code @tursodatabase/api}
 * 2.0.5 against the server (create, list, get, delete, branch with a seed, issue full-access, read-only and
 * expiring tokens) and queries the databases with {@code @libsql/client} using those tokens (read-only writes
 * refused, a token for one database refused on another, an expired token refused); the script fails on the
 * first step that does not behave as Turso does. This test then checks the files the server left.
 */
class AdminApiClientTest {
    @Test
    void tursoApiClientManagesDatabasesAndTokens(@TempDir Path tmp) throws Exception {
        Path dir = ServerClientsTest.installClients();
        try (TestServer server = TestServer.withAuth()) {
            String out = ServerClientsTest.run(dir, tmp, "node", "admin.mjs", server.base() + "/",
                    server.server.keys().adminToken());
            JsonNode summary = TestServer.JSON.readTree(out);
            assertEquals("[\"notes\",\"other\"]", summary.get("databases").toString());
            assertTrue(summary.get("readOnlyWrite").asText().contains("not authorized"), summary.toString());
            assertTrue(summary.get("expired").asText().contains("expired"), summary.toString());
            assertTrue(summary.get("otherDatabase").asText().contains("not valid for database other"),
                    summary.toString());
            assertTrue(Files.exists(server.data.resolve("notes.db")));
            assertFalse(Files.exists(server.data.resolve("notes-branch.db")), "deleting removed the files");
            assertFalse(Files.exists(server.data.resolve("notes-branch.db-wal")));
        }
    }
}
