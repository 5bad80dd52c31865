package dev.skerry.engine.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One transaction that changes more pages than the page cache holds (2000): Skerry commits it, and SQLite
 * reads the file intact with the same rows (and the same after Skerry's log was left un-checkpointed).
 */
class LargeTransactionFileTest {
    @TempDir
    Path dir;

    @Test
    void transactionLargerThanThePageCache() throws Exception {
        Path file = dir.resolve("large.db");
        String[] queries = {"SELECT count(*), sum(id), sum(length(v)), min(v), max(v) FROM t",
            "SELECT id, v FROM t WHERE v >= 'v-7' ORDER BY v LIMIT 100"};
        List<List<Object>> a;
        List<List<Object>> b;
        try (SkerryDb skerry = SkerryDb.createFile(file, 512)) {
            skerry.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT)");
            skerry.exec("CREATE INDEX t_v ON t(v)");
            skerry.exec("BEGIN");
            for (long i = 0; i < 12_000; i++) {
                skerry.exec("INSERT INTO t VALUES (?, ?)", (i * 7919) % 12_000, "v-" + (i * 104729 % 99991) + "-" + i);
            }
            skerry.exec("COMMIT");
            a = skerry.query(queries[0]);
            b = skerry.query(queries[1]);
        }
        assertEquals(12_000L, a.get(0).get(0));
        try (JdbcDb sqlite = new JdbcDb(file)) {
            FileRoundTrip.assertIntact(sqlite);
            Rows.assertSame(a, sqlite.query(queries[0]), queries[0]);
            Rows.assertSame(b, sqlite.query(queries[1]), queries[1]);
        }
    }
}
