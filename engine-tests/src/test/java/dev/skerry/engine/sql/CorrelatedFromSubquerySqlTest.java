package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** FROM subqueries that refer to an outer query's row: re-evaluated per outer row, as SQLite does. */
class CorrelatedFromSubquerySqlTest {
    private static final String SETUP = """
        create table t(id integer primary key, v);
        insert into t values(1, 10), (2, 20), (3, 30);
        create table u(k, w);
        insert into u values(1, 'a'), (1, 'b'), (2, 'c'), (3, 'd'), (3, 'e'), (3, 'f');
        """;

    @Test
    void scalarSubqueries() {
        Differential.assertSame(SETUP + """
            select id, (select max(x) from (select t.id as x)) from t order by id;
            select id, (select x + y from (select t.id as x) join (select t.v as y)) from t order by id;
            select id, (select count(*) from (select w from u where u.k = t.id)) from t order by id;
            select id, (select group_concat(w, '') from (select w from u where u.k = t.id order by w desc)) from t order by id;
            select id, (select sum(s) from (select v * 2 as s from t as t2 where t2.id <= t.id)) from t order by id;
            select id, (select x from (select t.id * 100 as x) where x > 150) from t order by id;
            """);
    }

    @Test
    void existsAndIn() {
        Differential.assertSame(SETUP + """
            select id from t where exists (select 1 from (select w from u where u.k = t.id) where w > 'b') order by id;
            select id from t where not exists (select * from (select t.v as x) where x = 20) order by id;
            select id from t where 'c' in (select w from (select w from u where u.k = t.id)) order by id;
            select id, 10 * id in (select x from (select t.v as x)) from t order by id;
            select k, w from u where k in (select y from (select t.id as y from t where t.v = 10 * u.k)) order by k, w;
            """);
    }

    @Test
    void nestedTwoLevels() {
        Differential.assertSame(SETUP + """
            select id, (select (select max(y) from (select x + t.id as y)) from (select t.v as x)) from t order by id;
            select id, (select sum(z) from (select (select count(*) from (select w from u where u.k = t.id and u.w >= a.w)) as z from u as a where a.k = t.id)) from t order by id;
            select id, (select max(c) from (select count(*) as c from (select w from u where u.k = t.id) group by w)) from t order by id;
            select * from t, (select t.id as x);
            """);
    }

    @Test
    void correlatedCtes() {
        Differential.assertSame(SETUP + """
            select id, (with c as (select t.id as x) select x from c) from t order by id;
            select id, (with c as materialized (select t.v + 1 as x) select max(x) from c) from t order by id;
            select id, (with c(x) as (select t.id * 2), d(y) as (select x + 1 from c) select y from d) from t order by id;
            select id from t where exists (with c as (select w from u where u.k = t.id) select 1 from c where w > 'd') order by id;
            with c(x) as (select t.id) select id, (select x from c) from t order by id;
            select * from t, (with c as (select t.id) select * from c);
            """);
    }
}
