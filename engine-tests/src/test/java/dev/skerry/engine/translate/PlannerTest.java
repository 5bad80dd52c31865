package dev.skerry.engine.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skerry.testkit.QueryPlans;
import org.junit.jupiter.api.Test;

/**
 * The planner chooses what SQLite chooses: the same access path (full scan, rowid seek or range, index
 * equality and range seeks, covering index, IN lists, IN subqueries and ORs of equalities as seeks, automatic
 * indexes) and the same join order, shown by EXPLAIN QUERY PLAN and compared on its tree by {@link QueryPlans}:
 * each line's text and the line it hangs under (Bloom filter lines left out: Skerry builds none).
 */
class PlannerTest {
    private static final String SCHEMA = """
            create table t1(a integer primary key, b text unique, c real, d);
            create table t2(x int, y, z text collate nocase);
            create index t2x on t2(x);
            create index t2yz on t2(y, z);
            create table t3(p, q);
            create table t4(m integer, n text, o);
            create index t4m on t4(m);
            """;

    private static final String[] QUERIES = {
        "select * from t1 where a = 5",
        "select * from t1 where 5 = a",
        "select * from t1 where b = 'x'",
        "select a from t1",
        "select * from t1",
        "select * from t2 where x = 1",
        "select * from t2 where x > 1",
        "select * from t2 where x <= 1",
        "select * from t2 where x > 1 and x < 5",
        "select * from t2 where x between 1 and 5",
        "select * from t2 where y = 1 and z = 'a'",
        "select * from t2 where z = 'a' and y = 1",
        "select * from t2 where y = 1",
        "select * from t2 where y = 1 and z > 'a'",
        "select x from t2 where x = 1",
        "select * from t2 where z = 'a'",
        "select * from t2 where y = 1 and z = 'a' collate binary",
        "select * from t2 order by x",
        "select * from t2 where x = 1 order by x",
        "select * from t2 order by y",
        "select * from t1 where a > 5",
        "select * from t1 where a between 1 and 9",
        "select * from t1 order by a",
        "select * from t1 order by c",
        "select distinct d from t1",
        "select * from t1 left join t2 on t1.a = t2.x",
        "select count(*) from t2 group by z",
        "select * from t1 where a in (3, 1)",
        "select * from t1 order by a desc",
        "select * from t1 where a > 3 order by a desc",
        "select x from t2 order by x desc",
        "select * from t2 where x < 3 order by x desc",
        "select * from t2 where y = 1 order by z desc",
        "select * from t2 where x in (2, 1)",
        "select * from t2 where y in (1, 2) and z = 'a'",
        "select * from t3, t2 where t3.p = t2.y",
        "select * from t3, t1 where t3.p = t1.d",
        "select * from t1, t2 where t1.a = t2.x",
        "select * from t2, t1 where t1.a = t2.x",
        "select * from t1, t2 where t1.d = t2.x",
        "select * from t1, t2, t3 where t1.d = t2.x and t3.p = t1.b",
        "select * from t3, t2 where t3.p = t2.y and t2.z > 'a'",
        "select * from t3, t2 where t3.p = t2.y and t2.z = 'a'",
        "select * from t3, t2 where t3.p = t2.y and t3.q = t2.z",
        "select t2.y from t3, t2 where t3.p = t2.y",
        "select * from t1 left join t3 on t3.p = t1.d",
        "select * from t3, t4 where t3.p = t4.m and t4.n = 'x'",
        "select * from t4, t3 where t3.q = t4.o",
        "select * from t1, t3, t4 where t1.a = t3.p and t3.q = t4.m",
        "select * from t3 cross join t2 where t3.p = t2.x",
        "select * from t2 where x = 1 or x = 2",
        "select * from t2 where x = 1 or y = 2",
        "select * from t1 where b = 'x' or a = 2",
        "select * from t2 where (x <= 9 or (y = 5 and (y <= 6 or y < 1))) and x >= 2",
        "select * from t2 where x > 5 or (y = 2 and z = 'a') or x in (7, 8)",
        "select * from t3, t2 where t3.q = 1 and (t2.x = t3.p or t2.y = t3.q)",
        "select * from t1 where a = 1 or a = 3",
        "select * from t2 where x in (select p from t3)",
        "select * from t1 where a in (select x from t2)",
        "select * from t2 where x in (select p from t3 where q = t2.y)",
        "select c, (select q from t3 where p = 1), (select q from t3 where p = t1.a) from t1",
        "select * from t3 where p = (select o from t4 where n = (select 5))",
        "select 1",
        "select * from t2, t3 where t3.p = t2.y order by t2.x",
        "select * from t3, t2 where t3.p = t2.x order by t3.q",
        "select t1.a from t1, t2 where t1.a = t2.x order by t1.a",
        "select * from t1, t2 where t1.a = t2.x order by t2.x desc",
        "select * from t4, t3 where t4.m = t3.p order by t4.m, t4.n",
        "select p from t3 union select q from t3",
        "select p from t3 union all select x from t2 where x > 1",
        "select p from t3 except select x from t2 intersect select m from t4",
        "select * from t1 left join (select p from t3 limit 5) as s on s.p = t1.a",
        "select * from t3, t2 where t3.p = t2.y and t2.z in (select q from t3)",
        "select * from t1 where exists (select 1 from t3 where p = t1.a)",
        "select * from t2 where x in (select p from t3) and y = 2",
        "select * from t3 left join t1 on t3.p = t1.d and t1.c > 5",
    };

    @Test
    void accessPathsMatchSqlites() {
        assertEquals("", QueryPlans.differences(SCHEMA, QUERIES));
    }
}
