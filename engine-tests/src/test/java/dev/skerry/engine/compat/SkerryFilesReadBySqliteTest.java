package dev.skerry.engine.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Databases built by Skerry's SQL (on {@code FileVfs}) at every page size, read by SQLite (sqlite-jdbc):
 * the same {@link Workload} also runs on SQLite, and Skerry's answers must be SQLite's (a differential of
 * the DML itself). Then two copies are handed to SQLite: the files as they are while Skerry still holds the
 * database open after its commits (database and un-checkpointed {@code -wal}: SQLite recovers the log), and
 * the file Skerry closed cleanly. In both {@code PRAGMA integrity_check} is ok and every query gives the
 * rows Skerry gave.
 */
class SkerryFilesReadBySqliteTest {
    /** One page size holds ten thousand rows; the others fewer, to keep the suite fast. */
    static int rowsFor(int pageSize) {
        return pageSize == 1024 ? 10_000 : pageSize >= 32768 ? 600 : 1_000;
    }

    @TempDir
    Path dir;

    @ParameterizedTest(name = "page size {0}")
    @ValueSource(ints = {512, 1024, 2048, 4096, 8192, 16384, 32768, 65536})
    void sqliteReadsSkerrysFile(int pageSize) throws Exception {
        int rows = rowsFor(pageSize);
        long seed = pageSize * 13L;
        Path db = dir.resolve("skerry.db");
        Path live = dir.resolve("live.db");
        Path reference = dir.resolve("reference.db");

        Workload ref = new Workload(seed, pageSize, rows);
        List<List<List<Object>>> expected = new ArrayList<>();
        try (JdbcDb sqlite = new JdbcDb(reference)) {
            sqlite.exec("PRAGMA page_size=" + pageSize);
            ref.createSchema(sqlite);
            ref.fill(sqlite);
            ref.churn(sqlite);
            for (Workload.Query q : ref.queries()) {
                expected.add(sqlite.query(q.sql, q.params));
            }
        }

        Workload w = new Workload(seed, pageSize, rows);
        List<Workload.Query> queries = w.queries();
        List<List<List<Object>>> skerryRows = new ArrayList<>();
        try (SkerryDb skerry = SkerryDb.createFile(db, pageSize)) {
            w.createSchema(skerry);
            w.fill(skerry);
            w.churn(skerry);
            queries = w.queries();
            for (Workload.Query q : queries) {
                skerryRows.add(skerry.query(q.sql, q.params));
            }
            Files.copy(db, live);
            Path wal = Path.of(db + "-wal");
            assertTrue(Files.exists(wal) && Files.size(wal) > 0, "Skerry's log holds the last commits");
            Files.copy(wal, Path.of(live + "-wal"));
        }
        for (int i = 0; i < queries.size(); i++) {
            Rows.assertSame(expected.get(i), skerryRows.get(i), "Skerry vs SQLite running the same SQL: " + queries.get(i));
        }
        assertTrue(!Files.exists(Path.of(db + "-wal")), "Skerry checkpoints and deletes its log at close");
        for (Path file : List.of(live, db)) {
            try (JdbcDb sqlite = new JdbcDb(file)) {
                assertEquals((long) pageSize, sqlite.query("PRAGMA page_size").get(0).get(0), file.toString());
                FileRoundTrip.assertIntact(sqlite, file.toString());
                for (int i = 0; i < queries.size(); i++) {
                    Rows.assertSame(skerryRows.get(i), sqlite.query(queries.get(i).sql, queries.get(i).params),
                            "SQLite on Skerry's " + file.getFileName() + ": " + queries.get(i));
                }
            }
        }
    }
}
