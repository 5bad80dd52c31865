package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** SELECT against SQLite on indexed tables: WHERE through indexes, aggregates, joins, ORDER BY/LIMIT, DISTINCT, compound, subqueries. */
class SelectSqlTest {
    @Test
    void queriesOverIndexedTables() {
        Differential.assertSame(IndexedTables.T1_T2_FILLED + """
            select * from t2 where x = 1;
            select * from t2 where x = '1';
            select * from t2 where x > 1;
            select * from t2 where x >= 1 and x < 3;
            select * from t2 where x between 1 and 2;
            select * from t2 where x < 2;
            select * from t2 where y = 'a' and z = 'A';
            select * from t2 where y = 'a' and z = 'a';
            select * from t2 where z = 'a';
            select * from t2 where x is null;
            select * from t2 where x is not null order by x;
            select x, count(*), group_concat(y) from t2 group by x;
            select x, count(*) from t2 group by x having count(*) > 1;
            select count(distinct x), count(x), count(*), sum(x), total(x), avg(x) from t2;
            select min(y), max(y), min(z), max(z) from t2;
            select y, max(x) from t2;
            select y, min(x) from t2;
            select z, count(*) from t2 group by z;
            select t1.b, t2.y from t1, t2 where t1.a = t2.x;
            select t1.b, t2.y from t1 join t2 on t1.a = t2.x;
            select t1.a, t2.y from t1 left join t2 on t1.a = t2.x;
            select t1.a, t2.y from t1 left join t2 on t1.a = t2.x where t2.y is null;
            select t1.a, t2.y from t1 left join t2 on t1.a = t2.x and t2.y = 'c';
            select * from t1 cross join t2 where t1.a = 1 and t2.x = 1;
            select a, b from t1 order by 2;
            select a, b as q from t1 order by q desc;
            select a from t1 order by 3;
            select a, b from t1 order by c, a limit 3;
            select a from t1 limit 2 offset 2;
            select a from t1 limit -1 offset 3;
            select a from t1 limit 0;
            select distinct x from t2;
            select distinct x, y from t2 order by 1, 2;
            select 1 union select 2 union select 1;
            select 1 union all select 1;
            select x from t2 union select a from t1 order by 1;
            select x from t2 intersect select a from t1;
            select x from t2 except select a from t1;
            select a from t1 where a in (1, 2, 99);
            select a from t1 where a not in (1, 2, null);
            select a from t1 where b in (select y from t2);
            select a from t1 where exists (select 1 from t2 where t2.x = t1.a);
            select a, (select count(*) from t2 where t2.x = t1.a) from t1;
            select * from (select a, b from t1 where a < 3) as s where s.a > 1;
            select * from (select x, count(*) as n from t2 group by x) where n > 1;
            select typeof(c), c from t1;
            """);
    }
}
