package dev.skerry.cli.sqltest;

import dev.skerry.cli.backend.SkerryBackend;
import dev.skerry.engine.parser.SqlComplete;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Turso's {@code sqlite-sqltests} corpus over Skerry (the production backend, read-only fixtures copied
 * first), in this JVM: prints the counts and every failure, and fails when the cases passed drop below the
 * floor in {@code sqltest-baseline.txt} (raise it when the engine improves).
 */
class SqltestCorpusTest {
    @Test
    void corpusOnSkerryDoesNotFallBelowTheFloor() throws IOException {
        SqltestRunner.Databases skerry = (path, readonly) -> SkerryBackend.open(readonly ? ReadonlyCopy.of(path) : path);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        long t0 = System.nanoTime();
        SqltestResult r = SqltestCommand.runAll(
                SqltestCommand.files(List.of(SqltestRunnerSqliteTest.CORPUS.resolve("sqlite-sqltests").toString())),
                false, skerry, SqlComplete::isComplete, new PrintStream(buf, true, StandardCharsets.UTF_8));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        int floor = Integer.parseInt(SqltestRunnerSqliteTest.resource("/sqltest-baseline.txt").strip());
        System.out.print(buf.toString(StandardCharsets.UTF_8));
        for (String f : r.failures()) {
            System.out.println("  FAIL " + f);
        }
        System.out.println("sqlite-sqltests over Skerry: " + r + " (floor " + floor + ") in " + ms + " ms");
        assertTrue(r.passed() >= floor, "passed " + r.passed() + " < floor " + floor);
    }
}
