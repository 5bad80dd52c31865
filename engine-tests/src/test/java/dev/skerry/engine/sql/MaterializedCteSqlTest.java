package dev.skerry.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skerry.testkit.Differential;
import dev.skerry.testkit.QueryPlans;
import org.junit.jupiter.api.Test;

/**
 * A {@code MATERIALIZED} CTE named several times is computed once and its uses share the rows (a
 * {@code random()} in it has one value for all of them), in subqueries, self-joins, compounds and correlated
 * positions, against SQLite. So is a CTE written without {@code [NOT] MATERIALIZED} that is named twice or more
 * and whose query SQLite does not flatten (no FROM, VALUES, aggregate, GROUP BY, DISTINCT, LIMIT, window),
 * counting the names in the statement and in the queries of the other CTEs that are used; a name hidden by an
 * inner CTE of the same name does not count. A CTE SQLite flattens is computed at each use, as there.
 */
class MaterializedCteSqlTest {
    @Test
    void usesShareOneMaterialization() {
        Differential.assertSame("""
            create table s(a);
            insert into s values (1),(2),(3);
            with t as materialized (select random() as r) select (select r from t) = (select r from t) as same;
            with t as materialized (select random() as r) select count(*) from t as a, t as b where a.r = b.r;
            with t as materialized (select abs(random()) % 1000000 as r from s)
                select count(*) from (select r from t union select r from t);
            with t as materialized (select random() as r from s) select count(*) from t where r in (select r from t);
            with t(x) as materialized (select 1 union all select 2 union all select 3)
                select a.x, b.x from t as a join t as b on a.x <= b.x order by 1, 2;
            with t(x) as materialized (select a from s)
                select x, (select count(*) from t as u where u.x <= t.x), x in (select x from t) from t;
            select a, (with c as materialized (select a * 10 as v) select (select v from c) + (select v from c)) from s;
            select a, (with c as materialized (select s2.a * 10 as v from s as s2 where s2.a = s.a)
                select (select v from c) + (select v from c)) from s;
            with t as materialized (select a from s) select * from t as a, t as b where a.a = 2 and b.a > a.a;
            """);
    }

    @Test
    void aCteNamedTwiceIsMaterializedOnce() {
        Differential.assertSame("""
            create table s(a);
            insert into s values (1),(2),(3);
            with t as (select random() as r) select (select r from t) = (select r from t) as same;
            with t as (select random() as r) select count(*) from t as a, t as b where a.r = b.r;
            with t as (select random() as r) select count(*) from t where r in t;
            with t as (select random() as r), u as (select r from t) select (select r from u) = (select r from t);
            with t as (select random() as r), u as (select r from t), v as (select r from t) select u.r = v.r from u, v;
            with u as (select r from t), t as (select random() as r) select u.r = t.r from u, t;
            with t as (select random() as r), unused as (select r from t) select r = r from t;
            with t as not materialized (select random() as r) select (select r from t) = (select r from t) as same;
            with t as (select random() as r) select (select r from t) = (with t as (select random() as r) select r from t);
            with t as (select random() as r) select count(*) from s where a > 0 and (select r from t) = (select r from t);
            select a, (with c as (select random() as v) select (select v from c) = (select v from c)) from s;
            select a, (with c as (select s2.a * 10 + random() as v from s as s2 where s2.a = s.a)
                select (select v from c) = (select v from c)) from s;
            select a, (with c as (select s.a * 10 + random() as v) select (select v from c) = (select v from c)) from s;
            with c(x) as (select random() union all select random())
                select count(distinct x) from (select x from c union all select x from c);
            with c(x) as (values (random()), (random())) select count(distinct x) from (select x from c union all select x from c);
            with t as (select sum(random() / 4) as r from s) select (select r from t) = (select r from t);
            with t as (select random() as r from s group by a) select count(distinct x.r) from t as x, t as y;
            with t as (select distinct random() as r from s) select count(distinct x.r) from t as x, t as y;
            with t as (select random() as r from s limit 2) select count(distinct x.r) from t as x, t as y;
            with t as (select random() as r, row_number() over () as n from s)
                select count(*) from (select r from t union select r from t);
            """);
    }

    @Test
    void aCteSqliteFlattensIsComputedAtEachUse() {
        Differential.assertSame("""
            create table s(a);
            insert into s values (1),(2),(3);
            with t as (select random() as r from s) select count(*) from (select r from t union select r from t);
            with t as (select random() as r from s) select count(*) from t where r in (select r from t);
            with t as (select random() as r from s where a > 1) select count(*) from (select r from t union select r from t);
            with t as (select random() as r from s as a join s as b on a.a = b.a)
                select count(*) from (select r from t union select r from t);
            with c(x) as (select random() from s union all select random() from s)
                select count(distinct x) from (select x from c union all select x from c);
            """);
    }

    @Test
    void dataChangingStatementsCountTheirUses() {
        Differential.assertSame("""
            create table s(a, b);
            insert into s values (1, 0), (2, 0), (3, 0);
            with t as (select random() as r) insert into s select (select r from t) = (select r from t), 1;
            with t as (select random() as r) update s set b = (select r from t) - (select r from t) where a < 3;
            with t as (select random() as r) delete from s where (select r from t) <> (select r from t);
            with t as (select random() as r) update s set b = 5 from t as x, t as y where x.r = y.r and s.a = 1;
            select * from s order by rowid;
            """);
    }

    @Test
    void planNamesTheCte() {
        assertEquals("", QueryPlans.differences("create table s(a);", new String[] {
            "with c as (select random() as r) select a.r = b.r from c as a, c as b",
            "with c as materialized (select a from s) select x.a from c as x, c as y"}));
    }
}
