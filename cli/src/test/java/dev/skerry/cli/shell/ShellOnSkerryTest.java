package dev.skerry.cli.shell;

import dev.skerry.cli.Cli;
import dev.skerry.cli.backend.BackendOpener;
import dev.skerry.cli.backend.SkerryBackend;
import dev.skerry.cli.backend.SyntaxOffsetBackend;
import dev.skerry.engine.parser.SqlComplete;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shell over Skerry (the production backend, on a database file) against the same shell over SQLite:
 * same stdout, stderr and exit status for the scripts whose SQL Skerry supports today. Skerry reports error
 * offsets, JDBC does not: the SQLite side runs under {@link SyntaxOffsetBackend}, so the caret lines under
 * syntax errors are compared too ({@link SkerryShellVsSqlite3Test} compares them with the sqlite3 shell itself).
 */
class ShellOnSkerryTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"list", "modes", "crlf", "bail", "syntax"})
    void skerryGivesTheSameShellOutputAsSqlite(String name) throws IOException {
        byte[] script;
        try (InputStream in = ShellOnSkerryTest.class.getResourceAsStream("/shell/" + name + ".sql")) {
            script = in.readAllBytes();
        }
        String[] ref = run(script, dir.resolve("sqlite.db"), SyntaxOffsetBackend::open);
        String[] ours = run(script, dir.resolve("skerry.db"), SkerryBackend::open);
        assertEquals(ref[0], ours[0], "stdout");
        assertEquals(ref[1], ours[1], "stderr");
        assertEquals(ref[2], ours[2], "exit status");
    }

    private static String[] run(byte[] script, Path db, BackendOpener opener) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(new String[] {db.toString()}, new ByteArrayInputStream(script), out, err, opener,
                SqlComplete::isComplete);
        return new String[] {out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
            Integer.toString(status)};
    }
}
