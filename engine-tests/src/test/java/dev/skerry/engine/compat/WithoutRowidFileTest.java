package dev.skerry.engine.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skerry.testkit.TestVfs;
import dev.skerry.vfs.file.FileVfs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WITHOUT ROWID tables in database files, both directions: the table is an index b-tree of records holding
 * the PRIMARY KEY columns first, its indexes end with the PRIMARY KEY columns, and {@code sqlite_schema} has
 * no row for the PRIMARY KEY. SQLite opens a file Skerry wrote (integrity_check ok, the same rows and the same
 * {@code sqlite_schema} as SQLite's own file after the same statements; SQLite goes on writing it), and
 * Skerry reads and writes a file SQLite wrote, which SQLite then finds intact.
 */
class WithoutRowidFileTest {
    @TempDir
    Path dir;

    private static final String[] SCHEMA = {
        "create table t(k text, n integer, a, b real, c blob, primary key(k, n)) without rowid",
        "create index ta on t(a)",
        "create index tbk on t(b, k)",
        "create table u(x integer primary key, y text collate nocase unique, z desc) without rowid",
        "create table v(p, q, r, primary key(q desc, p)) without rowid",
        "create index vr on v(r, p)",
        "create table w(id integer primary key, note)",
    };

    private static final String[] WORK = {
        "insert into t with recursive c(x) as (select 1 union all select x + 1 from c where x < 400)"
            + " select printf('key%03d', x % 97), x, x % 13, x / 7.0, zeroblob(x % 5) from c",
        "update t set a = a || 'xyz' where n % 3 = 0",
        "update t set n = n + 1000 where n % 5 = 0",
        "update t set k = k || '!' where n % 17 = 0",
        "delete from t where n % 11 = 0",
        "insert into u with recursive c(x) as (select 1 union all select x + 1 from c where x < 300)"
            + " select x * 3, 'name' || x, printf('%.*c', x % 40, 'z') from c",
        "delete from u where x % 4 = 0",
        "update u set y = upper(y) where x % 6 = 0",
        "insert into v select n % 50, k, a from t",
        "insert into w(note) select k from t where n < 100",
        "create index later on t(n, a)",
    };

    private static final String[] READS = {
        "select k, n, a, b, hex(c) from t order by k, n",
        "select k, n from t where a = 5 order by k, n",
        "select b, k, n from t where b > 20 order by b, k",
        "select * from u order by x",
        "select * from u where y = 'NAME10'",
        "select * from v order by q desc, p",
        "select type, name, tbl_name, rootpage, sql from sqlite_schema order by rootpage",
    };

    private static void work(JdbcDb db) throws Exception {
        for (String sql : WORK) {
            db.exec(sql);
        }
    }

    @Test
    void sqliteReadsWhatSkerryWrote() throws Exception {
        Path skerryFile = dir.resolve("skerry.db");
        Path sqliteFile = dir.resolve("sqlite.db");
        SkerryDb skerry = SkerryDb.open(TestVfs.wrap(new FileVfs()), skerryFile.toString());
        try {
            for (String sql : SCHEMA) {
                skerry.exec(sql);
            }
            for (String sql : WORK) {
                skerry.exec(sql);
            }
        } finally {
            skerry.close();
        }
        try (JdbcDb reference = new JdbcDb(sqliteFile); JdbcDb sqlite = new JdbcDb(skerryFile)) {
            for (String sql : SCHEMA) {
                reference.exec(sql);
            }
            work(reference);
            assertEquals("ok", sqlite.query("PRAGMA integrity_check").get(0).get(0));
            for (String sql : READS) {
                assertEquals(reference.query(sql), sqlite.query(sql), sql);
            }
            sqlite.exec("insert into t values('more', 1, 2, 3, x'00')");
            sqlite.exec("update t set a = 'changed' where n < 50");
            sqlite.exec("delete from u where x < 100");
            assertEquals("ok", sqlite.query("PRAGMA integrity_check").get(0).get(0));
        }
    }

    @Test
    void skerryReadsAndWritesWhatSqliteWrote() throws Exception {
        Path file = dir.resolve("made-by-sqlite.db");
        Path reference = dir.resolve("reference.db");
        try (JdbcDb sqlite = new JdbcDb(file); JdbcDb ref = new JdbcDb(reference)) {
            for (String sql : SCHEMA) {
                sqlite.exec(sql);
                ref.exec(sql);
            }
            work(sqlite);
            work(ref);
        }
        String[] more = {
            "insert into t values('skerry', 5, 1, 2, null), ('again', 6, 1, 2, null)",
            "update t set b = -b where n % 4 = 1",
            "delete from t where n between 100 and 140",
            "update u set x = x + 5000 where x < 20",
            "insert or replace into u values(3, 'NAME1', 'q')",
            "update v set q = q || 'x' where p < 10",
        };
        SkerryDb skerry = SkerryDb.open(TestVfs.wrap(new FileVfs()), file.toString());
        try (JdbcDb ref = new JdbcDb(reference)) {
            for (String sql : READS) {
                assertEquals(ref.query(sql), skerry.query(sql), sql);
            }
            for (String sql : more) {
                skerry.exec(sql);
                ref.exec(sql);
            }
            for (String sql : READS) {
                assertEquals(ref.query(sql), skerry.query(sql), sql);
            }
            assertEquals(List.of(List.of("ok")), skerry.query("PRAGMA integrity_check"));
        } finally {
            skerry.close();
        }
        try (JdbcDb sqlite = new JdbcDb(file); JdbcDb ref = new JdbcDb(reference)) {
            assertEquals("ok", sqlite.query("PRAGMA integrity_check").get(0).get(0));
            for (String sql : READS) {
                assertEquals(ref.query(sql), sqlite.query(sql), sql);
            }
        }
    }
}
