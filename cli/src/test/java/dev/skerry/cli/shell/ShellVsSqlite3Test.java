package dev.skerry.cli.shell;

import dev.skerry.cli.Cli;
import dev.skerry.cli.backend.SqlSplitter;
import dev.skerry.cli.backend.SqliteJdbcBackend;
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
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the shell over real SQLite (sqlite-jdbc) and the {@code sqlite3} shell ({@code /usr/bin/sqlite3}) on
 * the same scripts and requires the same stdout bytes, the same stderr and the same exit status. The scripts
 * avoid what differs between the machine's sqlite3 3.40 and 3.50 (non-integral reals in quote/json/insert
 * modes, control characters). JDBC gives no error offset, so the caret lines sqlite3 prints under syntax
 * errors are removed from its stderr before comparing (ErrorContextTest covers them).
 */
class ShellVsSqlite3Test {
    private static final Path SQLITE3 = Paths.get("/usr/bin/sqlite3");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"list", "modes", "columnar", "schema", "errors", "bail", "read"})
    void sameOutputAsSqlite3(String name) throws Exception {
        assumeTrue(Files.isExecutable(SQLITE3), "the sqlite3 shell is not installed");
        Files.write(dir.resolve("included.sql"), resource("included"));
        byte[] script = new String(resource(name), StandardCharsets.UTF_8)
                .replace("@DIR@", dir.toString()).getBytes(StandardCharsets.UTF_8);

        Process p = new ProcessBuilder(SQLITE3.toString(), dir.resolve("ref.db").toString())
                .directory(dir.toFile()).start();
        p.getOutputStream().write(script);
        p.getOutputStream().close();
        byte[] refOut = p.getInputStream().readAllBytes();
        String refErr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(new String[] {dir.resolve("ours.db").toString()}, new ByteArrayInputStream(script),
                out, err, SqliteJdbcBackend::open, SqlSplitter::isComplete);

        assertEquals(new String(refOut, StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
        assertEquals(hex(refOut), hex(out.toByteArray()), "stdout bytes");
        assertEquals(withoutCarets(refErr), err.toString(StandardCharsets.UTF_8));
        assertEquals(p.exitValue(), status, "exit status");
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ShellVsSqlite3Test.class.getResourceAsStream("/shell/" + name + ".sql")) {
            return in.readAllBytes();
        }
    }

    static String withoutCarets(String err) {
        StringBuilder sb = new StringBuilder();
        for (String line : err.split("\n", -1)) {
            if (line.startsWith("  ") && !sb.toString().isEmpty()) {
                continue;
            }
            sb.append(line).append('\n');
        }
        return sb.substring(0, sb.length() - 1);
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x & 0xFF));
        }
        return sb.toString();
    }
}
