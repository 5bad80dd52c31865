package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * STRICT tables against SQLite: the declared types allowed at CREATE, the type check of every value written
 * (after the column's affinity; NULL and ANY columns pass) and where it comes among the other constraint
 * checks, PRIMARY KEY columns made NOT NULL, {@code PRAGMA table_list}, ALTER TABLE ADD COLUMN.
 */
class StrictTableSqlTest {
    @Test
    void declaredTypes() {
        Differential.assertSame("""
            create table a1(a int, b) strict;
            create table a2(a int, b varchar) strict;
            create table a3(a int, b int(10)) strict;
            create table a4(a Int, b INTEGER, c real, d Text, e blob, f any) strict;
            pragma table_info(a4);
            pragma table_list;
            create table a5(a any primary key, b text) strict;
            insert into a5 values(null, 'x');
            insert into a5 values(1, 'x');
            select * from a5;
            """);
    }

    @Test
    void typeCheckOnWrite() {
        Differential.assertSame("""
            create table t(a integer unique, b text check (b <> 'zz'), c real, d any, e int not null default 0, f blob)
                strict;
            insert into t(a, b) values(1, 'x');
            insert into t(a, b) values('x', 'zz');
            insert into t(a, e) values('x', null);
            insert into t(a, e) values('1', null);
            insert into t(a, b) values(1, x'00');
            insert into t(a, c) values(4, '1.5');
            insert into t(a, c) values(5, 'abc');
            insert into t(a, c) values(6, 7);
            insert into t(a, d) values(7, '8');
            insert into t(a, f) values(8, '8');
            insert into t(a, f) values(9, x'08');
            insert into t(a) values(10.0);
            insert into t(a) values(10.5);
            insert into t(a) values('11');
            insert into t(a) values(' 12');
            insert into t(a, b) values(13, 1.5);
            insert into t(a, b) values(15, 'abc');
            insert or ignore into t(a, b) values('y', 1);
            insert into t(a) values(1e30);
            select a, typeof(a), b, typeof(b), c, typeof(c), d, typeof(d), typeof(f) from t order by a;
            update t set a = 'q' where a = 1;
            update t set c = 'q' where a = 1;
            update t set c = 2 where a = 1;
            select c, typeof(c) from t where a = 1;
            create table g(a int, b text as (a) stored, c int as (b || 'x')) strict;
            insert into g(a) values(1);
            insert into g(a) values('z');
            select b, typeof(b), c, typeof(c) from g;
            """);
    }

    @Test
    void alterTableAddColumn() {
        Differential.assertSame("""
            create table e(a int) strict;
            alter table e add column z int default 'abc';
            create table t(a int) strict;
            insert into t values(1);
            alter table t add column f text default x'00';
            alter table t add column g blob default 'x';
            alter table t add column l int not null default 'x';
            alter table t add column n real default 'abc';
            alter table t add column o int default 1.5;
            alter table t add column y varchar;
            alter table t add column x;
            select * from t;
            """);
    }
}
