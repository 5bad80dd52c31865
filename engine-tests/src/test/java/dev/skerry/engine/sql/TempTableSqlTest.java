package dev.skerry.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skerry.testkit.Differential;
import dev.skerry.testkit.Outcome;
import dev.skerry.testkit.SkerryEngine;
import dev.skerry.testkit.SqliteEngine;
import dev.skerry.testkit.TestVfs;
import dev.skerry.engine.io.Vfs;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** TEMP tables and indexes: the TEMP database (schema {@code temp}) against SQLite. */
class TempTableSqlTest {
    @Test
    void createShadowAndQualify() {
        Differential.assertSame("""
            create table t(a);
            insert into t values(1);
            create temp table t(b, c);
            create temporary table if not exists t(z);
            create temp table t(z);
            insert into t values(2, 3);
            select * from t;
            select * from main.t;
            select * from temp.t;
            insert into main.t values(4);
            select a from main.t order by a;
            create table temp.u(x primary key, y unique);
            insert into u values(1, 'a'), (2, 'b');
            insert into u values(3, 'a');
            select * from u order by x;
            create temp table main.v(x);
            create temp table other.v(x);
            select * from nosuch.t;
            create table t2 as select * from temp.t;
            create temp table t3 as select a * 10 as big from main.t;
            select * from t2;
            select * from t3 order by big;
            pragma table_info(u);
            create temp view tv as select 1, 2;
            pragma table_list;
            pragma table_list(t);
            pragma table_list(sqlite_temp_schema);
            pragma table_list(sqlite_temp_master);
            pragma table_list(tv);
            """);
    }

    @Test
    void indexesAndSchemaTables() {
        Differential.assertSame("""
            create table m(a);
            create temp table t(a integer primary key, b, c);
            create index ti on t(c);
            create unique index temp.tu on t(b);
            create index main.tm on t(c);
            create index mi on m(a);
            with recursive n(i) as (select 1 union all select i + 1 from n where i < 200)
              insert into t select i, 'b' || i, i % 7 from n;
            select count(*), sum(a) from t where c = 3;
            select a from t where b = 'b17';
            insert into t values(500, 'b17', 0);
            select type, name, tbl_name, rootpage, sql from sqlite_temp_schema order by name;
            select type, name, tbl_name, sql from temp.sqlite_master order by name;
            select type, name, tbl_name, sql from temp.sqlite_schema order by name;
            select type, name from sqlite_schema order by name;
            select type, name from main.sqlite_master order by name;
            drop index ti;
            drop index temp.tu;
            select name from sqlite_temp_master order by name;
            pragma integrity_check;
            """);
    }

    @Test
    void dmlOnTempTables() {
        Differential.assertSame("""
            create table m(k integer primary key, v);
            insert into m values(1, 'one'), (2, 'two'), (3, 'three');
            create temp table t(k integer primary key, v, w default 'dflt');
            insert into t(k, v) select k, upper(v) from m;
            update t set v = v || '!' where k > 1;
            delete from t where k = 1;
            select * from t order by k;
            select m.v, t.v from m join t using(k) order by m.k;
            update m set v = (select t.v from t where t.k = m.k) where k in (select k from temp.t);
            select * from m order by k;
            delete from t;
            select count(*) from t;
            insert or replace into t values(7, 'x', 'y'), (7, 'z', 'w');
            select * from t;
            """);
    }

    @Test
    void transactionsAndSavepoints() {
        Differential.assertSame("""
            create table m(a);
            begin;
            create temp table t(x);
            insert into t values(1);
            insert into m values(1);
            rollback;
            select * from t;
            select * from m;
            create temp table t(x);
            begin;
            insert into t values(1);
            insert into m values(1);
            commit;
            select * from t;
            select * from m;
            savepoint s;
            insert into t values(2);
            create temp table u(y);
            insert into u values(3);
            rollback to s;
            select * from t;
            select * from u;
            insert into t values(4);
            release s;
            select x from t order by x;
            begin;
            drop table t;
            select * from t;
            rollback;
            select x from t order by x;
            drop table t;
            select * from t;
            drop table if exists temp.t;
            drop table temp.t;
            """);
    }

    @Test
    void triggersOnTempTables() {
        Differential.assertSame("""
            create table m(a);
            create table log(x);
            create temp table t(a);
            create trigger tt after insert on t begin insert into log values(new.a * 2); end;
            create temp trigger mt after insert on m begin insert into t values(new.a + 100); end;
            insert into m values(1);
            insert into t values(5);
            select * from t order by a;
            select * from log order by x;
            select type, name, tbl_name from sqlite_temp_schema order by name;
            drop table t;
            insert into m values(2);
            create table s(x);
            create temp table s(y);
            create temp trigger on_main after insert on main.s begin select 1; end;
            create temp trigger on_temp after insert on temp.s begin select 2; end;
            create trigger auto_temp after insert on s begin select 3; end;
            drop table main.s;
            select name from temp.sqlite_schema where type = 'trigger' order by name;
            drop table s;
            select name from temp.sqlite_schema where type = 'trigger' order by name;
            """);
    }

    @Test
    void tempViewsAndTriggersFollowSavepoints() {
        Differential.assertSame("""
            create table m(a);
            create temp view v1 as select 1 as one;
            savepoint s;
            create temp view v2 as select 2 as two;
            create temp trigger tr after insert on m begin select 1; end;
            drop view v1;
            rollback to s;
            select * from v1;
            select * from v2;
            select type, name, tbl_name, sql from sqlite_temp_schema order by name;
            create temp view v3 as select 3;
            release s;
            select type, name from sqlite_temp_schema order by name;
            begin;
            drop view v3;
            create temp view v4 as select 4;
            commit;
            select type, name from sqlite_temp_schema order by name;
            """);
    }

    @Test
    void writingTempLeavesMainUntouched() {
        dev.skerry.vfs.memory.MemoryVfs files = new dev.skerry.vfs.memory.MemoryVfs();
        try (SkerryEngine skerry = new SkerryEngine(TestVfs.wrap(files), "main.db")) {
            skerry.run("create table m(a)");
            skerry.run("create temp table t(a)");
            long before = files.open("main.db-wal", 0).size().result();
            skerry.run("insert into t values(1)");
            skerry.run("begin");
            skerry.run("insert into t select a + 1 from t");
            skerry.run("update t set a = a * 10");
            skerry.run("commit");
            assertEquals("[[int:2]]", skerry.run("select count(*) from t").rows().toString());
            assertEquals(before, files.open("main.db-wal", 0).size().result());
        }
    }

    @Test
    void tempTablesAreGoneAfterClose() throws Exception {
        Path dir = Path.of("target", "temp-table-test");
        Files.createDirectories(dir);
        Path file = dir.resolve("gone.db");
        Files.deleteIfExists(file);
        String[] first = {"pragma database_list", "create table m(a)", "create temp table t(a)",
            "insert into t values(1)", "select * from t", "pragma database_list"};
        String[] second = {"select * from t", "select count(*) from sqlite_temp_schema", "select name from sqlite_schema",
            "pragma database_list"};
        Vfs vfs = TestVfs.create();
        for (String[] script : new String[][] {first, second}) {
            try (SqliteEngine sqlite = new SqliteEngine(file.toString());
                    SkerryEngine skerry = new SkerryEngine(vfs, "gone.db")) {
                for (String sql : script) {
                    Outcome want = sqlite.run(sql);
                    Outcome got = skerry.run(sql);
                    if (sql.startsWith("pragma database_list")) {
                        // The file column names each engine's own file: compare seq and name.
                        assertEquals(firstTwo(want), firstTwo(got), sql);
                    } else {
                        assertEquals(want, got, sql);
                    }
                }
            }
        }
    }

    private static java.util.List<java.util.List<String>> firstTwo(Outcome o) {
        java.util.List<java.util.List<String>> out = new java.util.ArrayList<>();
        for (java.util.List<String> row : o.rows()) {
            out.add(row.subList(0, 2));
        }
        return out;
    }
}
