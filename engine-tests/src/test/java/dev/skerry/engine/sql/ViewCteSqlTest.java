package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** Views (CREATE/DROP VIEW, their errors, use in joins, aggregates and subqueries) and WITH (also recursive), against SQLite. */
class ViewCteSqlTest {
    @Test
    void viewsAndCommonTableExpressions() {
        Differential.assertSame("""
            create table t(a, b);
            insert into t values(1, 2), (3, 4);
            create  view  if not exists v1 as select a, b+1 as c from t ;
            create view v2(x, y) as select * from t where a > 1;
            create view v1 as select 1;
            create view if not exists v1 as select 1;
            create table v1(x);
            create view t as select 1;
            create index v1 on t(a);
            select * from sqlite_schema;
            select * from v1;
            select x, y from v2;
            select * from v1 join v2 on v1.a = v2.x;
            select v1.c, count(*) from v1 group by v1.c;
            insert into v1 values(1, 2);
            update v1 set a = 1;
            delete from v2;
            drop view v1;
            drop view v1;
            drop table v2;
            drop view t;
            create view v3(x) as select a, b from t;
            select * from v3;
            create view v4 as select count(*) as n from t group by b;
            select * from v4;
            select * from v2 where y > 3;
            select (select max(x) from v2), exists (select * from v4);
            with c as (select a from t where a > 1) select * from c;
            with c(x) as (select a from t), d as (select x + 1 as y from c) select * from d order by y;
            with c(x, z) as (select a from t) select * from c;
            with c as (select 1 as q) select * from c, (with c as (select 2 as q) select q from c) as d;
            with c as (select a from t) select * from t where a in (select a from c);
            select * from v2, v2 as w;
            create view v5 as select a as "x y", 'lit', b * 2 from t;
            select * from v5;
            drop view if exists nosuch;
            select name from sqlite_schema;
            """);
    }

    @Test
    void recursiveCommonTableExpressions() {
        Differential.assertSame("""
            with recursive r(n) as (select 1 union all select n + 1 from r where n < 5) select * from r;
            with recursive r(n) as (select 1 union all select n + 1 from r limit 7) select * from r;
            with recursive r(n) as (select 1 union select n % 3 + 1 from r) select * from r;
            with recursive fib(a, b) as (select 0, 1 union all select b, a + b from fib where b < 100) select a from fib;
            create table e(p, c);
            insert into e values(1, 2), (1, 3), (2, 4), (4, 5), (3, 6);
            with recursive d(x, depth) as (select 1, 0 union all select c, depth + 1 from e join d on e.p = d.x) select * from d order by x;
            with recursive d(x) as (select 1 union all select c from d, e where e.p = d.x) select count(*), sum(x) from d;
            with recursive cnt(x) as (values(1) union all select x + 1 from cnt where x < 3) select x, x * x from cnt;
            with recursive r(n) as (select 1 union all select n + 1 from r where n < 3), s as (select n * 10 as m from r) select * from s;
            """);
    }
}
