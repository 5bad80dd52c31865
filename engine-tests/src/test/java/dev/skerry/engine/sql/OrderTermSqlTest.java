package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * ORDER BY / GROUP BY terms that are column numbers as SQLite's {@code sqlite3ExprIsInteger} reads them
 * ({@code +2}, {@code -1}, integers beyond 32 bits as constants), and compound ORDER BY terms: expressions
 * matching a core's result expression, SQLite's tie-breaking on the other columns of UNION/INTERSECT/EXCEPT,
 * against SQLite.
 */
class OrderTermSqlTest {
    @Test
    void numberedTerms() {
        Differential.assertSame("""
            create table t(a, b);
            insert into t values (1, 10), (2, 9), (3, 9);
            select * from t order by +2, 1;
            select * from t order by +1 desc;
            select * from t order by -(-2), a;
            select * from t order by (2), a;
            select * from t order by -1;
            select * from t order by -100;
            select * from t order by 0;
            select * from t order by 3;
            select * from t order by 6641019685895816357, a desc;
            select * from t order by 2147483648, a desc;
            select * from t order by 2147483647;
            select * from t order by 0x2, 1;
            select b, count(*) from t group by +1 order by 1;
            select b, count(*) from t group by -1;
            select b, count(*) from t group by 6641019685895816357;
            select b, count(*) from t group by 3;
            select a, sum(b) over () from t group by +1 order by 1;
            """);
    }

    @Test
    void compoundTerms() {
        Differential.assertSame("""
            create table t1(a integer, b text, c integer);
            insert into t1 values (3, 'cherry', 30), (1, 'apple', 10), (5, 'elderberry', 50), (2, 'banana', 20);
            create table t2(a integer, b text, c integer);
            insert into t2 values (6, 'fig', 60), (2, 'banana', 20), (1, 'Apple', 11);
            create table t3(x integer, y text collate nocase);
            insert into t3 values (1, 'alpha'), (5, 'echo'), (10, 'zulu'), (2, 'BANANA'), (3, 'Cherry');
            select a, b from t1 union select a, b from t2 union select x, y from t3 order by 1;
            select a, b from t1 union select a, b from t2 union select x, y from t3 order by 2 desc;
            select a, b from t1 union all select a, b from t2 union select x, y from t3 order by 1;
            select a, b from t1 intersect select a, b from t2 order by 1;
            select a, b from t1 except select a, b from t2 order by 1 desc;
            select a + c from t1 union all select a + c from t2 order by a + c;
            select upper(b) from t1 union all select upper(b) from t2 order by upper(b);
            select a + c from t1 union all select c + a from t2 order by c + a;
            select a + c from t1 union all select a from t2 order by a - c;
            select 1 union select 2 order by 6641019685895816357;
            select 6641019685895816357 union select 2 order by 6641019685895816357;
            select 1 union select 2 order by +1 desc;
            select 1 union select 2 order by -1;
            """);
    }

    @Test
    void collationsAgainstIndexOrder() {
        Differential.assertSame("""
            create table t1(c1 text collate binary);
            create index i1 on t1(c1 collate binary);
            insert into t1 values ('Apple'), ('banana'), ('CHERRY'), ('date');
            select c1 from t1 order by c1 collate nocase;
            select c1 from t1 order by c1;
            create table t2(c1 text collate nocase);
            create index i2 on t2(c1);
            insert into t2 values ('Apple'), ('banana'), ('CHERRY');
            select c1 from t2 order by c1 collate binary;
            select c1 from t2 order by c1;
            select c1 from t2 order by 1 collate binary desc;
            create table v(a text collate nocase, b text, c int);
            create index vi on v(a, b collate rtrim, c);
            insert into v values ('a', 'mm', 2), ('A', 'zz', 1), ('a', 'aa', 1), ('A', 'yy', 2), ('b', 'x', 0);
            select a, b, c from v where a = 'a' order by a collate binary asc, b collate rtrim asc, c asc, rowid asc;
            select a, b, c from v where a = 'a' order by a, b collate rtrim, c;
            create table g(x text, v int);
            insert into g values ('b', 2), ('A', 1), ('c', 3), ('a', 4);
            select count(*) from (select x from g group by 1 collate nocase);
            select x, sum(v) from g group by 1 collate nocase order by 1 collate nocase;
            """);
    }

    @Test
    void termsAfterTheRowidAreNotEvaluated() {
        Differential.assertSame("""
            create table t(a integer primary key, b text);
            insert into t values (1, 'x'), (2, 'y'), (3, 'x');
            create table t2(a integer, b text);
            insert into t2 values (1, 'x'), (2, 'y');
            select a from t order by a desc, b not in (select a, b from t);
            select a from t order by a, b not in (select a, b from t);
            select a from t order by rowid, 1 / 0, b;
            select a from t2 order by rowid desc, b not in (select a, b from t);
            select t.a, t2.a from t, t2 order by t.rowid, t2.a desc;
            select t.a, t2.a from t, t2 order by t.rowid, t.b, t2.a desc;
            select t.a, t2.a from t2, t order by t.rowid desc, t2.b;
            select a from t where a > 1 order by a desc, b not in (select a, b from t);
            select a from t where b = 'x' order by a desc, b not in (select a, b from t);
            select a, b from t order by a, 2 desc;
            select a from t order by a desc nulls first, b not in (select a, b from t);
            select a from t order by b, a not in (select a, b from t);
            """);
    }

    @Test
    void namesOfStarColumnsSharedByTwoTables() {
        Differential.assertSame("""
            create table s(a, b);
            create table t(b, c);
            create index tb on t(b);
            insert into s values (1, 2), (3, 1), (5, null);
            insert into t values (5, 0), (4, 9);
            select * from s, t order by b;
            select * from s, t order by b desc, c;
            select * from t, s order by b;
            select s.*, t.* from s, t order by b;
            select * from s, t order by c, b;
            select s.b, t.b from s, t order by b;
            select * from s, t where t.b > 4 order by b;
            """);
    }
}
