package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** Common table expressions prefixed to INSERT, UPDATE, DELETE, upserts and RETURNING, against SQLite. */
class DmlWithSqlTest {
    @Test
    void insertWith() {
        Differential.assertSame("""
            create table t(a integer primary key, b);
            with c(x, y) as (select 1, 'one' union all select 2, 'two') insert into t select * from c;
            with recursive n(i) as (select 10 union all select i + 1 from n where i < 15) insert into t(a, b) select i, i * i from n;
            with c as materialized (select 100 as x) insert into t values((select x from c), 'm');
            with c as not materialized (select 101 as x) insert into t select x, 'nm' from c returning *;
            with c(x) as (select 1) insert into t values(1, 'dup') on conflict(a) do update set b = (select 'up' || x from c);
            with c(x) as (select 3) insert into t values((select x from c), 'three') returning a, (select x + 1 from c);
            select * from t order by a;
            with c(x, y) as (select 1) insert into t select * from c;
            with c as (select 1) insert into c values(1);
            """);
    }

    @Test
    void updateWith() {
        Differential.assertSame("""
            create table t(a integer primary key, b);
            insert into t values(1, 1), (2, 2), (3, 3), (4, 4);
            with c(x) as (select 2 union all select 4) update t set b = b * 10 where a in (select x from c);
            with recursive n(i) as (select 1 union all select i + 1 from n where i < 3) update t set b = (select sum(i) from n) where a = 1;
            with m as materialized (select max(b) as mx from t) update t set b = (select mx from m) + a where a = 3 returning a, b;
            with c(x) as (select 1), d(y) as (select x + 1 from c) update t set b = -1 where exists (select 1 from d where y = t.a);
            select * from t order by a;
            with c as (select 1) update c set x = 1;
            """);
    }

    @Test
    void deleteWith() {
        Differential.assertSame("""
            create table t(a integer primary key, b);
            insert into t values(1, 1), (2, 2), (3, 3), (4, 4), (5, 5);
            with c(x) as (select 2) delete from t where a = (select x from c);
            with recursive n(i) as (select 4 union all select i + 1 from n where i < 10) delete from t where a in n returning a;
            select * from t order by a;
            with t(a) as (select 1) delete from t where a = 1;
            select * from t order by a;
            with c as (select 1) delete from c;
            """);
    }

    @Test
    void withInTriggerBody() {
        Differential.assertSame("""
            create table t(a);
            create table log(x);
            create trigger tr after insert on t begin with c(v) as (select new.a) insert into log select v from c; end;
            create trigger tr2 after insert on t begin insert into log with c(v) as (select new.a) select v from c; end;
            insert into t values(7);
            select * from log;
            create table k(id integer primary key, n);
            with c(x) as (select 1) insert into k values(1, 0) on conflict(id) do update set n = 1 where excluded.n in c;
            with c(x) as (select 1) insert into k values(1, 0) on conflict(id) do update set n = 2 where n in (select x - 1 from c) returning n, (select x from c);
            select * from k;
            """);
    }

    @Test
    void withOnViewsAndNestedWith() {
        Differential.assertSame("""
            create table t(id integer primary key, v);
            insert into t values(1, 10), (2, 20), (3, 30);
            create view vw as select id, v from t;
            create trigger vu instead of update on vw begin update t set v = new.v where id = old.id; end;
            create trigger vd instead of delete on vw begin delete from t where id = old.id; end;
            create trigger vi instead of insert on vw begin insert into t values(new.id, new.v); end;
            with c(x) as (select 2) update vw set v = 0 where id in c;
            with c(x) as (select 3) delete from vw where id in c;
            with c(x) as (select 5) insert into vw select x, x from c;
            with c(x) as (select 1) insert into t select 9, x from c where x in (with d as (select x) select * from d);
            with recursive c(x) as (select 1 union all select x + 1 from c where x < 3) update t set v = (select count(*) from c where x <= t.id);
            select * from t order by id;
            with c as (select 1) with d as (select 2) delete from t;
            """);
    }
}
