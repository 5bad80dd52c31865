package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * Names in ORDER BY and GROUP BY as SQLite resolves them: no references to enclosing queries (also inside a
 * subquery of the term; result-column numbers and aliases exempt), and aggregates in the ORDER BY of a query
 * that is not an aggregate ({@code misuse of aggregate: min()}), against SQLite.
 */
class OrderGroupScopeSqlTest {
    @Test
    void noOuterReferences() {
        Differential.assertSame("""
            create table t1(b, c);
            insert into t1 values (1, 0), (200, 1);
            create table t2(d);
            insert into t2 values (2), (3);
            select d from t2 where exists (select 1 from t1 group by abs(t2.d));
            select d from t2 where exists (select 1 from t1 group by t2.d);
            select d from t2 where exists (select 1 from t1 group by t2.rowid);
            select d from t2 where exists (select 1 from t1 group by t2._rowid_);
            select d from t2 where exists (select 1 from t1 group by t2.oid);
            select d from t2 where exists (select 1 from t1 group by (select t2.d));
            select t2.d from t2 left join t1 on t2.d in (select t1.c from t1 as x group by t2.d having sum(x.b) > 100) order by 1;
            select d, (select b from t1 order by t2.d) from t2;
            select d, (select b from t1 order by b + d) from t2;
            select d, (select b from t1 order by c limit 1) from t2 order by 1;
            select d, (select t2.d + b as k from t1 order by k limit 1) from t2 order by 1;
            select d, (select t2.d + b as k from t1 group by k order by 1 limit 1) from t2 order by 1;
            select d, (select t2.d from t1 order by 1 limit 1) from t2 order by 1;
            select d, (select count(*) from t1 group by c having c = t2.d - 2) from t2 order by 1;
            select d, (select b from t1 where c = t2.d - 2 order by b) from t2 order by 1;
            """);
    }

    @Test
    void aggregateInOrderByOfPlainQuery() {
        Differential.assertSame("""
            create table t(f1 int, f2 int);
            insert into t values (11, 22), (33, 44);
            select f1 from t order by min(f1);
            select f1 from t order by max(f1);
            select f1 from t order by sum(f1) + 1;
            select f1 from t order by f2, count(*);
            select count(*) from t order by min(f1);
            select f1 from t group by f1 order by max(f2) desc;
            select f1 from t where exists (select 1 from t order by max(f1));
            select f1, row_number() over () from t order by 2;
            select 1 order by sum(exists (select 1));
            select 1 order by sum((select 42));
            select 1 order by (select 1, 2) in (select 1);
            select 1 order by nosuch;
            select 1 order by max(1), 2;
            select count(f1) from t order by coalesce(f1 in (select f1, f2, f1 from t), f2);
            select count(f1) from t order by nosuch;
            select f2, sum(f1) from t group by f2 order by sum(exists (select 1));
            select count(*) from t order by (select 1, 2);
                        """);
    }
}
