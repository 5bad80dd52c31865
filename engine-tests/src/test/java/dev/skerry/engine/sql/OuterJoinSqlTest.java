package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * RIGHT and FULL OUTER JOIN against SQLite: with ON, USING and NATURAL (the merged column as SQLite resolves
 * it, also in {@code *} and {@code t.*}), mixed with inner and LEFT joins, WHERE and ON terms, aggregates,
 * ORDER BY, DISTINCT, LIMIT, subqueries in FROM and in expressions, indexes and rowid seeks.
 */
class OuterJoinSqlTest {
    @Test
    void leadingParenthesizedJoinsAreFlattened() {
        Differential.assertSame("""
            create table t1(a, b);
            create table t2(a, c);
            create table t3(a, d);
            insert into t1 values (1,'x'),(2,'y'),(null,'z');
            insert into t2 values (1,'p'),(3,'q'),(null,'r');
            insert into t3 values (3, 'm'), (2, 'n'), (1, 'o');
            select * from (t1 as c0 left join t1 c1 on null is null);
            select * from (t1 left join t2 on t1.a = t2.a) left join t3 on t3.a = t2.a;
            select * from ((t1 join t2 on t1.a = t2.a)) right join t3 using (a);
            select * from (t1 natural join t2) full join t3 on t3.a = t1.a order by 1, 3, 5;
            select count(*) from (t1 left join t2 using (a)), t3;
            """);
    }

    @Test
    void usingColumnsAreMergedAsSqliteResolvesThem() {
        Differential.assertSame("""
            create table t1(a, b);
            create table t2(a text, c);
            create table t3(a, d);
            insert into t1 values (1,'x'),(2,'y'),(null,'z');
            insert into t2 values ('1','p'),(3,'q'),(null,'r');
            insert into t3 values (3, 'm'), (2, 'n'), (5, 'o');
            select a, typeof(a) from t1 right join t2 using (a);
            select * from t1 right join t2 using (a);
            select * from t2 left join t1 using (a);
            select a, typeof(a) from t2 full join t1 using (a);
            select * from t1 full join t2 using (a) full join t3 using (a);
            select a from t1 full join t2 using (a) full join t3 using (a);
            select * from t1 right join t2 using (a) left join t3 using (a);
            select t1.*, t2.* from t1 full join t2 using (a);
            select *, a from t1 full join t2 using (a) where a > 1;
            select t1.a, t2.a from t1 full join t2 using (a);
            select t1.*, t2.* from t1 right join t2 using (a);
            select t2.*, t3.* from t1 right join t2 using (a) full join t3 using (a);
            select t1.*, t3.* from t1 full join t2 using (a) full join t3 using (a);
            select t1.*, t3.* from t1 left join t2 using (a) full join t3 using (a);
            select t1.* from t1 join t2 using (a) right join t3 using (a);
            """);
    }

    @Test
    void rightAndFullJoinsWithTermsAggregatesAndOrder() {
        Differential.assertSame("""
            create table t1(a, b);
            create table t2(a, c);
            create table t3(a, d);
            create table t4(x integer primary key, y);
            create index t2a on t2(a);
            create index t3ad on t3(a, d);
            insert into t1 values (1,'x'),(2,'y'),(null,'z'),(4,'w');
            insert into t2 values (1,'p'),(3,'q'),(null,'r'),(4,'s'),(4,'t');
            insert into t3 values (3, 'm'), (2, 'n'), (5, 'o'), (4, 'k');
            insert into t4 values (1, 'one'), (3, 'three'), (7, 'seven');
            select * from t1 right join t2 on t1.a = t2.a where t2.c > 'p';
            select * from t1 right join t2 on t1.a = t2.a where t1.b is null;
            select * from t1 right join t2 on t1.a = t2.a where t1.a is null or t1.a > 1;
            select * from t1 full join t2 on t1.a = t2.a where t1.a is null;
            select * from t1 full join t2 on t1.a = t2.a and t2.c <> 's';
            select * from t1 right join t2 on t1.a = t2.a and t1.b = 'x';
            select * from t1 join t2 on t1.a = t2.a right join t3 on t3.a = t2.a;
            select * from t1 left join t2 on t1.a = t2.a right join t3 on t3.a = t1.a;
            select * from t1 right join t2 on t1.a = t2.a right join t3 on t3.a = t2.a;
            select * from t1 full join t2 on t1.a = t2.a full join t3 on t3.a = t2.a;
            select * from t1 full join t2 on t1.a = t2.a full join t3 on t3.a = t1.a;
            select * from t1 right join t2 on t1.a = t2.a left join t3 on t3.a = t2.a;
            select * from t1 right join t2 on t1.a = t2.a join t3 on t3.a = t1.a;
            select * from t1 right join t2 on t1.a = t2.a join t3 on t3.a = t2.a where t1.a is null;
            select * from t1 cross join t2 right join t3 on t3.a = t2.a and t1.a = t3.a;
            select * from t1, t2 full join t3 on t3.a = t2.a where t1.a = 1 or t1.a is null;
            select count(*), count(t1.a), count(t2.a), sum(t2.a) from t1 full join t2 on t1.a = t2.a;
            select t2.a, count(*) from t1 full join t2 on t1.a = t2.a group by t2.a;
            select t1.b, max(t2.c) from t1 right join t2 on t1.a = t2.a group by 1 order by 1;
            select * from t1 full join t2 on t1.a = t2.a order by t1.a, t2.c;
            select * from t1 full join t2 on t1.a = t2.a order by t2.a desc, t2.c, t1.b;
            select * from t1 full join t2 on t1.a = t2.a order by t2.a limit 3;
            select * from (select * from t1 where a > 1) s full join t2 on s.a = t2.a;
            select * from t2 right join (select a from t3 union all select 99) s on s.a = t2.a;
            select * from t4 right join t2 on t4.x = t2.a;
            select * from t2 full join t4 on t4.x = t2.a;
            select * from t4 full join t4 as u on t4.x = u.x + 2;
            select y from t4 right join t1 on x = a;
            select distinct t1.a from t1 full join t2 on t1.a = t2.a;
            select * from t1 right join t2 on 0;
            select * from t1 full join t2 on 1 where t1.a = 1;
            select * from t1 join t2 on 0 right join t3 on 1;
            select * from t1 where 0 full join t2 on 1;
            select (select count(*) from t1 full join t2 on t1.a = t2.a where t2.a = t3.a) from t3;
            select * from t3 where exists (select 1 from t1 right join t2 using(a) where t2.a = t3.a);
            select * from t1 natural right join t2;
            select * from t1 natural full join t2 natural full join t3;
            select a, b, c, d from t1 full join t2 using (a) full join t3 using (a) order by 1, 2, 3, 4;
            select * from t1 full outer join t2 using (a) where a = 4;
            select * from t1 right outer join t2 using (a) where a is null;
            select * from t1 right join t2 using (b);
            select * from t1 full join t2 on t1.a = t2.a full join t1 as t5 using (a);
            select * from t1 left join t2 using(a) right join t3 using (a) where a > 2;
            select * from t1 right join t2 on t1.a = t2.a, t3 where t3.a = t2.a;
            select max(b), a from t1 full join t2 using(a);
            """);
    }
}
