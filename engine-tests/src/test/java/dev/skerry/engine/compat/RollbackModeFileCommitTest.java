package dev.skerry.engine.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Skerry commits to a database SQLite made in rollback-journal mode; the process then stops before any
 * checkpoint (the files are copied while Skerry holds the database open). SQLite, opening those files, must
 * see the committed rows (they are durable: COMMIT returned) and find the database intact.
 */
class RollbackModeFileCommitTest {
    @TempDir
    Path dir;

    @Test
    void sqliteSeesWhatSkerryCommittedToARollbackModeFile() throws Exception {
        Path file = dir.resolve("legacy.db");
        Path copy = dir.resolve("copy.db");
        try (JdbcDb sqlite = new JdbcDb(file)) {
            assertEquals("delete", sqlite.query("PRAGMA journal_mode=DELETE").get(0).get(0));
            sqlite.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
            sqlite.exec("INSERT INTO t VALUES (1, 'sqlite')");
        }
        List<List<Object>> committed;
        try (SkerryDb skerry = SkerryDb.openFile(file)) {
            skerry.exec("INSERT INTO t VALUES (2, 'skerry')");
            skerry.exec("CREATE INDEX t_v ON t(v)");
            committed = skerry.query("SELECT id, v FROM t ORDER BY id");
            Files.copy(file, copy);
            Path wal = Path.of(file + "-wal");
            if (Files.exists(wal)) {
                Files.copy(wal, Path.of(copy + "-wal"));
            }
        }
        try (JdbcDb sqlite = new JdbcDb(copy)) {
            Rows.assertSame(committed, sqlite.query("SELECT id, v FROM t ORDER BY id"), "SQLite after the stop");
            FileRoundTrip.assertIntact(sqlite);
        }
        try (JdbcDb sqlite = new JdbcDb(file)) {
            Rows.assertSame(committed, sqlite.query("SELECT id, v FROM t ORDER BY id"), "SQLite after Skerry's close");
            FileRoundTrip.assertIntact(sqlite);
        }
    }
}
