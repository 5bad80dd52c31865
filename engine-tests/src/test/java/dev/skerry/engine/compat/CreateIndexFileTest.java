package dev.skerry.engine.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skerry.engine.SqliteException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Indexes Skerry builds with CREATE INDEX on a filled table (several pages of keys, sorted before insertion)
 * are b-trees SQLite accepts: {@code PRAGMA integrity_check} is ok, and every query SQLite answers from each
 * index gives the rows it gives from the table alone.
 */
class CreateIndexFileTest {
    @TempDir
    Path dir;

    @Test
    void sqliteChecksTheIndexesSkerryBuilt() throws Exception {
        Path file = dir.resolve("ci.db");
        try (SkerryDb skerry = SkerryDb.openFile(file)) {
            skerry.exec("create table t(a integer primary key, b integer, c text, d)");
            skerry.exec("begin");
            long seed = 12345;
            for (int i = 1; i <= 4000; i++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                long b = (seed >>> 33) % 100000;
                StringBuilder c = new StringBuilder();
                int len = 5 + (int) ((seed >>> 20) % 60);
                for (int k = 0; k < len; k++) {
                    c.append((char) ((k % 3 == 0 ? 'A' : 'a') + (int) ((seed >>> (k % 40)) % 26)));
                }
                Object d = i % 4 == 0 ? null : i % 4 == 1 ? (Object) Long.valueOf(b % 50) : c.substring(0, 3);
                skerry.exec("insert into t values(?, ?, ?, ?)", (long) i, b, c.toString(), d);
            }
            skerry.exec("commit");
            skerry.exec("create index tb on t(b)");
            skerry.exec("create index tcd on t(c collate nocase desc, d)");
            skerry.exec("create unique index ua on t(c, a)");
            skerry.exec("create index td on t(d desc, b)");
            assertThrows(SqliteException.class, () -> skerry.exec("create unique index bad on t(d)"));
        }
        try (JdbcDb sqlite = new JdbcDb(file)) {
            FileRoundTrip.assertIntact(sqlite);
            assertEquals(List.of(List.of((Object) 5L)), sqlite.query("select count(*) from sqlite_master"));
            String[][] pairs = {
                {"select b, a from t indexed by tb order by b, a", "select b, a from t not indexed order by b, a"},
                {"select c, d, a from t indexed by tcd order by c collate nocase desc, d, a",
                    "select c, d, a from t not indexed order by c collate nocase desc, d, a"},
                {"select c, a from t indexed by ua order by c, a", "select c, a from t not indexed order by c, a"},
                {"select d, b, a from t indexed by td order by d desc, b, a",
                    "select d, b, a from t not indexed order by d desc, b, a"},
            };
            for (String[] q : pairs) {
                Rows.assertSame(sqlite.query(q[1]), sqlite.query(q[0]), q[0]);
            }
        }
    }
}
