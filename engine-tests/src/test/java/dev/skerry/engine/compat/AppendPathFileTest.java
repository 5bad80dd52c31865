package dev.skerry.engine.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The b-tree append path (an insert after the last entry goes to the right edge without a search, and an
 * overfull right-most leaf splits off a new page as SQLite's balance_quick) on table and index b-trees fed
 * ascending, descending, random and mixed keys, small and overflowing: SQLite's {@code integrity_check} is
 * ok on the file Skerry wrote, every index gives the rows the table gives, and ascending rowids pack pages
 * as full as SQLite packs them.
 */
class AppendPathFileTest {
    private static final int N = 3000;

    @TempDir
    Path dir;

    private static String text(long i, int len) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < len; k++) {
            s.append((char) ('a' + (int) ((i * 7 + k * 13) % 26)));
        }
        return s.toString();
    }

    /** The n-th key of an order: 0 ascending, 1 descending, 2 random (a permutation), 3 ascending with dips. */
    private static long key(int order, int i) {
        switch (order) {
            case 0: return i;
            case 1: return N - i;
            case 2: return (i * 7919L) % N;
            default: return i % 10 == 9 ? i / 2 : i + N;
        }
    }

    private static void fill(Db db, boolean withIndexesFirst) throws Exception {
        String[] names = {"asc", "dsc", "rnd", "mix"};
        for (String n : names) {
            db.exec("create table " + n + "(id integer primary key, k, v text)");
            if (withIndexesFirst) {
                db.exec("create index " + n + "_k on " + n + "(k)");
                db.exec("create index " + n + "_v on " + n + "(v, k)");
            }
        }
        db.exec("begin");
        for (int o = 0; o < names.length; o++) {
            for (int i = 0; i < N; i++) {
                long k = key(o, i);
                int len = i % 97 == 0 ? 1500 + (int) (k % 3000) : 10 + (int) (k % 40);
                db.exec("insert into " + names[o] + " values(?, ?, ?)", k + 1, k, text(k, len));
            }
        }
        db.exec("commit");
        if (!withIndexesFirst) {
            for (String n : names) {
                db.exec("create index " + n + "_k on " + n + "(k)");
                db.exec("create index " + n + "_v on " + n + "(v, k)");
            }
        }
    }

    @Test
    void sqliteAcceptsTreesFilledInEveryOrder() throws Exception {
        for (boolean indexesFirst : new boolean[] {true, false}) {
            Path file = dir.resolve("append-" + indexesFirst + ".db");
            try (SkerryDb skerry = SkerryDb.openFile(file)) {
                fill(skerry, indexesFirst);
            }
            try (JdbcDb sqlite = new JdbcDb(file)) {
                FileRoundTrip.assertIntact(sqlite, file.toString());
                for (String n : new String[] {"asc", "dsc", "rnd", "mix"}) {
                    assertEquals(List.of(List.of((Object) (long) N)), sqlite.query("select count(*) from " + n));
                    Rows.assertSame(sqlite.query("select k, id from " + n + " not indexed order by k, id"),
                            sqlite.query("select k, id from " + n + " indexed by " + n + "_k order by k, id"), n);
                    Rows.assertSame(sqlite.query("select v, k, id from " + n + " not indexed order by v, k, id"),
                            sqlite.query("select v, k, id from " + n + " indexed by " + n + "_v order by v, k, id"), n);
                }
            }
        }
    }

    @Test
    void ascendingRowidsPackPagesAsSqliteDoes() throws Exception {
        Path mine = dir.resolve("packed-skerry.db");
        Path theirs = dir.resolve("packed-sqlite.db");
        SkerryDb skerry = SkerryDb.openFile(mine);
        try (JdbcDb sqlite = new JdbcDb(theirs)) {
            for (Db db : new Db[] {skerry, sqlite}) {
                db.exec("create table t(id integer primary key, v text)");
                db.exec("create index t_v on t(id, v)");
                db.exec("begin");
                for (int i = 1; i <= 4 * N; i++) {
                    db.exec("insert into t values(?, ?)", (long) i, text(i, 20 + i % 30));
                }
                db.exec("commit");
            }
            long sqlitePages = (Long) sqlite.query("PRAGMA page_count").get(0).get(0);
            skerry.close();
            try (JdbcDb check = new JdbcDb(mine)) {
                FileRoundTrip.assertIntact(check);
                long skerryPages = (Long) check.query("PRAGMA page_count").get(0).get(0);
                assertTrue(skerryPages <= sqlitePages * 11 / 10, skerryPages + " pages, SQLite " + sqlitePages);
            }
        }
    }
}
