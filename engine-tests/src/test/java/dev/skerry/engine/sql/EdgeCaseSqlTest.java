package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * Odd corners against SQLite: ORDER BY/GROUP BY numbers out of range, USING/NATURAL joins, DISTINCT and
 * FILTER aggregates, integer literal limits, LIMIT/OFFSET values, rowid conversions, correlated
 * subqueries, parameters of every form, VALUES as a query.
 */
class EdgeCaseSqlTest {
    @Test
    void oddCorners() {
        Differential.assertSame("""
            create table t(a integer primary key, b, c);
            insert into t values(1, 2, 3);
            select a from t group by 1 having max(a) > 0 order by count(*);
            select a from t order by 5;
            select a from t group by 4;
            select a, b from t union select 1;
            select * from t natural join t as u;
            select * from t join t as u using (a);
            select * from t join t as u using (z);
            select t.* from t as x;
            select x.* from t as x;
            select *;
            select a from (select 1 as a union all select 2) order by a desc;
            select max(a), a from t;
            select sum(distinct b), count(distinct c) from t;
            select group_concat(distinct b) from t;
            select count(distinct a, b) from t;
            select avg(a) filter (where a > 0) from t;
            select 9223372036854775807 + 1;
            select -9223372036854775808;
            select 0x8000000000000000, -0x8000000000000000;
            select a from t limit 'x';
            select a from t limit 1.5;
            select a from t limit null;
            select a from t limit 1 offset -5;
            insert into t(a) values(1e0);
            insert into t(a) values(2.5);
            insert into t(a) values('3');
            select * from t;
            update t set a = null;
            select * from t where rowid = 'abc';
            select * from t where a = 2 or a = 3;
            select count(*) from t where exists (select * from t as u where u.a > t.a);
            select (select count(*) from t as u where u.b = t.b) from t;
            select * from t where a in (select a from t where a in (select a from t));
            select * from t order by (select 1);
            select a, (select a) from t;
            select a from t where a = ?1 or a = :x or a = @y or a = $z or a = ?;
            values(1, 2), (3, 4);
            values(1), (2) order by 1 desc;
            select * from (values(1, 'a'), (2, 'b'));
            insert into t values(10, 1, 1) , (11, 2, 2);
            select b, c, a from t order by b collate nocase, c desc;
            select distinct b from t order by b limit 1 offset 1;
            select coalesce(max(a), 0) + 1 from t;
            select typeof(max(a)) from t where 0;
            select a from t where a > 1 and a < 100 order by a limit 2;
            select a, b from t as t1 where not exists (select 1 from t where t.b > t1.b);
            select case when a > 5 then b end as x from t order by x;
            """);
    }
}
