package dev.skerry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start, done as a new user does it, with the built jar: {@code java -jar
 * target/skerry-server.jar} started as a process on a free port with a fresh data directory, the admin token
 * read from what it prints at its first start, then the README's own {@code quickstart.mjs} (taken from
 * {@code README.md}, only its port changed) run by node: {@code @tursodatabase/api} creates the database and a
 * token, {@code @libsql/client} writes and queries it. The output must be the one the README shows and what
 * SQLite (sqlite-jdbc) answers to the same statements, and after the server stops its file must hold the same
 * rows for SQLite.
 *
 * <p>It needs the packaged jar, so Maven runs it after {@code package} (the {@code after-package} execution of
 * surefire in {@code server/pom.xml}, part of {@code mvn verify}); the test phase leaves it out.
 */
class QuickStartTest {
    private static final String CREATE =
            "CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT NOT NULL, stars REAL)";
    private static final String INSERT = "INSERT INTO notes(body, stars) VALUES (?, ?), (?, ?)";
    private static final String SELECT =
            "SELECT id, upper(body) AS body, stars, length(body) * 2 AS n FROM notes WHERE id >= :min ORDER BY id";

    @Test
    void theReadmeQuickStartWorksWithTheBuiltJar(@TempDir Path tmp) throws Exception {
        Path jar = Paths.get(System.getProperty("skerry.server.jar", "target/skerry-server.jar"));
        assertTrue(Files.exists(jar), jar + " is missing: run after mvn package");
        String readme = Files.readString(Paths.get(System.getProperty("skerry.readme", "../README.md")));
        String script = between(readme, "```js\n", "```\n");
        for (String sql : new String[] {CREATE, INSERT, SELECT}) {
            assertTrue(script.contains(sql), "the README's script runs " + sql);
        }
        String shown = between(readme, "It prints `", "`");
        Path nodeDir = ServerClientsTest.installClients();

        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path work = Files.createDirectories(tmp.resolve("work"));
        ProcessBuilder pb = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toAbsolutePath().toString(), "--port", String.valueOf(port))
                .directory(work.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("SKERRY_"));
        Process server = pb.start();
        try {
            String adminToken = adminToken(server);
            assertTrue(Files.exists(work.resolve("data/.skerry-auth/admin-token")), "default data directory ./data");

            Path file = nodeDir.resolve("quickstart.mjs");
            Files.writeString(file, script.replace("http://localhost:8080/", "http://localhost:" + port + "/"));
            String out = runNode(nodeDir, tmp, adminToken);
            assertEquals(shown + "\n", out);
            assertEquals(TestServer.JSON.readTree(out), sqlite("jdbc:sqlite::memory:", true));
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
                fail("the server did not stop on SIGTERM");
            }
        }
        JsonNode onDisk = sqlite("jdbc:sqlite:" + work.resolve("data/notes.db"), false);
        assertEquals(TestServer.JSON.readTree(shown), onDisk);
    }

    private static String between(String text, String open, String close) {
        int a = text.indexOf(open);
        assertTrue(a >= 0, "README.md has no " + open);
        int b = text.indexOf(close, a + open.length());
        return text.substring(a + open.length(), b);
    }

    /** Reads the server's output until the admin token line; fails when the server exits or stays silent. */
    private static String adminToken(Process server) throws Exception {
        String prefix = "Admin token (Authorization: Bearer; also valid on every database): ";
        BlockingQueue<String> lines = new ArrayBlockingQueue<>(1000);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.offer(line);
                }
            } catch (Exception e) {
                lines.offer("(output unreadable: " + e + ")");
            }
        }, "quickstart-server-output");
        reader.setDaemon(true);
        reader.start();
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.append(line).append('\n');
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length()).trim();
                }
            } else if (!server.isAlive()) {
                break;
            }
        }
        return fail("the server printed no admin token:\n" + seen);
    }

    private static String runNode(Path dir, Path scratch, String adminToken) throws Exception {
        Path out = Files.createTempFile(scratch, "out", ".txt");
        ProcessBuilder pb = new ProcessBuilder("node", "quickstart.mjs").directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.appendTo(out.toFile()));
        pb.environment().put("SKERRY_ADMIN_TOKEN", adminToken);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("node quickstart.mjs did not finish");
        }
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), text);
        return text;
    }

    /**
     * The script's output as SQLite gives it: the same statements with the same arguments on {@code url}
     * (run first when {@code write}), as {@code {"columns", "rows"}} ({@code rows} only when reading a file).
     */
    private static JsonNode sqlite(String url, boolean write) throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            if (write) {
                try (Statement s = c.createStatement()) {
                    s.execute(CREATE);
                }
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    ps.setString(1, "hello");
                    ps.setDouble(2, 4.5);
                    ps.setString(3, "world");
                    ps.setObject(4, null);
                    ps.executeUpdate();
                }
            }
            ObjectNode result = TestServer.JSON.createObjectNode();
            ArrayNode columns = result.putArray("columns");
            ArrayNode rows = result.putArray("rows");
            try (PreparedStatement ps = c.prepareStatement(SELECT.replace(":min", "?"))) {
                ps.setLong(1, 1);
                try (ResultSet rs = ps.executeQuery()) {
                    ResultSetMetaData md = rs.getMetaData();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        columns.add(md.getColumnLabel(i));
                    }
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            row.add(rs.getObject(i));
                        }
                        rows.add(TestServer.JSON.valueToTree(row));
                    }
                }
            }
            return result;
        }
    }
}
