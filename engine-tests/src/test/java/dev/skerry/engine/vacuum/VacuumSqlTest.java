package dev.skerry.engine.vacuum;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * VACUUM against SQLite: the schema after it (rows, order, root pages), the rows (rowids renumbered where
 * SQLite renumbers them), header pragmas, page and freelist counts after a heavy delete, and the errors.
 */
class VacuumSqlTest {
    private static final String SCHEMA = """
        create table a(x, y unique, z, primary key(x, z));
        create index ai on a(z);
        create view v as select * from a;
        create table b(id integer primary key autoincrement, t text unique);
        create trigger tr after insert on b begin select 1; end;
        create table c(p, q);
        create index bi on b(t collate nocase desc);
        create table d(p, q);
        create index dp on d(p) where p > 2;
        """;

    private static final String FILL = """
        insert into a values(1, 'one', 1), (2, 'two', 2), (3, 'three', 3);
        insert into b(t) values('a'), ('B'), ('c');
        insert into c values(1, 2), (3, 4), (5, 6), (7, 8);
        delete from c where p = 3;
        insert into d select * from c;
        delete from d where p = 1;
        """;

    @Test
    void schemaAndRows() {
        Differential.assertSame(SCHEMA + FILL + """
            pragma user_version = 7;
            pragma application_id = 99;
            vacuum;
            select rowid, type, name, tbl_name, rootpage, sql from sqlite_schema order by rowid;
            select rowid, * from a order by rowid;
            select rowid, * from b order by rowid;
            select rowid, * from c order by rowid;
            select rowid, * from d order by rowid;
            select rowid, * from sqlite_sequence order by rowid;
            select t from b where t = 'b' collate nocase;
            select p from d where p > 2 order by p;
            pragma user_version;
            pragma application_id;
            pragma schema_version;
            pragma freelist_count;
            pragma integrity_check;
            insert into b(t) values('d');
            insert into c values(9, 9);
            select rowid, * from c order by rowid;
            select * from sqlite_sequence;
            vacuum main;
            vacuum "main";
            vacuum temp;
            pragma schema_version;
            select rowid, * from b order by rowid;
            """);
    }

    @Test
    void heavyDeleteShrinks() {
        Differential.assertSame("""
            create table t(id integer primary key, v text, w blob);
            create index tv on t(v);
            with recursive n(i) as (select 1 union all select i + 1 from n where i < 3000)
              insert into t select i, printf('value %08d', i * 7919 % 3001), randomblob(i % 700) from n;
            delete from t where id % 10 <> 0;
            vacuum;
            pragma page_count;
            pragma freelist_count;
            pragma integrity_check;
            select count(*), sum(length(w)), min(v), max(v) from t;
            """);
    }

    @Test
    void overflowAndDeepTrees() {
        Differential.assertSame("""
            create table big(k text primary key, body) ;
            with recursive n(i) as (select 1 union all select i + 1 from n where i < 400)
              insert into big select printf('%0500d', i), zeroblob(i * 37) from n;
            create table many(a, b, c);
            create index mi on many(b, a);
            with recursive n(i) as (select 1 union all select i + 1 from n where i < 6000)
              insert into many select i, i % 97, 'x' from n;
            delete from many where a % 3 = 0;
            delete from big where length(body) % 2 = 1;
            vacuum;
            pragma page_count;
            pragma freelist_count;
            pragma integrity_check;
            select count(*), sum(length(body)), min(k), max(k) from big;
            select count(*), sum(a), sum(b) from many;
            select rowid, a from many order by rowid limit 5;
            select a from many where b = 5 order by a limit 5;
            """);
    }

    @Test
    void sequenceAndStat() {
        Differential.assertSame("""
            create table s(id integer primary key autoincrement);
            insert into s values(5);
            create table keep(x);
            insert into keep values(1), (2);
            create index ki on keep(x);
            analyze;
            drop table s;
            select * from sqlite_sequence;
            vacuum;
            select type, name from sqlite_schema where name <> 'sqlite_stat4' order by rowid;
            select * from sqlite_stat1 order by tbl, idx;
            select * from sqlite_sequence;
            """);
    }

    @Test
    void emptyDatabase() {
        Differential.assertSame("""
            vacuum;
            pragma page_count;
            pragma schema_version;
            create view w as select 1;
            vacuum;
            select * from sqlite_schema;
            create table t(x);
            drop table t;
            vacuum;
            pragma page_count;
            pragma freelist_count;
            """);
    }

    @Test
    void errors() {
        Differential.assertSame("""
            create table t(x);
            vacuum x;
            vacuum aux into 'o.db';
            vacuum into 12;
            vacuum into null;
            vacuum into x'6f';
            vacuum into 1.5;
            vacuum into x;
            vacuum into ?;
            vacuum temp into 12;
            vacuum temp into x;
            vacuum into '';
            vacuum main into '' || '';
            begin;
            vacuum;
            vacuum into 'in-txn.db';
            rollback;
            select count(*) from t;
            """);
    }
}
