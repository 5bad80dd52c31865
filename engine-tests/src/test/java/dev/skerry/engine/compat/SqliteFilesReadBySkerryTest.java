package dev.skerry.engine.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.testkit.TestVfs;
import dev.skerry.vfs.file.FileVfs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Databases written by SQLite (sqlite-jdbc 3.50.3) at every page size, in rollback-journal mode, in WAL mode
 * checkpointed at close, and in WAL mode with a log SQLite never checkpointed (the files copied while SQLite
 * holds the database open with {@code wal_autocheckpoint=0}; once with the tables checkpointed and the later
 * changes in the log, once with everything in the log), opened by Skerry on {@code FileVfs}: every
 * query of the {@link Workload} gives SQLite's rows, value by value and type by type. Skerry then closes the
 * database (checkpointing a log it found) and SQLite's {@code PRAGMA integrity_check} still says ok, with the
 * same rows.
 */
class SqliteFilesReadBySkerryTest {
    /**
     * How SQLite leaves the files: rollback journal; WAL checkpointed at close; WAL with the filled tables
     * checkpointed and the later changes only in the log; WAL never checkpointed (every page in the log);
     * rollback journal with {@code auto_vacuum=FULL} (pointer-map pages; Skerry reads such files only); WAL
     * restarted: everything checkpointed without truncating the log, so one later update overwrites it from
     * its start with new salts and stale frames of the previous generation follow it.
     */
    enum Mode { DELETE, WAL, WAL_LIVE, WAL_ONLY, AUTO_VACUUM, WAL_RESTARTED }

    static final int[] PAGE_SIZES = {512, 1024, 2048, 4096, 8192, 16384, 32768, 65536};

    /** Two cells hold tens of thousands of rows; the others fewer, to keep the suite fast. */
    static int rowsFor(int pageSize, Mode mode) {
        if (pageSize == 512 && mode == Mode.DELETE) {
            return 20_000;
        }
        if (pageSize == 4096 && mode == Mode.WAL_LIVE) {
            return 10_000;
        }
        return mode == Mode.WAL_ONLY || pageSize >= 32768 ? 600 : 1_000;
    }

    static Stream<Arguments> cells() {
        List<Arguments> out = new ArrayList<>();
        for (int ps : PAGE_SIZES) {
            for (Mode m : Mode.values()) {
                if ((m != Mode.AUTO_VACUUM && m != Mode.WAL_RESTARTED) || ps == 1024 || ps == 65536) {
                    out.add(Arguments.of(ps, m));
                }
            }
        }
        return out.stream();
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "page size {0}, {1}")
    @MethodSource("cells")
    void skerryReadsSqlitesFile(int pageSize, Mode mode) throws Exception {
        int rows = rowsFor(pageSize, mode);
        Path made = dir.resolve("sqlite.db");
        Path copy = dir.resolve("copy.db");
        Workload w = new Workload(pageSize * 7L + mode.ordinal(), pageSize, rows);
        List<List<List<Object>>> expected = new ArrayList<>();
        try (JdbcDb sqlite = new JdbcDb(made)) {
            sqlite.exec("PRAGMA page_size=" + pageSize);
            if (mode == Mode.AUTO_VACUUM) {
                sqlite.exec("PRAGMA auto_vacuum=FULL");
            }
            if (mode == Mode.DELETE || mode == Mode.AUTO_VACUUM) {
                assertEquals("delete", sqlite.query("PRAGMA journal_mode=DELETE").get(0).get(0));
            } else {
                assertEquals("wal", sqlite.query("PRAGMA journal_mode=WAL").get(0).get(0));
                sqlite.exec("PRAGMA wal_autocheckpoint=" + (mode == Mode.WAL ? 1000 : 0));
            }
            w.createSchema(sqlite);
            w.fill(sqlite);
            if (mode == Mode.WAL_LIVE) {
                sqlite.exec("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            w.churn(sqlite);
            if (mode == Mode.WAL_RESTARTED) {
                sqlite.exec("PRAGMA wal_checkpoint(PASSIVE)");
                long logBefore = Files.size(Path.of(made + "-wal"));
                sqlite.exec("UPDATE t SET e = 'restarted', a = a - 1 WHERE id % 50 = 1");
                assertEquals(logBefore, Files.size(Path.of(made + "-wal")), "the log restarted within its old length");
            }
            assertEquals((long) pageSize, sqlite.query("PRAGMA page_size").get(0).get(0));
            long freePages = (Long) sqlite.query("PRAGMA freelist_count").get(0).get(0);
            assertTrue(mode == Mode.AUTO_VACUUM ? freePages == 0 : freePages > 0, "deletes fill the freelist");
            for (Workload.Query q : w.queries()) {
                expected.add(sqlite.query(q.sql, q.params));
            }
            if (mode == Mode.WAL_LIVE || mode == Mode.WAL_ONLY || mode == Mode.WAL_RESTARTED) {
                Path wal = Path.of(made + "-wal");
                assertTrue(Files.size(wal) > 0, "SQLite left its log");
                Files.copy(made, copy);
                Files.copy(wal, Path.of(copy + "-wal"));
            }
        }
        if (mode == Mode.DELETE || mode == Mode.WAL || mode == Mode.AUTO_VACUUM) {
            assertTrue(!Files.exists(Path.of(made + "-wal")) && !Files.exists(Path.of(made + "-journal")));
            Files.copy(made, copy);
        }

        List<Workload.Query> queries = w.queries();
        try (SkerryDb skerry = SkerryDb.openFile(copy)) {
            for (int i = 0; i < queries.size(); i++) {
                Rows.assertSame(expected.get(i), skerry.query(queries.get(i).sql, queries.get(i).params),
                        "Skerry on SQLite's file: " + queries.get(i));
            }
        }
        assertTrue(!Files.exists(Path.of(copy + "-wal")), "Skerry checkpoints the log at close and deletes it");
        try (JdbcDb check = new JdbcDb(copy)) {
            FileRoundTrip.assertIntact(check);
            for (int i = 0; i < queries.size(); i++) {
                Rows.assertSame(expected.get(i), check.query(queries.get(i).sql, queries.get(i).params),
                        "SQLite after Skerry's close: " + queries.get(i));
            }
        }
    }
}
