package dev.skerry.engine.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tables with generated columns in database files, both directions. The record of such a table holds the
 * STORED columns and not the VIRTUAL ones, so a file is only right if both engines lay the records out alike:
 * SQLite opens a file Skerry wrote (integrity_check ok, indexes on generated columns included; the same rows
 * as SQLite's own file after the same statements; SQLite goes on writing it), and Skerry reads and writes a
 * file SQLite wrote, which SQLite then finds intact.
 */
class GeneratedColumnFileTest {
    @TempDir
    Path dir;

    private static final String[] SCHEMA = {
        "create table t(id integer primary key, a text, v as (length(a) * 2) virtual, b integer,"
            + " s text as (a || '-' || b) stored, w real as (b / 4.0), z)",
        "create index tv on t(v)",
        "create index ts on t(s, w)",
        "create table u(p, q as (p + 1), r as (q * 2) stored)",
        "create unique index ur on u(q)",
    };

    private static final String[] WORK = {
        "insert into t(a, b, z) with recursive c(x) as (select 1 union all select x + 1 from c where x < 400)"
            + " select printf('row%d', x), x, zeroblob(x % 3) from c",
        "update t set a = a || 'xyz' where id % 3 = 0",
        "update t set b = b * 7 where id % 5 = 0",
        "delete from t where id % 11 = 0",
        "insert into u(p) with recursive c(x) as (select 1 union all select x + 1 from c where x < 50) select x from c",
        "update u set p = p + 1000 where p % 2 = 0",
        "alter table u add column x as (p * 10)",
        "alter table t add column y not null default 9",
        "create index ty on t(y, b)",
        "update t set y = id where id % 7 = 0",
    };

    private static final String[] READS = {
        "select id, a, v, b, s, w, hex(z), y from t order by id",
        "select id, v from t where v = 12 order by id",
        "select s, w from t where s > 'row3' order by s limit 20",
        "select * from u order by q",
    };

    private static final String[] MORE = {
        "insert into t(a, b) values('skerry', 5), ('again', 6)",
        "update t set b = -b where id % 4 = 1",
        "delete from t where id between 100 and 140",
        "update u set p = p + 5000 where p < 20",
    };

    @Test
    void sqliteReadsWhatSkerryWrote() throws Exception {
        FileRoundTrip.sqliteOpensSkerrysFile(dir, new String[][] {SCHEMA, WORK}, (reference, sqlite) -> {
            FileRoundTrip.assertSameRows(reference, sqlite, READS);
            assertEquals(List.of(364L), reference.query("select count(*) from t").get(0));
            sqlite.exec("insert into t(a, b) values('more', 1)");
            sqlite.exec("update t set a = 'changed' where id < 50");
            FileRoundTrip.assertIntact(sqlite);
        });
    }

    @Test
    void skerryReadsAndWritesWhatSqliteWrote() throws Exception {
        FileRoundTrip.skerryChangesSqlitesFile(dir, new String[][] {SCHEMA, WORK}, (reference, skerry) -> {
            FileRoundTrip.assertSameRows(reference, skerry, READS);
            FileRoundTrip.run(skerry, MORE);
            FileRoundTrip.run(reference, MORE);
            FileRoundTrip.assertSameRows(reference, skerry, READS);
            FileRoundTrip.assertIntact(skerry);
        }, (reference, sqlite) -> FileRoundTrip.assertSameRows(reference, sqlite, READS));
    }
}
