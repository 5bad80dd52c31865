package dev.skerry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteException;

/**
 * The real clients against the server: {@code src/test/node/clients.mjs} runs {@code @libsql/client} 0.18.0
 * (Hrana v2: execute with positional and named arguments, batch in write, read and deferred mode, a failing batch,
 * interactive transactions committed and rolled back, syntax and constraint errors) and
 * {@code @tursodatabase/serverless} 1.4.0 (Hrana v3 pipeline and cursor: prepare/get/all/run, raw, pluck,
 * safeIntegers, named arguments, exec transactions, batch) and prints every statement it ran with what the
 * client saw; this test replays the statements in the same order on SQLite (sqlite-jdbc) and compares rows,
 * changes, rowids and errors. The pinned packages ({@code package-lock.json}) are installed with
 * {@code npm ci} into {@code target/node-clients} when missing; without npm or the registry the test fails.
 */
class ServerClientsTest {
    private static final long NODE_TIMEOUT_SECONDS = 120;

    @Test
    void libsqlClientAndServerlessSeeWhatSqliteGives(@TempDir Path tmp) throws Exception {
        Path dir = installClients();
        String output;
        try (TestServer server = new TestServer()) {
            output = run(dir, tmp, "node", "clients.mjs", server.base() + "/", "clients");
        }
        JsonNode ops = TestServer.JSON.readTree(output).get("ops");
        assertTrue(ops.size() > 40, "the script ran its scenario: " + ops.size() + " statements");
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("reference.db"))) {
            int compared = 0;
            for (JsonNode op : ops) {
                replay(sqlite, op);
                if (!op.get("expect").asText().equals("none")) {
                    compared++;
                }
            }
            assertTrue(compared >= 30, "compared " + compared);
        }
    }

    /** Installs the pinned clients with npm ci unless target/node-clients already has this lock file's set. */
    static Path installClients() throws Exception {
        Path sources = Paths.get(System.getProperty("skerry.server.nodeSources", "src/test/node"));
        Path dir = Paths.get(System.getProperty("skerry.server.nodeDir", "target/node-clients"));
        Files.createDirectories(dir);
        Path lock = dir.resolve("package-lock.json");
        boolean current = Files.exists(dir.resolve("node_modules/@libsql/client/package.json"))
                && Files.exists(dir.resolve("node_modules/@tursodatabase/serverless/package.json"))
                && Files.exists(dir.resolve("node_modules/@tursodatabase/api/package.json"))
                && Files.exists(lock) && Files.mismatch(lock, sources.resolve("package-lock.json")) == -1;
        for (String f : new String[] {"package.json", "package-lock.json", "clients.mjs", "admin.mjs"}) {
            Files.copy(sources.resolve(f), dir.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        if (!current) {
            run(dir, dir, "npm", "ci", "--no-audit", "--no-fund", "--loglevel=error");
        }
        return dir;
    }

    /** Runs a command in {@code dir}; fails the test with its output when it cannot run or exits non-zero. */
    static String run(Path dir, Path scratch, String... command) throws Exception {
        Path out = Files.createTempFile(scratch, "out", ".txt");
        Path err = Files.createTempFile(scratch, "err", ".txt");
        Process p;
        try {
            p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
        } catch (IOException e) {
            return fail(String.join(" ", command) + " cannot run (is Node.js with npm installed?): " + e.getMessage());
        }
        if (!p.waitFor(NODE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish in " + NODE_TIMEOUT_SECONDS + " s:\n"
                    + Files.readString(err));
        }
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            fail(String.join(" ", command) + " failed with exit code " + p.exitValue() + " (npm registry unreachable?)\n"
                    + Files.readString(err, StandardCharsets.UTF_8) + "\n" + stdout);
        }
        return stdout;
    }

    /** Runs one statement the clients ran on SQLite and compares with what the client saw. */
    private static void replay(Connection sqlite, JsonNode op) throws Exception {
        String sql = op.get("sql").asText();
        String expect = op.get("expect").asText();
        String where = op.get("client").asText() + ": " + sql + " " + op.get("args");
        List<String> columns = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        long changes;
        long rowid;
        try (PreparedStatement ps = sqlite.prepareStatement(sql)) {
            int i = 1;
            for (JsonNode a : op.get("args")) {
                bind(ps, i++, a);
            }
            if (ps.execute()) {
                try (ResultSet rs = ps.getResultSet()) {
                    ResultSetMetaData md = rs.getMetaData();
                    for (int c = 1; c <= md.getColumnCount(); c++) {
                        columns.add(md.getColumnLabel(c));
                    }
                    while (rs.next()) {
                        List<Object> row = new ArrayList<>();
                        for (int c = 1; c <= md.getColumnCount(); c++) {
                            row.add(rs.getObject(c));
                        }
                        rows.add(row);
                    }
                }
            }
            try (ResultSet rs = sqlite.createStatement().executeQuery("SELECT changes(), last_insert_rowid()")) {
                changes = rs.getLong(1);
                rowid = rs.getLong(2);
            }
        } catch (SQLiteException e) {
            assertEquals("error", expect, where + ": SQLite failed with " + e.getMessage());
            JsonNode error = op.get("error");
            String m = e.getMessage();
            assertEquals(e.getResultCode().name(), error.get("code").asText(), where);
            assertEquals(m.substring(m.indexOf('(') + 1, m.length() - 1), error.get("message").asText(), where);
            return;
        }
        switch (expect) {
            case "none" -> { }
            case "error" -> fail(where + ": the client saw " + op.get("error") + " but SQLite succeeded");
            case "run" -> {
                assertNotNull(op.get("changes"), where + ": the client succeeded where it should have failed");
                assertEquals(String.valueOf(changes), op.get("changes").asText(), where);
                assertEquals(String.valueOf(rowid), op.get("lastInsertRowid").asText(), where);
            }
            case "rows" -> {
                if (op.has("columns")) {
                    List<String> seen = new ArrayList<>();
                    op.get("columns").forEach(c -> seen.add(c.asText()));
                    assertEquals(columns, seen, where);
                }
                JsonNode seenRows = op.get("rows");
                assertEquals(rows.size(), seenRows.size(), where + " rows " + seenRows);
                boolean libsql = op.get("client").asText().equals("libsql");
                for (int r = 0; r < rows.size(); r++) {
                    assertEquals(rows.get(r).size(), seenRows.get(r).size(), where);
                    for (int c = 0; c < rows.get(r).size(); c++) {
                        assertValue(rows.get(r).get(c), seenRows.get(r).get(c), libsql, where + " row " + r + " col " + c);
                    }
                }
            }
            default -> fail("unknown expectation " + expect);
        }
    }

    private static void bind(PreparedStatement ps, int i, JsonNode a) throws Exception {
        String v = a.path("v").asText();
        switch (a.get("t").asText()) {
            case "i" -> ps.setLong(i, Long.parseLong(v));
            case "f" -> ps.setDouble(i, Double.parseDouble(v));
            case "s" -> ps.setString(i, v);
            case "b" -> ps.setBytes(i, HexFormat.of().parseHex(v));
            case "n" -> ps.setNull(i, java.sql.Types.NULL);
            default -> fail("unknown argument type " + a);
        }
    }

    /** A value the client saw against SQLite's; {@code libsql} clients tell integers (BigInt) from floats. */
    private static void assertValue(Object expected, JsonNode seen, boolean libsql, String where) {
        String t = seen.get("t").asText();
        String v = seen.path("v").asText();
        where = where + ": SQLite " + expected + ", client " + seen;
        switch (t) {
            case "n" -> assertEquals(null, expected, where);
            case "i" -> {
                assertTrue(expected instanceof Integer || expected instanceof Long, where);
                assertEquals(((Number) expected).longValue(), Long.parseLong(v), where);
            }
            case "num" -> {
                assertTrue(expected instanceof Number, where);
                if (libsql) {
                    assertTrue(expected instanceof Double, where);
                }
                assertEquals(((Number) expected).doubleValue(), Double.parseDouble(v), 0.0, where);
            }
            case "s" -> assertEquals(expected, v, where);
            case "b" -> {
                assertTrue(expected instanceof byte[], where);
                assertEquals(HexFormat.of().formatHex((byte[]) expected), v, where);
            }
            default -> fail("unknown value type " + where);
        }
    }
}
