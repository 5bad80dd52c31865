package dev.skerry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code describe}'s {@code is_readonly} is {@code sqlite3_stmt_readonly}, as sqld reports it. sqlite-jdbc does not
 * expose that function, so SQLite is asked through the system library ({@code libsqlite3.so.0}, which the
 * {@code sqlite3} package installs) from Python's {@code ctypes}, on the same schema.
 */
class DescribeReadonlyTest {
    private static final String SCHEMA = "CREATE TABLE t(a INTEGER PRIMARY KEY, b)";
    private static final String[] STATEMENTS = {"BEGIN", "BEGIN DEFERRED TRANSACTION", "BEGIN IMMEDIATE",
        "BEGIN EXCLUSIVE", "COMMIT", "END", "ROLLBACK", "SELECT 1", "SELECT * FROM t WHERE a = ?",
        "INSERT INTO t VALUES (1, 2)", "UPDATE t SET b = 3", "DELETE FROM t", "CREATE TABLE u(x)",
        "DROP TABLE t", "CREATE INDEX tb ON t(b)", "PRAGMA user_version", "PRAGMA user_version = 3",
        "WITH c(x) AS (SELECT 1) SELECT x FROM c", "INSERT INTO t SELECT * FROM t"};

    /** sqlite3_stmt_readonly of each statement, from SQLite itself. */
    private static boolean[] sqlite(Path tmp) throws Exception {
        String script = String.join("\n",
                "import ctypes, sys, json",
                "lib = ctypes.CDLL('libsqlite3.so.0')",
                "db = ctypes.c_void_p()",
                "assert lib.sqlite3_open(b':memory:', ctypes.byref(db)) == 0",
                "assert lib.sqlite3_exec(db, sys.argv[1].encode(), None, None, None) == 0",
                "out = []",
                "for sql in json.loads(sys.argv[2]):",
                "    st = ctypes.c_void_p()",
                "    assert lib.sqlite3_prepare_v2(db, sql.encode(), -1, ctypes.byref(st), None) == 0, sql",
                "    out.append(lib.sqlite3_stmt_readonly(st) != 0)",
                "    lib.sqlite3_finalize(st)",
                "print(json.dumps(out))", "");
        Path file = tmp.resolve("readonly.py");
        Files.writeString(file, script);
        Path out = tmp.resolve("out.txt");
        Process p = new ProcessBuilder("python3", file.toString(), SCHEMA,
                TestServer.JSON.writeValueAsString(STATEMENTS)).redirectErrorStream(true).redirectOutput(out.toFile())
                .start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 did not finish");
        String text = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "asking SQLite through python3 and libsqlite3.so.0 failed: " + text);
        JsonNode values = TestServer.JSON.readTree(text);
        boolean[] readonly = new boolean[STATEMENTS.length];
        for (int i = 0; i < readonly.length; i++) {
            readonly[i] = values.get(i).asBoolean();
        }
        return readonly;
    }

    @Test
    void isReadonlyIsSqlite3StmtReadonly(@TempDir Path tmp) throws Exception {
        boolean[] expected = sqlite(tmp);
        try (TestServer server = new TestServer()) {
            server.pipeline("ro", "{\"requests\":[{\"type\":\"execute\",\"stmt\":{\"sql\":\"" + SCHEMA + "\"}}]}");
            StringBuilder requests = new StringBuilder();
            for (String sql : STATEMENTS) {
                requests.append(requests.length() == 0 ? "" : ",").append("{\"type\":\"describe\",\"sql\":")
                        .append(TestServer.JSON.writeValueAsString(sql)).append('}');
            }
            JsonNode results = server.pipeline("ro", "{\"requests\":[" + requests + "]}").get("results");
            for (int i = 0; i < STATEMENTS.length; i++) {
                JsonNode r = results.get(i);
                assertEquals("ok", r.get("type").asText(), STATEMENTS[i] + ": " + r);
                assertEquals(expected[i], r.at("/response/result/is_readonly").asBoolean(), STATEMENTS[i]);
            }
        }
    }
}
