package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** AUTOINCREMENT and {@code sqlite_sequence} against SQLite. */
class AutoincrementSqlTest {
    @Test
    void sequenceTable() {
        Differential.assertSame("""
            create table t(id integer primary key autoincrement, v);
            select type, name, tbl_name, sql from sqlite_schema order by rowid;
            select * from sqlite_sequence;
            insert into t(v) values('a'), ('b');
            select * from sqlite_sequence;
            insert into t values(10, 'c');
            insert into t(v) values('d');
            delete from t where id >= 10;
            insert into t(v) values('e');
            select * from t order by id;
            select * from sqlite_sequence;
            insert into t values(5, 'f');
            select * from sqlite_sequence;
            insert or ignore into t values(1, 'dup'), (100, 'x');
            insert or ignore into t values(1, 'dup');
            select * from sqlite_sequence;
            create table u(id integer primary key autoincrement);
            create table w(x integer primary key, y);
            select type, name, tbl_name from sqlite_schema order by rowid;
            insert into u default values;
            insert into u default values;
            select * from sqlite_sequence order by name;
            update sqlite_sequence set seq = 50 where name = 'u';
            insert into u default values;
            select * from u;
            delete from sqlite_sequence where name = 'u';
            insert into u default values;
            select * from sqlite_sequence order by name;
            alter table u rename to u2;
            select * from sqlite_sequence order by name;
            drop table u2;
            select * from sqlite_sequence order by name;
            drop table sqlite_sequence;
            create table sqlite_sequence(a);
            create index si on sqlite_sequence(name);
            insert into sqlite_sequence values('zz', 3);
            select * from sqlite_sequence order by name;
            pragma integrity_check;
            """);
    }

    @Test
    void limitsAndErrors() {
        Differential.assertSame("""
            create table t(id integer primary key autoincrement, v);
            insert into t values(9223372036854775806, 'a');
            insert into t(v) values('b');
            insert into t(v) values('c');
            select * from t;
            delete from t;
            insert into t(v) values('d');
            select * from sqlite_sequence;
            create table b(x int primary key autoincrement);
            create table c(x integer autoincrement);
            create table d(x integer, y, primary key(x autoincrement));
            create table e(x integer, y, primary key(x, y autoincrement));
            select name from sqlite_schema order by name;
            """);
    }

    @Test
    void upsertReplaceReturningTriggers() {
        Differential.assertSame("""
            create table t(id integer primary key autoincrement, k unique, n);
            create table log(id integer primary key autoincrement, what);
            create trigger tr after insert on t begin insert into log(what) values(new.k); end;
            insert into t(k, n) values('a', 1), ('b', 1) returning id, k;
            insert into t(k, n) values('a', 5) on conflict(k) do update set n = n + 1 returning *;
            insert or replace into t(k, n) values('b', 9);
            insert into t(k, n) select k || 'x', n from t;
            select * from t order by id;
            select * from log order by id;
            select * from sqlite_sequence order by name;
            begin;
            insert into t(k) values('r');
            rollback;
            select * from sqlite_sequence order by name;
            insert into t(k) values('s');
            select * from sqlite_sequence order by name;
            """);
    }
}
