package dev.skerry.cli.shell;

import dev.skerry.cli.Cli;
import dev.skerry.cli.backend.SkerryBackend;
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

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shell on Skerry (the production backend) against the {@code sqlite3} shell ({@code /usr/bin/sqlite3})
 * for syntax errors: the same stdout and stderr bytes, caret lines included, and the same exit status. The
 * caret lines come from the engine's error offsets ({@code sqlite3_error_offset}), so this proves them: for
 * the first statement, for later statements of a script and of one line, in multi-line statements, for
 * unrecognized tokens, {@code incomplete input}, errors beyond 50 bytes and on non-ASCII text.
 */
class SkerryShellVsSqlite3Test {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"syntax", "syntax-script"})
    void scriptOnStdinGivesSqlite3Output(String name) throws Exception {
        byte[] script;
        try (InputStream in = SkerryShellVsSqlite3Test.class.getResourceAsStream("/shell/" + name + ".sql")) {
            script = in.readAllBytes();
        }
        compare(new String[] {"DB"}, script);
    }

    /** Command lines: {@code DB} (replaced by the database path), then SQL arguments. */
    @ParameterizedTest
    @ValueSource(strings = {"DB|selec 1", "DB|SELECT 1 +", "DB|SELECT 1; selec 2", "DB|SELECT 1|selec 2|SELECT 3",
        "DB|SELECT 'abc", "DB|SELECT 1 # 2", "DB|SELECT\n  1,\n  2 3", "-bail|DB|SELECT 1; SELECT 2 3; SELECT 4",
        "DB|  \n  SELECT 1 FROM WHERE"})
    void commandLineArgumentsGiveSqlite3Output(String args) throws Exception {
        compare(args.split("\\|"), new byte[0]);
    }

    private void compare(String[] args, byte[] stdin) throws IOException, InterruptedException {
        String[] ref = new String[args.length];
        String[] ours = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            boolean db = args[i].equals("DB");
            ref[i] = db ? dir.resolve("ref.db").toString() : args[i];
            ours[i] = db ? dir.resolve("skerry.db").toString() : args[i];
        }
        Sqlite3Run sqlite3 = Sqlite3Run.of(dir, ref, stdin);
        byte[] refOut = sqlite3.out();
        String refErr = sqlite3.err();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(ours, new ByteArrayInputStream(stdin), out, err, SkerryBackend::open,
                SqlComplete::isComplete);

        assertEquals(new String(refOut, StandardCharsets.UTF_8), out.toString(StandardCharsets.UTF_8));
        assertArrayEquals(refOut, out.toByteArray(), "stdout bytes");
        assertEquals(refErr, err.toString(StandardCharsets.UTF_8));
        assertArrayEquals(refErr.getBytes(StandardCharsets.UTF_8), err.toByteArray(), "stderr bytes");
        assertEquals(sqlite3.status(), status, "exit status");
    }
}
