package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * NULLS FIRST / NULLS LAST against SQLite, with and against the sort direction, in simple, aggregate,
 * DISTINCT, compound and VALUES queries, with COLLATE, LIMIT/OFFSET, and where an index or the rowid could
 * give the order (it must not be used where the NULLs would land elsewhere).
 */
class NullsOrderSqlTest {
    @Test
    void nullsPlacementInEveryOrderBy() {
        Differential.assertSame("""
            create table t1(a, b);
            create index t1a on t1(a);
            create table t2(x integer primary key, y);
            insert into t1 values (1,'x'),(2,'y'),(null,'z'),(2,'w'),(null, null),(3, null);
            insert into t2 values (1, null), (2, 'b'), (3, 'a'), (4, null);
            select a from t1 order by a nulls last;
            select a from t1 order by a nulls first;
            select a from t1 order by a desc nulls first;
            select a from t1 order by a desc nulls last;
            select a, b from t1 order by a asc nulls last, b desc nulls first;
            select a, b from t1 order by a desc nulls first, b nulls last;
            select a, b from t1 order by b nulls last, a nulls last;
            select a, b from t1 where a > 0 order by a nulls last, b;
            select a from t1 order by a nulls last limit 3;
            select a from t1 order by a desc nulls first limit 2 offset 1;
            select a, b from t1 order by 2 nulls last, 1;
            select a as q, b from t1 order by q desc nulls first, b;
            select distinct a from t1 order by a nulls last;
            select a, count(*) from t1 group by a order by a nulls last;
            select a, count(*) from t1 group by a order by a desc nulls first;
            select b, max(a) m from t1 group by b order by m nulls last, b nulls last;
            select a from t1 union select x from t2 union select null order by 1 nulls last;
            select a from t1 union all select y from t2 order by 1 desc nulls first;
            select a, b from t1 union select x, y from t2 order by 2 nulls last, 1 desc nulls first;
            select * from (values (1), (null), (2)) order by 1 nulls last;
            values (1), (null), (2) order by 1 desc nulls first;
            select y from t2 order by y nulls last;
            select x, y from t2 order by x desc nulls first;
            select * from t1 full join t2 on t1.a = t2.x order by t1.a nulls last, t2.x nulls last, t1.b nulls last, t2.y;
            select a from t1 order by a collate nocase nulls last;
            select b from t1 order by b collate nocase desc nulls first;
            select group_concat(b, ',') from (select b from t1 order by b nulls last);
            select a from t1 order by a nulls middle;
            select a from t1 order by a asc nulls;
            create table t3(p, q);
            create index t3p on t3(p desc);
            create index t3q on t3(q);
            insert into t3 values (1, 1), (null, 2), (3, null), (2, 2), (null, null);
            select p from t3 order by p;
            select p from t3 order by p desc;
            select p from t3 order by p nulls last;
            select p from t3 order by p desc nulls first;
            select q from t3 where q > 0 order by q nulls last;
            select q from t3 order by q desc nulls last;
            select q, p from t3 order by q nulls last, p desc;
            select rowid, q from t3 order by rowid desc nulls first;
            """);
    }
}
