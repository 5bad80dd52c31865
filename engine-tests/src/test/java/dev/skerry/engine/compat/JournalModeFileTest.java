package dev.skerry.engine.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.testkit.TestVfs;
import dev.skerry.vfs.file.FileVfs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code PRAGMA journal_mode} on Skerry: a rollback-journal file SQLite made reports {@code delete}; Skerry's
 * first write turns it into a WAL file (SQLite and a new Skerry connection then say {@code wal}), though the
 * connection that wrote keeps answering {@code delete}; leaving WAL mode is refused with an error naming the
 * mode, and the database stays in WAL mode.
 */
class JournalModeFileTest {
    @TempDir
    Path dir;

    @Test
    void rollbackFileReportsDeleteUntilReopenedAfterAWrite() throws Exception {
        Path file = dir.resolve("rollback.db");
        try (JdbcDb sqlite = new JdbcDb(file)) {
            sqlite.exec("PRAGMA journal_mode=DELETE");
            sqlite.exec("CREATE TABLE t(a)");
            sqlite.exec("INSERT INTO t VALUES(1)");
        }
        SkerryDb skerry = SkerryDb.open(TestVfs.wrap(new FileVfs()), file.toString());
        try {
            assertEquals(List.of(List.of((Object) "delete")), skerry.query("PRAGMA journal_mode"));
            skerry.exec("INSERT INTO t VALUES(2)");
            assertEquals(List.of(List.of((Object) "delete")), skerry.query("PRAGMA journal_mode"),
                    "the opening connection keeps answering delete");
        } finally {
            skerry.close();
        }
        SkerryDb again = SkerryDb.open(TestVfs.wrap(new FileVfs()), file.toString());
        try {
            assertEquals(List.of(List.of((Object) "wal")), again.query("PRAGMA journal_mode"));
        } finally {
            again.close();
        }
        try (JdbcDb sqlite = new JdbcDb(file)) {
            assertEquals("wal", sqlite.query("PRAGMA journal_mode").get(0).get(0));
            assertEquals(2L, ((Number) sqlite.query("SELECT count(*) FROM t").get(0).get(0)).longValue());
        }
    }

    @Test
    void leavingWalIsRefused() throws Exception {
        SkerryDb skerry = SkerryDb.open(TestVfs.wrap(new FileVfs()), dir.resolve("wal.db").toString());
        try {
            skerry.exec("CREATE TABLE t(a)");
            for (String mode : new String[] {"delete", "truncate", "persist", "memory", "off", "DELETE"}) {
                SqliteException e = assertThrows(SqliteException.class,
                        () -> skerry.exec("PRAGMA journal_mode = " + mode), mode);
                assertEquals(ResultCode.SQLITE_ERROR, e.code());
                assertEquals("journal_mode " + mode.toUpperCase() + " is not supported: Skerry databases are always"
                        + " in WAL mode", e.getMessage());
            }
            assertEquals(List.of(List.of((Object) "wal")), skerry.query("PRAGMA journal_mode"));
        } finally {
            skerry.close();
        }
    }
}
