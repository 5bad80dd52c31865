package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * Row values in {@code IN}: {@code (a, b) [NOT] IN ((1, 2), ...)} and {@code IN (SELECT x, y ...)} (correlated,
 * in joins, compounds), their NULL semantics, affinities and collations, {@code x IN ((SELECT ...))}, and SQLite's
 * errors, against SQLite.
 */
class RowValueInSqlTest {
    @Test
    void rowValueInLists() {
        Differential.assertSame("""
            create table t(a int, b int, c text);
            insert into t values (1,10,'x'),(2,20,'y'),(1,20,'z'),(3,30,'w'),(null,10,'n'),(4,null,'m');
            select (1,2) in ((1,2),(3,4)), (1,2) in ((3,4),(5,6)), (1,2,3) in ((1,2,3)), (1,2) not in ((1,2));
            select * from t where (a, b) in ((1,10),(2,20)) order by a, b;
            select * from t where (a, b) not in ((1,10),(2,20)) order by a, b;
            select * from t where (a, b) in ((1,10)) or c = 'w' order by a, b;
            select c, (a, b) in ((1,10),(null,10)), (a, b) not in ((1,10),(null,10)), (a, b) in ((4,1),(3,30)) from t order by c;
            select (null, 1) in ((1,1)), (null, 1) in ((1,2)), (1, null) in ((1,1),(2,2)), (1, null) in ((2,2)), (null, null) in ((1,1));
            select (1, 2) in ((1, null)), (1, 2) in ((2, null)), (1, 2) not in ((1, null), (3, 4));
            select ('1', 2) in ((1, 2)), (c, a) in (('X', 1)) from t where c = 'x';
            select (c collate nocase, a) in (('X', 1)) from t where c = 'x';
            select (a, b) in ((t.b / 10, t.a * 10)) from t order by c;
            select (1, 2) in ((1, 2), 3);
            select (1, 2) in ((1, 2, 3));
            select 1 in ((1, 2), (3, 4));
            select (1, 2) in ();
            """);
    }

    @Test
    void rowValueInSubqueries() {
        Differential.assertSame("""
            create table t(a int, b int, c text);
            insert into t values (1,10,'x'),(2,20,'y'),(1,20,'z'),(3,30,'w'),(null,10,'n'),(4,null,'m');
            create table u(x int, y text, z);
            insert into u values (1,'10',1),(2,'20',2),(3,null,3),(null,'10',4);
            select * from t where (a, b) in (select x, y from u) order by c;
            select * from t where (a, b) not in (select x, y from u) order by c;
            select c, (a, b) in (select x, y from u), (a, b) not in (select x, y from u where z < 3) from t order by c;
            select c, (a, b) in (select x, y from u where u.x = t.a) from t order by c;
            select c from t where (a, b) not in (select x, y from u where u.z > t.a) order by c;
            select t.c, u.z from t left join u on u.x = t.a where (t.a, t.b) in (select x, y from u) order by 1, 2;
            select t.c, u.z from t left join u on (u.x, u.y) in (select a, b from t where a = u.x) order by 1, 2;
            select c from t where (a, b) in (select x, y from u union select 3, 30) order by c;
            select c from t where (a, b) in (select 1, 10 union all select 2, 20 except select 2, 20) order by c;
            select c from t where (a, c) in (select x, 'X' from u) order by c;
            select c from t where (a, b) in (select x, y from u where 0);
            select c, (a, b) not in (select x, y from u where 0) from t order by c;
            select (1, 2) in (select 1, 2, 3);
            select a in (select x, y from u) from t;
            select (a, b, c) in (select x, y from u) from t;
            """);
    }

    @Test
    void parenthesizedSubqueryInList() {
        Differential.assertSame("""
            create table t(a int);
            insert into t values (1),(2),(null);
            select a, a in ((select a from t where a > 5)), a not in ((select a from t where a > 5)) from t order by a;
            select a, a in (((select 2))), a not in ((select 2)) from t order by a;
            select a in ((select a, a from t)) from t;
            select a in ((select 1), 2) from t order by a;
            """);
    }

    @Test
    void rowValuedSubqueriesInComparisons() {
        Differential.assertSame("""
            create table t(a int, b int, c text);
            insert into t values (1,10,'x'),(2,20,'y'),(1,20,'z'),(null,10,'n');
            select c, (a, b) = (select 1, 10), (a, b) < (select 1, 20), (a, b) >= (select a, b from t where c = 'y'), (a, b) is (select null, 10) from t order by c;
            select c from t where (a, b) = (select a, b from t where c = 'z');
            select c from t as o where (a, b) > (select a, b from t where t.c = o.c) order by c;
            select c from t as o where (select a, b from t where t.c = o.c) = (o.a, o.b) order by c;
            select (select 1, 2) = (select 1, 2), (select 1, 2) < (select 1, 3), (select 1, 2) = (1, 2);
            select (select 1, 2) = (select 1, 2, 3);
            select (a, b) = (select 1, 2, 3) from t;
            select (a, b) = (select 1) from t;
            select (select 1, 2) + 1;
            select (select 1, 2);
            select a from t where (select 1, 2);
            select (1, 2) + 1;
            select (1, 2);
            select (1, 2) = 1;
            select 1 = (select 1, 2);
            select (1, 2) between (0, 0) and (3, 3);
            select case (1, 2) when (1, 2) then 1 end;
            select max((1, 2));
            select (1, 2) is null;
            select a from t order by (a, b);
            """);
    }

    @Test
    void rowValueInValuesQuery() {
        Differential.assertSame("""
            create table t(a, b, c);
            insert into t values (1,1,1),(2,2,2),(3,3,3),(null,1,4);
            create index t_ab on t(a, b);
            create table w(a, b, c, primary key(a, b)) without rowid;
            insert into w values (1,1,1),(2,2,2),(3,3,3);
            create table r(a integer primary key, b);
            insert into r values (1,1),(2,2),(3,3);
            select * from t where (a, b) in (values(1, 1), (3, 3)) order by c;
            select * from t where (a, b) not in (values(1, 1), (3, 3)) order by c;
            select * from w where (a, b) in (values(1, 1), (3, 3));
            select * from w where (b, a) in (values(1, 1), (3, 3)) order by a desc;
            select * from r where (a, b) in (values(1, 1), (3, 3));
            select * from r where (rowid, b) in (values(2, 2));
            select (1, 1) in (values(1, 1), (3, 3)), (1, 2) in (values(1, 1), (null, 2));
            update w set c = 9 where (a, b) in (values(1, 1), (3, 3));
            delete from w where (a, b) not in (values(1, 1), (3, 3));
            select * from w;
            select * from t where (a, b) in (values(1, 1, 1));
            """);
    }
}
