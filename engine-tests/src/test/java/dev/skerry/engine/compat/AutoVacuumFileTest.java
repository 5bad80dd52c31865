package dev.skerry.engine.compat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.testkit.Outcome;
import dev.skerry.testkit.SkerryEngine;
import dev.skerry.testkit.TestVfs;
import dev.skerry.vfs.file.FileVfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Auto-vacuum databases are read-only in Skerry: a file SQLite made with {@code auto_vacuum=FULL} or
 * {@code INCREMENTAL} is read with SQLite's rows, every write is refused with {@code SQLITE_READONLY} and
 * leaves the file as it was; asking a new database for auto-vacuum is an error.
 */
class AutoVacuumFileTest {
    @TempDir
    Path dir;

    @Test
    void autoVacuumFilesAreReadAndNeverWritten() throws Exception {
        for (String mode : new String[] {"full", "incremental"}) {
            Path file = dir.resolve(mode + ".db");
            List<List<Object>> expected;
            try (JdbcDb sqlite = new JdbcDb(file)) {
                sqlite.exec("PRAGMA auto_vacuum=" + mode);
                sqlite.exec("PRAGMA journal_mode=DELETE");
                sqlite.exec("CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT)");
                sqlite.exec("CREATE INDEX tb ON t(b)");
                sqlite.exec("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 500) "
                        + "INSERT INTO t SELECT x, printf('%0200d', x) FROM c");
                sqlite.exec("DELETE FROM t WHERE a % 3 = 0");
                expected = sqlite.query("SELECT a, length(b), substr(b, -3) FROM t ORDER BY b DESC");
            }
            byte[] before = Files.readAllBytes(file);
            SkerryDb skerry = SkerryDb.open(TestVfs.wrap(new FileVfs()), file.toString());
            try {
                Rows.assertSame(expected, skerry.query("SELECT a, length(b), substr(b, -3) FROM t ORDER BY b DESC"),
                        mode);
                assertEquals(mode.equals("full") ? 1L : 2L, skerry.query("PRAGMA auto_vacuum").get(0).get(0));
                for (String write : new String[] {"INSERT INTO t VALUES(1000, 'x')", "DELETE FROM t",
                    "UPDATE t SET b = 'y' WHERE a = 1", "CREATE TABLE u(x)", "PRAGMA user_version = 7"}) {
                    SqliteException e = assertThrows(SqliteException.class, () -> skerry.exec(write), write);
                    assertEquals(ResultCode.SQLITE_READONLY, e.code(), write + ": " + e.getMessage());
                }
                assertEquals(334L, skerry.query("SELECT count(*) FROM t").get(0).get(0));
            } finally {
                skerry.close();
            }
            assertArrayEquals(before, Files.readAllBytes(file), mode + ": the file is unchanged");
            try (JdbcDb check = new JdbcDb(file)) {
                assertEquals("ok", check.query("PRAGMA integrity_check").get(0).get(0));
            }
        }
    }

    @Test
    void aNewDatabaseCannotAskForAutoVacuum() {
        try (SkerryEngine skerry = new SkerryEngine()) {
            for (String mode : new String[] {"full", "incremental", "1", "2"}) {
                Outcome o = skerry.run("pragma auto_vacuum = " + mode);
                assertTrue(o.isError(), mode + ": " + o);
            }
            Outcome o = skerry.run("pragma auto_vacuum");
            assertEquals(List.of(List.of(Outcome.integer(0))), o.rows());
        }
    }
}
