package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * A {@code MATERIALIZED} CTE named several times is computed once and its uses share the rows (a
 * {@code random()} in it has one value for all of them), in subqueries, self-joins, compounds and correlated
 * positions, against SQLite.
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
}
