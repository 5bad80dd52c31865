package dev.skerry.cli.sqltest;

import dev.skerry.cli.backend.SqliteJdbcBackend;
import dev.skerry.engine.parser.SqlComplete;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves the {@code .sqltest} runner with real SQLite (sqlite-jdbc 3.50.3) behind the shell: over the
 * {@code sqlite-sqltests} corpus, the cases SQLite fails are exactly those listed in
 * {@code sqltest-sqlite-failures.txt} (each with the reason it cannot pass through this runner), and a
 * wrong expectation of each kind is reported as a failure.
 */
class SqltestRunnerSqliteTest {
    static final Path CORPUS = Paths.get(System.getProperty("skerry.corpus", "../../shared/corpus"), "turso-sqltest")
            .toAbsolutePath().normalize();

    static final SqltestRunner.Databases SQLITE = (path, readonly) ->
            SqliteJdbcBackend.open(readonly ? "file:" + path + "?immutable=1" : path);

    @Test
    void sqlitePassesEveryCaseButTheListedOnes() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        SqltestResult r = SqltestCommand.runAll(SqltestCommand.files(List.of(CORPUS.resolve("sqlite-sqltests").toString())),
                false, SQLITE, SqlComplete::isComplete, new PrintStream(buf, true, StandardCharsets.UTF_8));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        TreeSet<String> failed = new TreeSet<>();
        for (String f : r.failures()) {
            failed.add(key(f));
        }
        TreeSet<String> listed = new TreeSet<>(lines(resource("/sqltest-sqlite-failures.txt")));
        System.out.println("sqlite-sqltests over SQLite: " + r + " in " + ms + " ms");
        for (String f : r.failures()) {
            System.out.println("  FAIL " + f);
        }
        assertEquals(listed, failed);
        assertTrue(r.passed() > 4000, r.toString());
    }

    /** {@code FILE: NAME [DB]} of a failure line, the file relative to the corpus folder. */
    static String key(String failure) {
        String root = CORPUS.resolve("sqlite-sqltests").toString() + "/";
        String s = failure.startsWith(root) ? failure.substring(root.length()) : failure;
        int end = s.indexOf("]: ");
        return end < 0 ? s : s.substring(0, end + 1);
    }

    private static SqltestResult run(String file) {
        Path temp = Paths.get(System.getProperty("java.io.tmpdir"));
        return new SqltestRunner(SQLITE, SqlComplete::isComplete, CORPUS, temp).runFile("t.sqltest", file);
    }

    private static final String SETUP = "@database :memory:\n@database :temp:\n\n"
            + "setup t {\n    CREATE TABLE t(a, b);\n    INSERT INTO t VALUES (1, 'x'), (2, NULL);\n}\n\n";

    @Test
    void rightExpectationsOfEachKindPass() {
        SqltestResult r = run(SETUP
                + "@setup t\ntest exact {\n    SELECT a, b FROM t ORDER BY a;\n}\nexpect {\n    1|x\n    2|\n}\n"
                + "@setup t\ntest unordered {\n    SELECT a FROM t;\n}\nexpect unordered {\n    2\n    1\n}\n"
                + "@setup t\ntest pattern {\n    SELECT count(*) FROM t;\n}\nexpect pattern {\n    ^[0-9]$\n}\n"
                + "test error {\n    SELECT * FROM nope;\n}\nexpect error {\n    no such table: nope\n}\n"
                + "test raw {\n    SELECT '  a';\n}\nexpect raw {\n  a\n}\n"
                + "test override {\n    SELECT 1;\n}\nexpect {\n    2\n}\nexpect @cli {\n    1\n}\n"
                + "@skip \"never run\"\ntest skipped {\n    SELECT * FROM nope;\n}\nexpect {\n}\n");
        assertEquals(0, r.failed(), r.failures().toString());
        assertEquals(12, r.passed());
        assertEquals(2, r.skipped());
    }

    @Test
    void wrongExpectationsOfEachKindFail() {
        String[] cases = {
            "@setup t\ntest exact {\n    SELECT a, b FROM t ORDER BY a;\n}\nexpect {\n    1|x\n    2|y\n}\n",
            "@setup t\ntest unordered {\n    SELECT a FROM t;\n}\nexpect unordered {\n    3\n    1\n}\n",
            "@setup t\ntest pattern {\n    SELECT count(*) FROM t;\n}\nexpect pattern {\n    ^[3-9]$\n}\n",
            "test error {\n    SELECT * FROM nope;\n}\nexpect error {\n    no such column\n}\n",
            "test noerror {\n    SELECT 1;\n}\nexpect error {\n}\n",
            "test raw {\n    SELECT '  a';\n}\nexpect raw {\n    a\n}\n",
            "test override {\n    SELECT 1;\n}\nexpect {\n    1\n}\nexpect @cli {\n    2\n}\n",
            "test unexpectederror {\n    SELECT * FROM nope;\n}\nexpect {\n}\n",
        };
        for (String c : cases) {
            SqltestResult r = run(SETUP + c);
            assertEquals(0, r.passed(), c);
            assertEquals(2, r.failed(), c);
        }
    }

    @Test
    void setupOutputIsDroppedAndErrorsAreNormalised() {
        assertNull(SqltestRunner.finalDotCommand("SELECT 1;\n.tables x\nSELECT 2;"));
        assertEquals(".schema t", SqltestRunner.finalDotCommand("SELECT 1;\n  .schema t  \n\n"));
        assertEquals("no such table: x", SqltestRunner.normalizeError("Runtime error near line 3: no such table: x (1)"));
        assertEquals("Parse error: near \"(\": syntax error",
                SqltestRunner.normalizeError("Parse error near line 1: near \"(\": syntax error\n  SELECT (\n"));
        SqltestResult r = run(SETUP.replace("INSERT", "SELECT 'noise';\n    INSERT")
                + "@setup t\ntest afterMarker {\n    SELECT count(*) FROM t;\n}\nexpect {\n    2\n}\n");
        assertEquals(2, r.passed(), r.failures().toString());
    }

    static String resource(String name) throws IOException {
        try (InputStream in = SqltestRunnerSqliteTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                out.add(t);
            }
        }
        return out;
    }
}
