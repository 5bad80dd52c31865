package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * Generated columns ({@code AS (expr) VIRTUAL|STORED}) against SQLite: values and their affinities, reading
 * in WHERE/ORDER BY/joins/aggregates, indexes on them, INSERT/UPDATE/UPSERT/triggers, ALTER TABLE, the
 * pragmas and SQLite's errors.
 */
class GeneratedColumnSqlTest {
    @Test
    void valuesAndAffinities() {
        Differential.assertSame("""
            create table t(a integer, b as (a*2), c text as (a+1) stored, d real generated always as (a) virtual,
                e int as (c || 'x'), f as (b + c), g integer generated always as (a) stored);
            insert into t(a) values(5), (null), ('7'), (2.5);
            insert into t values(1);
            select *, typeof(b), typeof(c), typeof(d), typeof(e), typeof(f), typeof(g) from t order by rowid;
            select a, b from t where b > 9 order by b desc;
            select count(*), sum(b), max(d), group_concat(c) from t;
            select b, count(*) from t group by b order by 1;
            select x.a, y.f from t x join t y on x.b = y.b order by 1, 2;
            select t.b, u.x from (select 1 as x) u left join t on t.a = 999;
            select * from t where d = 5.0;
            create table s(a text, b integer as (a > 5));
            insert into s(a) values('10'), ('3'), (null);
            select a, b from s order by rowid;
            """);
    }

    @Test
    void writesAndTriggers() {
        Differential.assertSame("""
            create table t(id integer primary key, a, b as (a * 10) stored, c as (b + id), d as (upper(a)) virtual);
            insert into t(a) values(1), (2), ('x');
            update t set a = a + 1 where id < 3;
            select * from t order by id;
            insert into t(id, a) values(10, 3) returning *;
            update t set a = 4 where id = 10 returning c, d;
            delete from t where id = 10 returning b, c;
            create table log(x);
            create trigger bi before insert on t begin insert into log values('bi ' || new.b || ' ' || new.c); end;
            create trigger ai after insert on t begin insert into log values('ai ' || new.b || ' ' || new.c); end;
            create trigger bu before update on t begin insert into log values('bu ' || old.c || ' ' || new.c); end;
            create trigger ad after delete on t begin insert into log values('ad ' || old.b || ' ' || old.d); end;
            insert into t(id, a) values(20, 5);
            update t set a = 6 where id = 20;
            delete from t where id = 20;
            select * from log;
            create table u(a primary key, b as (a || '!'));
            insert into u(a) values('p');
            insert into u(a) values('p') on conflict(a) do update set a = excluded.b;
            select * from u;
            insert or replace into u(a) values('p!');
            select * from u;
            """);
    }

    @Test
    void indexesOnGeneratedColumns() {
        Differential.assertSame("""
            create table t(a, b as (a * 2), c as (a + 1) stored, d);
            create index ib on t(b);
            create index ic on t(c, b);
            insert into t(a, d) values(1, 'x'), (2, 'y'), (3, 'z');
            select a from t where b = 4;
            select b from t where b > 2 order by b;
            select c, b from t where c >= 3 order by c desc;
            update t set a = 10 where a = 1;
            delete from t where b = 6;
            select * from t order by a;
            pragma integrity_check;
            create unique index ub on t(b);
            insert into t(a) values(10);
            insert into t(a) values(11);
            select * from t order by a;
            pragma integrity_check;
            """);
    }

    @Test
    void pragmasAndSchema() {
        Differential.assertSame("""
            create table t(a real, b integer as (a), c real as (b) stored, "d e" text generated always as (c) virtual,
                f int not null as (a) check (f > 0));
            pragma table_info(t);
            pragma table_xinfo(t);
            select sql from sqlite_schema;
            insert into t values(1.5);
            insert into t values(null);
            insert into t values(-1);
            select * from t;
            """);
    }

    @Test
    void errors() {
        Differential.assertSame("""
            create table a1(a, b as (c), c as (b));
            create table a2(a, b as (b));
            create table a3(a, b as (d), c as (b), d as (c), e as (b));
            create table a4(a, b as (random()));
            create table a5(a, b as (a) primary key);
            create table a6(a, b as (a) default 5);
            create table a7(a, b default 5 as (a));
            create table a8(a, b as (a8.a));
            create table a9(a, b as ((select 1)));
            create table a10(a, b as (sum(a)));
            create table a11(b as (1));
            create table a12(a, b as (x));
            create table a13(a, b as (?));
            create table a14(a, b as (rowid));
            create table a15(a, b as (a) stored, primary key(b));
            create table a16(a, b as (current_time));
            create table a17(a, b as (a) bogus);
            create table t(a, b as (a + 1), c);
            insert into t(b) values(1);
            insert into t values(1, 2, 3);
            insert into t values(1, 2);
            update t set b = 1;
            insert into t values(1, 2);
            select * from t;
            """);
    }

    @Test
    void alterTable() {
        Differential.assertSame("""
            create table t(a, b);
            insert into t values(1, null), (2, 3);
            alter table t add column c as (a * 100);
            alter table t add column d as (a) stored;
            alter table t add column e as (b) not null;
            alter table t add column e as (a) check (e > 1);
            alter table t add column e as (a) check (e > 0);
            alter table t add column f as (zz);
            alter table t add column f as (random());
            select * from t order by a;
            alter table t drop column a;
            alter table t drop column c;
            alter table t rename column a to x;
            select sql from sqlite_schema;
            select * from t order by x;
            alter table t add column g default 7;
            select * from t order by x;
            alter table t drop column b;
            select * from t order by x;
            pragma integrity_check;
            """);
    }

    @Test
    void triggerRowValuesTakeNoColumnAffinity() {
        Differential.assertSame("""
            create table t(id integer primary key, x integer, y text, z real, w, g text as (x > 0));
            create table log(m);
            create trigger a after insert on t begin insert into log values ((new.rowid = '1') || (new.id = '1')
                || (new.x = '1') || (new.y = 1) || (new.z = '1') || (new.w = '1') || (new.g = 1)); end;
            create trigger b before insert on t begin insert into log values ((new.rowid = '1') || (new.id = '1')
                || (new.x = '1') || (new.y = 1) || (new.z = '1') || (new.w = '1') || (new.g = 1)); end;
            create trigger c after update on t begin insert into log values ((old.rowid = '1') || (old.id = '1')
                || (old.x = '1') || (old.y = 1) || (old.z = '1') || (old.w = '1') || (old.g = 1)); end;
            insert into t values(1, 1, '1', 1, 1);
            update t set w = 2;
            select * from log;
            """);
    }
}
