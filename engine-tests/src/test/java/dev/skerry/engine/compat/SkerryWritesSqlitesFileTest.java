package dev.skerry.engine.compat;


import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A database SQLite created and filled (rollback journal or WAL) is changed by Skerry's SQL (updates, deletes
 * of most rows, inserts reusing the freelist) while SQLite applies the same SQL to a copy; after Skerry closes
 * it, SQLite finds it intact ({@code PRAGMA integrity_check}) and every query gives the rows of SQLite's copy.
 */
class SkerryWritesSqlitesFileTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "page size {0}, journal_mode={1}, encoding {2}")
    @CsvSource({"4096, DELETE, UTF-8", "1024, WAL, UTF-8", "65536, DELETE, UTF-8", "512, WAL, UTF-8"})
    void skerryChangesSqlitesFile(int pageSize, String journalMode, String encoding) throws Exception {
        int rows = 800;
        Path theirs = dir.resolve("theirs.db");
        Path ours = dir.resolve("ours.db");
        Workload sqliteSide = new Workload(pageSize + 5L, pageSize, rows);
        try (JdbcDb sqlite = new JdbcDb(theirs)) {
            sqlite.exec("PRAGMA encoding='" + encoding + "'");
            sqlite.exec("PRAGMA page_size=" + pageSize);
            sqlite.exec("PRAGMA journal_mode=" + journalMode);
            sqliteSide.createSchema(sqlite);
            sqliteSide.fill(sqlite);
        }
        Files.copy(theirs, ours);
        List<List<List<Object>>> expected = new ArrayList<>();
        try (JdbcDb sqlite = new JdbcDb(theirs)) {
            sqliteSide.churn(sqlite);
            for (Workload.Query q : sqliteSide.queries()) {
                expected.add(sqlite.query(q.sql, q.params));
            }
        }

        Workload skerrySide = new Workload(pageSize + 5L, pageSize, rows);
        skerrySide.fill(new DiscardingDb());
        try (SkerryDb skerry = SkerryDb.openFile(ours)) {
            skerrySide.churn(skerry);
            List<Workload.Query> queries = skerrySide.queries();
            for (int i = 0; i < queries.size(); i++) {
                Rows.assertSame(expected.get(i), skerry.query(queries.get(i).sql, queries.get(i).params),
                        "Skerry after changing SQLite's file: " + queries.get(i));
            }
        }
        try (JdbcDb sqlite = new JdbcDb(ours)) {
            FileRoundTrip.assertIntact(sqlite);
            List<Workload.Query> queries = skerrySide.queries();
            for (int i = 0; i < queries.size(); i++) {
                Rows.assertSame(expected.get(i), sqlite.query(queries.get(i).sql, queries.get(i).params),
                        "SQLite on the file Skerry changed: " + queries.get(i));
            }
        }
    }

    /** Runs nothing: replays a workload phase only for the random choices it draws. */
    private static final class DiscardingDb implements Db {
        @Override
        public void exec(String sql, Object... params) {
        }

        @Override
        public List<List<Object>> query(String sql, Object... params) {
            return new ArrayList<>();
        }

        @Override
        public void close() {
        }
    }
}
