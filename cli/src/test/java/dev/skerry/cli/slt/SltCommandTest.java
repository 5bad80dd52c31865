package dev.skerry.cli.slt;

import dev.skerry.cli.Cli;
import dev.skerry.engine.parser.SqlComplete;
import dev.skerry.cli.backend.SqliteJdbcBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code skerry --slt}: the per-file and total lines, the exit status and the {@code --verbose} report. */
class SltCommandTest {
    @TempDir
    Path dir;

    private String run(int expectedStatus, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = Cli.run(args, new ByteArrayInputStream(new byte[0]), out, new ByteArrayOutputStream(),
                SqliteJdbcBackend::open, SqlComplete::isComplete);
        assertEquals(expectedStatus, status);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsOneLinePerFileAndTheTotals() throws Exception {
        Path good = dir.resolve("good.test");
        Path bad = dir.resolve("bad.test");
        Files.writeString(good, "statement ok\nCREATE TABLE t(a)\n\nskipif sqlite\nquery I nosort\nSELECT 1\n----\n2\n\n"
                + "query I nosort\nSELECT 1\n----\n1\n");
        Files.writeString(bad, "query I nosort\nSELECT 1 + 1\n----\n3\n\nquery T nosort\nSELECT 'x'\n----\nx\n");
        String out = run(1, "--slt", good.toString(), bad.toString());
        assertEquals(good + ": 2 passed, 0 failed, 1 skipped\n" + bad + ": 1 passed, 1 failed, 0 skipped\n"
                + "3 passed, 1 failed, 1 skipped\n", out);
        assertEquals("2 passed, 0 failed, 1 skipped\n", run(0, "--slt", good.toString())
                .substring((good + ": 2 passed, 0 failed, 1 skipped\n").length()));
    }

    @Test
    void verboseReportsEachFailureWithItsPlaceSqlAndValues() throws Exception {
        Path bad = dir.resolve("bad.test");
        Files.writeString(bad, "# comment\nquery I nosort\nSELECT 1 + 1\n----\n3\n");
        String out = run(1, "--slt", "--verbose", bad.toString());
        assertTrue(out.startsWith(bad + ":2: wrong result\nSELECT 1 + 1\nexpected:\n3\ngot:\n2\n"), out);
        assertTrue(out.endsWith("0 passed, 1 failed, 0 skipped\n"), out);
    }
}
