package dev.skerry.cli.shell;

import dev.skerry.cli.Cli;
import dev.skerry.engine.parser.SqlComplete;
import dev.skerry.cli.backend.SyntaxOffsetBackend;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the shell over real SQLite (sqlite-jdbc) and the {@code sqlite3} shell ({@code /usr/bin/sqlite3}) on
 * the same scripts and requires the same stdout bytes, the same stderr and the same exit status. The scripts
 * avoid what differs between the machine's sqlite3 3.40 and 3.50 (non-integral reals in quote/json/insert
 * modes, control characters). JDBC gives no error offset; {@link SyntaxOffsetBackend} supplies it for syntax
 * errors so that the caret lines are compared too. Messages that name the program say {@code skerry}
 * where sqlite3 gives its own path.
 */
class ShellVsSqlite3Test {
    private static final Path SQLITE3 = Sqlite3Run.SQLITE3;

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"list", "modes", "columnar", "schema", "errors", "syntax", "bail", "read", "misc", "crlf"})
    void scriptOnStdinGivesSqlite3Output(String name) throws Exception {
        byte[] script = new String(resource(name), StandardCharsets.UTF_8)
                .replace("@DIR@", dir.toString()).getBytes(StandardCharsets.UTF_8);
        compare(script, dir.resolve("db").toString());
    }

    /** Command lines: options, then {@code DB} (replaced by the database path), then SQL arguments. */
    @ParameterizedTest
    @ValueSource(strings = {"DB|SELECT 1; SELECT 'two', 3", "-csv|-header|DB|SELECT 1 AS a, 'x y' AS b",
        "-separator|:|-nullvalue|NIL|DB|SELECT 1, NULL", "DB|SELECT * FROM nosuch", "DB|SELECT 1 +",
        "DB|selec 1", "-bail|DB|SELECT 1|SELECT 2", "DB|.print hello", "-line|DB|SELECT 1 AS a, 2 AS b",
        "-box|DB|SELECT 1 AS a", "-json|DB|SELECT 'x' AS k", "-column|DB|SELECT 1 AS a", "-quote|DB|SELECT 'q'",
        "-tabs|DB|SELECT 1, 2", "-separator|\\t|DB|SELECT 1, 2", "-markdown|-noheader|DB|SELECT 1 AS a",
        "DB|CREATE TABLE t(a UNIQUE); INSERT INTO t VALUES(1); INSERT INTO t VALUES(1)", "DB|.mode nosuch",
        "DB|SELECT 1|selec 2|SELECT 3", "-nosuchoption|DB"})
    void commandLineArgumentsGiveSqlite3Output(String args) throws Exception {
        String[] all = args.split("\\|");
        for (int i = 0; i < all.length; i++) {
            if (all[i].equals("DB")) {
                all[i] = dir.resolve("db").toString();
            }
        }
        compareArgs(all, new byte[0]);
    }

    /**
     * With stdout and stderr into one stream ({@code 2>&1}), errors appear between the right rows. sqlite3
     * flushes stdout only before reading the next input line, so these scripts hold one statement per line;
     * the shell flushes after every statement ({@link #rowsOfALineComeBeforeItsLaterError}).
     */
    @ParameterizedTest
    @ValueSource(strings = {"syntax", "bail"})
    void mergedStreamsKeepTheirOrder(String name) throws Exception {
        assumeTrue(Files.isExecutable(SQLITE3), "the sqlite3 shell is not installed");
        byte[] script = resource(name);
        Process p = new ProcessBuilder(SQLITE3.toString(), dir.resolve("ref.db").toString())
                .redirectErrorStream(true).start();
        p.getOutputStream().write(script);
        p.getOutputStream().close();
        byte[] ref = p.getInputStream().readAllBytes();
        p.waitFor(30, TimeUnit.SECONDS);
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        java.io.BufferedOutputStream out = new java.io.BufferedOutputStream(both);
        java.io.BufferedOutputStream err = new java.io.BufferedOutputStream(both);
        Cli.run(new String[] {dir.resolve("db").toString()}, new ByteArrayInputStream(script), out, err,
                SyntaxOffsetBackend::open, SqlComplete::isComplete);
        assertEquals(new String(ref, StandardCharsets.UTF_8), both.toString(StandardCharsets.UTF_8));
    }

    /** Where sqlite3 (buffered stdout) would print the error first, the shell keeps statement order. */
    @org.junit.jupiter.api.Test
    void rowsOfALineComeBeforeItsLaterError() {
        byte[] script = "SELECT 3; SELECT * FROM nosuch; SELECT 4;\nSELECT 5;\n".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        int status = Cli.run(new String[] {dir.resolve("db").toString()}, new ByteArrayInputStream(script), both,
                both, SyntaxOffsetBackend::open, SqlComplete::isComplete);
        assertEquals("3\nParse error near line 1: no such table: nosuch\n5\n", both.toString(StandardCharsets.UTF_8));
        assertEquals(1, status);
    }

    private void compare(byte[] script, String db) throws Exception {
        Files.write(dir.resolve("included.sql"), resource("included"));
        compareArgs(new String[] {db}, script);
    }

    private void compareArgs(String[] args, byte[] stdin) throws Exception {
        String[] ref = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            ref[i] = args[i].replace(dir.resolve("db").toString(), dir.resolve("ref.db").toString());
        }
        Sqlite3Run sqlite3 = Sqlite3Run.of(dir, ref, stdin);
        byte[] refOut = sqlite3.out();
        String refErr = sqlite3.err();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new ByteArrayInputStream(stdin), out, err, SyntaxOffsetBackend::open,
                SqlComplete::isComplete);

        assertEquals(new String(refOut, StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
        assertEquals(hex(refOut), hex(out.toByteArray()), "stdout bytes");
        assertEquals(refErr, err.toString(StandardCharsets.UTF_8));
        assertEquals(sqlite3.status(), status, "exit status");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ShellVsSqlite3Test.class.getResourceAsStream("/shell/" + name + ".sql")) {
            return in.readAllBytes();
        }
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x & 0xFF));
        }
        return sb.toString();
    }
}
