package dev.skerry.cli.slt;

import dev.skerry.cli.backend.SqliteJdbcBackend;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Proves the sqllogictest runner with real SQLite (sqlite-jdbc 3.50.3) as the backend: every executed record
 * of the CI subset passes (the corpus README says SQLite 3.50 passes all of them), and a changed expected
 * result is reported as a failure.
 */
class SltRunnerSqliteTest {
    private static final Path SLT = Paths.get(System.getProperty("skerry.corpus", "../../shared/corpus"), "slt");

    @Test
    void ciSubsetPassesEveryExecutedRecordOnSqlite() throws IOException {
        List<String> files = new ArrayList<>();
        for (String line : Files.readAllLines(SLT.resolve("ci_subset.txt"))) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                files.add(SLT.resolve(line.trim()).toString());
            }
        }
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        int status = SltCommand.run(files, true, SqliteJdbcBackend::open,
                new PrintStream(buf, true, StandardCharsets.UTF_8));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String out = buf.toString(StandardCharsets.UTF_8);
        String[] lines = out.split("\n");
        String last = lines[lines.length - 1];
        System.out.println(out);
        System.out.println("ci_subset over SQLite: " + last + " in " + ms + " ms");
        assertEquals(29, files.size());
        assertEquals(0, status, out);
        assertTrue(last.matches("\\d+ passed, 0 failed, \\d+ skipped"), last);
        int passed = Integer.parseInt(last.substring(0, last.indexOf(' ')));
        assertTrue(passed > 100_000, last);
    }

    private static SltResult run(String script) {
        return new SltRunner(SqliteJdbcBackend::open, new PrintStream(new ByteArrayOutputStream()), false)
                .runScript("t.test", script);
    }

    private static final String TABLE = "statement ok\nCREATE TABLE t1(a INTEGER, b TEXT, c REAL)\n\n"
            + "statement ok\nINSERT INTO t1 VALUES(2147483648, 'x\ty', 2.0005),(-1, '', -0.5),(3, NULL, 1e20)\n\n";

    @Test
    void rendersValuesAsTheReferenceDriver() {
        SltResult r = run("hash-threshold 0\n\n" + TABLE
                + "query ITR nosort\nSELECT a, b, c FROM t1\n----\n-2147483648\nx@y\n2.001\n-1\n(empty)\n-0.500\n"
                + "3\nNULL\n100000000000000000000.000\n\n"
                + "query I nosort\nSELECT '12abc'\n----\n12\n\n"
                + "query R nosort\nSELECT '-'\n----\n0.000\n\n"
                + "query T nosort\nSELECT 1.0\n----\n1.0\n");
        assertEquals(4 + 2, r.passed(), r.toString());
        assertEquals(0, r.failed());
    }

    @Test
    void changedExpectedValueIsAFailure() {
        String good = TABLE + "query I rowsort\nSELECT a FROM t1\n----\n-1\n-2147483648\n3\n";
        assertEquals(0, run(good).failed());
        assertEquals(1, run(good.replace("\n3\n", "\n4\n")).failed());
        assertEquals(1, run(good.replace("\n3\n", "\n")).failed());
        assertEquals(1, run(good + "5\n").failed());
    }

    @Test
    void sortModesCompareFormattedStrings() {
        String s = "query II rowsort\nSELECT 10, 1 UNION ALL SELECT 9, 2\n----\n10\n1\n9\n2\n\n"
                + "query II valuesort\nSELECT 10, 1 UNION ALL SELECT 9, 2\n----\n1\n10\n2\n9\n\n"
                + "query II nosort\nSELECT 10, 1 UNION ALL SELECT 9, 2 ORDER BY 1\n----\n9\n2\n10\n1\n";
        SltResult r = run(s);
        assertEquals(3, r.passed(), r.toString());
    }

    @Test
    void hashesAboveTheThresholdAndChecksLabels() {
        String q = "query I valuesort label-1\nSELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3\n----\n";
        String hash = SltRunner.md5(new String[] {"1", "2", "3"});
        String s = "hash-threshold 2\n\n" + q + "3 values hashing to " + hash + "\n\n"
                + "hash-threshold 8\n\n" + q + "1\n2\n3\n";
        assertEquals(2, run(s).passed());
        assertEquals(1, run(s.replace(hash, "d41d8cd98f00b204e9800998ecf8427e")).failed());
        String relabelled = s + "\n" + q.replace("SELECT 3", "SELECT 4") + "1\n2\n4\n";
        SltResult r = run(relabelled);
        assertEquals(1, r.failed(), "same label, different hash");
        assertEquals("d41d8cd98f00b204e9800998ecf8427e", SltRunner.md5(new String[0]));
    }

    @Test
    void conditionsStatementsAndHalt() {
        String s = "skipif sqlite\nstatement ok\nTHIS IS NOT SQL\n\n"
                + "onlyif mysql\nstatement ok\nTHIS IS NOT SQL\n\n"
                + "onlyif SQLite\nstatement error\nSELECT * FROM nosuch\n\n"
                + "statement ok\nCREATE TABLE t(x); INSERT INTO t VALUES(1); INSERT INTO t VALUES(2)\n\n"
                + "# a comment\nquery I nosort\nSELECT count(*)\n# inside\nFROM t\n----\n2\n\n"
                + "statement error\nCREATE TABLE t(y)\n\n"
                + "onlyif mssql\nhalt\n\n"
                + "halt\n\nstatement ok\nNOT RUN\n";
        SltResult r = run(s);
        assertEquals("4 passed, 0 failed, 2 skipped", r.toString());
    }

    @Test
    void wrongColumnCountAndUnknownTypeFail() {
        assertEquals(1, run("query II nosort\nSELECT 1\n----\n1\n").failed());
        assertEquals(1, run("query X nosort\nSELECT 1\n----\n1\n").failed());
        assertEquals(1, run("statement ok\nSELECT * FROM nosuch\n").failed());
        assertEquals(1, run("statement error\nSELECT 1\n").failed());
    }
}
