package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * WITHOUT ROWID tables against SQLite: CREATE TABLE and its errors, INSERT with every conflict clause and
 * UPSERT, UPDATE (of PRIMARY KEY columns too), DELETE, RETURNING, triggers, foreign keys, generated columns,
 * STRICT, secondary indexes, queries seeking and ordering by the PRIMARY KEY, and {@code rowid} refused.
 */
class WithoutRowidSqlTest {
    @Test
    void createAndErrors() {
        Differential.assertSame("""
            create table t(a, b, c, primary key(a, b)) without rowid;
            create table if not exists t(x primary key) without rowid;
            create table t(x primary key) without rowid;
            create table n(a, b) without rowid;
            create table ai(a integer primary key autoincrement, b) without rowid;
            create table ip(a integer primary key, b unique) without rowid;
            create table d(a text collate nocase, b desc, c, primary key(b desc, a)) without rowid;
            create table g(a primary key, b as (a || 'x'), c as (a + 1) stored) without rowid;
            create table gp(a as (1), b, primary key(a)) without rowid;
            create table s(a int primary key, b text) strict, without rowid;
            create temp table tt(a primary key, b) without rowid;
            select type, name, tbl_name, sql from sqlite_schema order by name;
            select name from sqlite_temp_master;
            """);
    }

    @Test
    void insertAndQuery() {
        Differential.assertSame("""
            create table t(a, b, c, primary key(a, b)) without rowid;
            insert into t values(1, 'x', 10), (1, 'y', 20), (2, 'x', 30), ('1', 'z', 40), (1.0, 'w', 50);
            select * from t;
            select * from t order by a, b;
            select * from t where a = 1;
            select * from t where a = 1 and b = 'y';
            select * from t where a = 1 and b > 'w' order by b desc;
            select c from t where a between 1 and 2 order by a desc, b desc;
            select count(*) from t;
            select rowid from t;
            select t.rowid, oid, _rowid_ from t;
            insert into t values(1, 'x', 99);
            insert into t values(null, 'x', 99);
            insert into t(a) values(5);
            insert into t(rowid, a, b) values(1, 2, 3);
            insert or ignore into t values(1, 'x', 99), (3, 'q', 60);
            insert or replace into t values(1, 'x', 100);
            replace into t values(2, 'x', 300);
            select * from t order by a, b;
            insert or fail into t values(7, 'a', 1), (1, 'x', 2);
            insert or abort into t values(8, 'a', 1), (1, 'x', 2);
            insert or rollback into t values(9, 'a', 1), (1, 'x', 2);
            select * from t order by a, b;
            select last_insert_rowid(), changes();
            """);
    }

    @Test
    void updateDeleteUpsertReturning() {
        Differential.assertSame("""
            create table t(a primary key, b, c unique) without rowid;
            insert into t values(1, 'one', 10), (2, 'two', 20), (3, 'three', 30);
            update t set b = upper(b) where a > 1;
            update t set a = a + 10 where a = 2;
            select * from t order by a;
            update t set a = 1 where a = 3;
            update or replace t set a = 1 where a = 3;
            select * from t order by a;
            update t set c = 10 where a = 12;
            delete from t where a = 12 returning *;
            insert into t values(5, 'five', 50) returning a, b;
            insert into t values(5, 'FIVE', 51) on conflict(a) do update set b = excluded.b returning *;
            insert into t values(6, 'six', 50) on conflict(c) do update set b = 'c' || excluded.b;
            insert into t values(5, 'x', 1) on conflict do nothing;
            insert into t values(5, 'x', 1) on conflict(b) do nothing;
            select * from t order by a;
            delete from t;
            select count(*) from t;
            """);
    }

    @Test
    void secondaryIndexes() {
        Differential.assertSame("""
            create table t(a, b, c, d, primary key(a, b)) without rowid;
            create index tc on t(c);
            create index tcb on t(c, b);
            create unique index td on t(d);
            insert into t values(1, 1, 'p', 10), (1, 2, 'q', 20), (2, 1, 'p', 30), (2, 2, 'r', null), (3, 1, null, null);
            select a, b from t where c = 'p' order by a, b;
            select a, b, c from t where c > 'p' order by c;
            select * from t where d = 20;
            insert into t values(4, 1, 'x', 10);
            insert or replace into t values(4, 1, 'x', 10);
            select * from t order by a, b;
            update t set c = 'z' where a = 1;
            update t set a = 9 where c = 'r';
            delete from t where c = 'p';
            select * from t order by a, b;
            select a, b, c from t indexed by tc where c > 'a' order by c;
            select c, count(*) from t group by c;
            pragma integrity_check;
            create index later on t(d, a);
            select * from t where d > 5 order by d;
            drop index tc;
            pragma integrity_check;
            """);
    }

    @Test
    void collationAndDescKeys() {
        Differential.assertSame("""
            create table t(a text collate nocase, b desc, c, primary key(a, b desc)) without rowid;
            insert into t values('A', 1, 'x'), ('a', 2, 'y'), ('B', 1, 'z'), ('b', 1, 'w');
            insert into t values('b', 3, 'v');
            select * from t;
            select * from t where a = 'a' order by b desc;
            select * from t where a = 'A' and b = 2;
            create index tc on t(c);
            select a, b from t where c > 'v' order by c;
            pragma integrity_check;
            """);
    }

    @Test
    void triggersForeignKeysGenerated() {
        Differential.assertSame("""
            pragma foreign_keys = on;
            create table p(a, b, primary key(a, b)) without rowid;
            create table c(x primary key, pa, pb, foreign key(pa, pb) references p(a, b) on delete cascade on update cascade) without rowid;
            insert into p values(1, 1), (1, 2);
            insert into c values('k', 1, 1), ('l', 1, 2);
            insert into c values('m', 5, 5);
            update p set b = 3 where b = 2;
            select * from c order by x;
            delete from p where b = 1;
            select * from c order by x;
            create table r(id integer primary key, k);
            create table w(k primary key, v) without rowid;
            create table rc(k references w(k));
            insert into w values('a', 1);
            insert into rc values('a');
            insert into rc values('b');
            delete from w;
            create table log(m);
            create trigger ti after insert on w begin insert into log values('i ' || new.k || new.v); end;
            create trigger tu before update on w begin insert into log values('u ' || old.k || '>' || new.k); end;
            create trigger td after delete on w begin insert into log values('d ' || old.k); end;
            insert into w values('b', 2), ('c', 3);
            update w set k = 'z' where k = 'b';
            delete from w where k = 'c';
            select * from log;
            create table g(a primary key, b as (a * 2), c as (a + 1) stored, d) without rowid;
            create index gb on g(b);
            insert into g(a, d) values(1, 'x'), (2, 'y');
            update g set a = 5 where a = 1;
            select * from g order by a;
            select a from g where b = 4;
            create table s(a int primary key, b text) strict, without rowid;
            insert into s values(1, 'x');
            insert into s values('x', 'y');
            select * from s;
            """);
    }

    @Test
    void pragmasAlterAnalyze() {
        Differential.assertSame("""
            create table t(a, b text collate nocase, c, d, primary key(b desc, a)) without rowid;
            create index tc on t(c);
            create unique index td on t(d, a);
            create table u(x integer primary key, y unique) without rowid;
            pragma table_info(t);
            pragma table_xinfo(t);
            pragma index_list(t);
            pragma index_list(u);
            pragma index_info(sqlite_autoindex_t_1);
            pragma index_xinfo(sqlite_autoindex_t_1);
            pragma index_info(tc);
            pragma index_xinfo(tc);
            pragma index_xinfo(td);
            pragma index_xinfo(sqlite_autoindex_u_1);
            pragma index_xinfo(sqlite_autoindex_u_2);
            pragma table_list;
            insert into t values(1, 'x', 2, 3), (2, 'y', 3, 4), (3, 'Y', 3, 5);
            analyze;
            select * from sqlite_stat1 order by tbl, idx;
            reindex t;
            reindex;
            pragma integrity_check;
            create table cta as select * from t;
            select sql from sqlite_schema where name = 'cta';
            pragma table_list(cta);
            alter table t rename to t2;
            select name, sql from sqlite_schema where name not like 'sqlite_stat%' order by name;
            alter table t2 add column e default 5;
            select * from t2;
            alter table t2 rename column c to cc;
            alter table t2 drop column a;
            alter table t2 drop column d;
            alter table t2 drop column e;
            select * from t2;
            pragma integrity_check;
            insert into t2 values(9, 'q', 1, 1);
            select * from t2 order by b;
            drop table t2;
            select name from sqlite_schema where name not like 'sqlite_stat%';
            """);
    }

    @Test
    void moreShapes() {
        Differential.assertSame("""
            pragma foreign_keys = on;
            create table tree(id primary key, up references tree(id) on delete cascade, name) without rowid;
            insert into tree values(1, null, 'root'), (2, 1, 'a'), (3, 2, 'b'), (4, 1, 'c');
            insert into tree values(5, 9, 'x');
            delete from tree where id = 2;
            select * from tree order by id;
            update tree set id = 10 where id = 1;
            create temp table tt(k text primary key, v) without rowid;
            insert into tt values('b', 1), ('a', 2), ('c', 3);
            insert or replace into tt values('a', 20);
            select * from tt;
            select * from tt where k > 'a' order by k desc;
            create table e(a, b, c, primary key(b, a)) without rowid;
            create index ex on e(a + c);
            create index ep on e(c) where c > 5;
            insert into e with recursive g(v) as (select 1 union all select v + 1 from g where v < 20) select v, v % 3, v * 2 from g;
            select a, b from e where a + c = 12;
            select a, c from e where c > 30 order by c;
            select a from e not indexed where b = 1 and a > 10 order by a;
            update e set c = c - 10 where b = 2;
            delete from e where a + c > 40;
            select * from e order by b, a;
            pragma integrity_check;
            insert into e(a, b, c) select a + 100, b, c from e where b = 0;
            select count(*), sum(a) from e;
            select b, count(*) from e group by b order by b;
            select * from e where b = 0 and a in (3, 103, 6) order by a desc;
            """);
    }

    @Test
    void renameKeyColumnsAndUpsertMoves() {
        Differential.assertSame("""
            create table t(a, b, c, primary key(a, b)) without rowid;
            create index tc on t(c, a);
            insert into t values(1, 1, 'x'), (1, 2, 'y'), (2, 1, 'z');
            alter table t rename column a to aa;
            select sql from sqlite_schema where name in ('t', 'tc') order by name;
            pragma index_xinfo(tc);
            insert into t values(1, 2, 'w') on conflict(aa, b) do update set b = 5;
            insert into t values(1, 1, 'w') on conflict(aa, b) do update set b = 2;
            insert into t values(2, 1, 'w') on conflict(aa, b) do update set aa = 9, c = excluded.c || c;
            select * from t order by aa, b;
            select aa, b from t where c > 'w' order by c;
            update t set aa = aa * 10, b = -b;
            select * from t order by aa, b;
            pragma integrity_check;
            """);
    }

    @Test
    void orAndInTerms() {
        Differential.assertSame("""
            create table t(a, b, c, primary key(a, b)) without rowid;
            create index tc on t(c);
            insert into t values(1, 1, 5), (1, 2, 6), (2, 1, 5), (3, 3, 7), (4, 4, 8);
            select * from t where a = 1 or c = 5 order by a, b;
            select * from t where a = 3 or c = 8 or b = 2 order by a, b;
            delete from t where a = 4 or c = 6;
            select * from t order by a, b;
            select * from t where a in (select a from t where c = 5) order by a, b;
            update t set c = c + 1 where a = 1 or c = 7;
            select * from t order by a, b;
            """);
    }

    @Test
    void subqueriesAndJoins() {
        Differential.assertSame("""
            create table t(a, b, c, primary key(a, b)) without rowid;
            create table src(k, v);
            insert into t values(1, 1, 'x'), (1, 2, 'y'), (2, 1, 'z');
            insert into src values(1, 'one'), (2, 'two');
            select * from t order by a, b;
            select * from t order by a, b;
            select a, (select count(*) from t u where u.a = t.a) from t order by a, b;
            select * from t where exists (select 1 from src where k = t.b) order by a, b;
            select count(*) from t x, t y where x.a = y.a;
            insert into t select a + 5, b, c from t;
            select * from t where a > 3 order by a desc, b desc;
            """);
    }

    @Test
    void automaticIndexes() {
        Differential.assertSame("""
            create table w(k primary key, v, x) without rowid;
            create table r(y, z);
            insert into w values(1, 'a', 10), (2, 'b', 20), (3, 'a', 30);
            insert into r values('a', 1), ('b', 2), ('c', 3), ('a', 4);
            select r.z, w.k, w.x from r join w on w.v = r.y order by r.z, w.k;
            select r.z, w.k from r left join w on w.v = r.y and w.x > 15 order by r.z, w.k;
            select count(*) from r, w where w.x = r.z * 10;
            """);
    }
}
