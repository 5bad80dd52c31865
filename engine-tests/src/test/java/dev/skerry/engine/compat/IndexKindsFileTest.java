package dev.skerry.engine.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Partial indexes, indexes on expressions and AUTOINCREMENT in database files, both directions: the file
 * Skerry writes has the sqlite_schema rows and root pages SQLite writes for the same statements, its index
 * entries pass SQLite's {@code integrity_check} and SQLite goes on using it (sqlite_sequence included); a file
 * SQLite wrote is changed by Skerry, then passes both engines' integrity checks with the rows SQLite's own
 * copy has after the same statements.
 */
class IndexKindsFileTest {
    @TempDir
    Path dir;

    private static final String[] SCHEMA = {
        "create table t(id integer primary key autoincrement, a int, b text, live int)",
        "create unique index t_live on t(a) where live = 1",
        "create index t_expr on t(lower(b), a + id desc) where b is not null",
        "create index t_plain on t(b collate nocase)",
        "create table u(k integer primary key autoincrement, v)",
    };

    private static final String[] WORK = {
        "insert into t(a, b, live) values(1, 'Ab', 1), (1, 'aB', 0), (2, null, 1), (3, 'x', 0)",
        "insert into t values(50, 4, 'Q', 1)",
        "update t set live = 1 - live where id > 2",
        "delete from t where a = 3",
        "insert or replace into t(id, a, b, live) values(2, 7, 'r', 1)",
        "insert into t(a, b, live) values(9, 'z', 1) on conflict(a) where live = 1 do update set b = 'dup'",
        "insert into u(v) values('a'), ('b')",
        "delete from u",
        "insert into u(v) values('c')",
    };

    private static final String CHECK_SCHEMA = "select type, name, tbl_name, rootpage, sql from sqlite_schema order by rowid";
    private static final String CHECK_ROWS = "select * from t order by id";
    private static final String CHECK_SEQ = "select * from sqlite_sequence order by name";

    private static final String[] MORE = {"insert into t(a, b, live) values(10, 'n', 1)", "insert into u(v) values('d')"};

    @Test
    void sqliteReadsSkerrysFile() throws Exception {
        FileRoundTrip.sqliteOpensSkerrysFile(dir, new String[][] {SCHEMA, WORK}, (reference, sqlite) -> {
            FileRoundTrip.assertSameRows(reference, sqlite, CHECK_SCHEMA, CHECK_ROWS, CHECK_SEQ);
            FileRoundTrip.run(reference, MORE);
            FileRoundTrip.run(sqlite, MORE);
            FileRoundTrip.assertSameRows(reference, sqlite, CHECK_ROWS, CHECK_SEQ);
            FileRoundTrip.assertIntact(sqlite);
        });
    }

    @Test
    void skerryChangesSqlitesFile() throws Exception {
        String[] seed = {"insert into t values(1000, 100, 'seed', 1)"};
        FileRoundTrip.skerryChangesSqlitesFile(dir, new String[][] {SCHEMA, seed}, (reference, skerry) -> {
            FileRoundTrip.run(skerry, WORK);
            FileRoundTrip.run(reference, WORK);
            FileRoundTrip.assertIntact(skerry);
            FileRoundTrip.assertSameRows(reference, skerry, CHECK_ROWS, CHECK_SEQ);
        }, (reference, sqlite) -> {
            FileRoundTrip.assertSameRows(reference, sqlite, CHECK_ROWS, CHECK_SEQ);
            assertEquals(List.of(List.of(2L)), sqlite.query("select id from t indexed by t_live where a = 7 and live = 1"));
        });
    }
}
