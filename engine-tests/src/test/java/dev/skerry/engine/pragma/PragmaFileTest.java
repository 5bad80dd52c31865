package dev.skerry.engine.pragma;

import dev.skerry.engine.Connection;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.Vfs;
import dev.skerry.testkit.HostLoop;
import dev.skerry.testkit.Outcome;
import dev.skerry.testkit.SqliteEngine;
import dev.skerry.testkit.TestVfs;
import dev.skerry.vfs.file.FileVfs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pragmas whose answer depends on the database being a WAL file, against SQLite on a file in WAL mode:
 * {@code journal_mode} (asking for WAL or an unknown mode answers the mode; leaving WAL is refused by Skerry,
 * so only those SQLite also answers {@code wal} to are compared here), {@code wal_checkpoint} (the log really
 * is copied: rows and pages read back after it; frame counts are compared only where both logs are empty,
 * as Skerry's commits may write other frames than SQLite's), {@code database_list},
 * {@code page_count} and {@code freelist_count} of a file.
 */
class PragmaFileTest {
    @Test
    void journalModeIsWal() throws IOException {
        PragmaDiff.assertSameOnFiles(null, """
            pragma journal_mode;
            pragma journal_mode = wal;
            pragma journal_mode = WAL;
            pragma journal_mode = nonexistent;
            pragma main.journal_mode;
            create table t(a);
            pragma journal_mode;
            """);
    }

    @Test
    void walCheckpointCopiesTheLog() throws IOException {
        PragmaDiff.assertSameOnFiles(null, """
            create table t(a, b);
            insert into t values(1, 'one'), (2, 'two');
            pragma wal_checkpoint(TRUNCATE);
            pragma wal_checkpoint;
            insert into t values(3, 'three');
            create index tb on t(b);
            pragma wal_checkpoint(truncate);
            select * from t order by a;
            pragma page_count;
            pragma freelist_count;
            pragma integrity_check;
            """);
    }

    @Test
    void databaseListNamesTheFile() throws IOException {
        PragmaDiff.assertSameOnFiles(null, """
            pragma database_list;
            create table t(a);
            pragma database_list;
            """);
    }

    @Test
    void pragmasOfAFileSqliteWrote() throws IOException {
        PragmaDiff.assertSameOnFiles("""
            pragma page_size = 1024;
            pragma user_version = 12;
            pragma application_id = 77;
            create table t(a integer primary key, b text not null, c unique);
            create index tb on t(b);
            insert into t values(1, 'x', 1), (2, 'y', 2);
            create table u(x);
            drop table u;
            """, """
            pragma page_size;
            pragma user_version;
            pragma application_id;
            pragma page_count;
            pragma freelist_count;
            pragma schema_version;
            pragma table_list;
            pragma index_list(t);
            pragma integrity_check;
            pragma quick_check;
            """);
    }

    /** After {@code wal_checkpoint} the database file alone (without its log) holds every committed row. */
    @Test
    void walCheckpointLeavesEverythingInTheDatabaseFile() throws IOException, SqliteException {
        Path dir = Files.createTempDirectory("ckpt");
        Path db = dir.resolve("s.db");
        Path copy = dir.resolve("copy.db");
        Vfs vfs = TestVfs.wrap(new FileVfs());
        Connection c = HostLoop.open(vfs, db.toString());
        try {
            run(c, vfs, "create table t(a, b)");
            run(c, vfs, "insert into t values(1, randomblob(5000)), (2, 'two')");
            List<List<Object>> r = run(c, vfs, "pragma wal_checkpoint");
            long log = (Long) r.get(0).get(1);
            assertTrue(log > 0, r.toString());
            assertEquals(List.of(0L, log, log), r.get(0));
            assertEquals(0L, Files.exists(Path.of(db + "-wal")) ? Files.size(Path.of(db + "-wal")) : 0L);
            Files.copy(db, copy);
            try (SqliteEngine sqlite = new SqliteEngine(copy.toString())) {
                Outcome o = sqlite.run("select a, length(b) from t order by a");
                assertEquals("[a, length(b)]\n  [int:1, int:5000]\n  [int:2, int:3]", o.toString());
            }
            assertEquals(List.of(List.of(0L, 0L, 0L)), run(c, vfs, "pragma wal_checkpoint(passive)"));
        } finally {
            HostLoop.close(c, vfs);
            try (var s = Files.list(dir)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static List<List<Object>> run(Connection c, Vfs vfs, String sql) throws SqliteException {
        var st = c.prepare(sql);
        try {
            return HostLoop.rows(st, vfs);
        } finally {
            st.close();
        }
    }
}
