package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * Against SQLite: LIMIT and OFFSET given by expressions (subqueries, arithmetic, text, REAL, BLOB, NULL,
 * negative values, {@code datatype mismatch}); COLLATE precedence in comparisons, IN lists, ORDER BY and
 * DISTINCT; compound SELECTs: ORDER BY/LIMIT with COLLATE, each column's collation from the leftmost core
 * that has one, which of equal rows UNION, EXCEPT and INTERSECT keep.
 */
class LimitCollateCompoundSqlTest {
    @Test
    void limitOffsetExpressionsAndCollate() {
        Differential.assertSame("""
            create table t1(a, b text collate nocase, c text collate rtrim);
            insert into t1 values (1,'x','a '),(2,'Y','a'),(3,'z','b'),(4,'X','B '),(5, 'y', null);
            select a from t1 order by a limit 2;
            select a from t1 order by a limit -1;
            select a from t1 order by a limit 2.0;
            select a from t1 order by a limit '2';
            select a from t1 order by a limit ' 2 ';
            select a from t1 order by a limit '2abc';
            select a from t1 order by a limit 2.5;
            select a from t1 order by a limit x'02';
            select a from t1 order by a limit null;
            select a from t1 order by a limit 1 offset null;
            select a from t1 order by a limit 1 offset 'a';
            select a from t1 order by a limit 1 offset 1.5;
            select a from t1 order by a limit 1 offset -2;
            select a from t1 order by a limit (select 2) offset (select 1);
            select a from t1 order by a limit (select 'a');
            select a from t1 order by a limit (select null);
            select a from t1 order by a limit (select max(a) - 3 from t1);
            select a from t1 order by a limit 1+1 offset 2*1;
            select a from t1 order by a limit 2 offset 9223372036854775807;
            select a from t1 order by a limit 9223372036854775807 offset 1;
            select a from t1 order by a limit 1, 2;
            select a from t1 order by a limit -5 offset -3;
            select a from t1 order by a limit a;
            select a from t1 order by a limit count(*);
            select a from t1 order by a limit (select count(*) from t1 where a > 2);
            select a from t1 order by a limit 1e0;
            select a from t1 order by a limit -1e0;
            select a from t1 order by a limit 0x2;
            select a from t1 order by a limit abs(-2);
            select a from t1 order by a limit cast('3' as integer) offset '1';
            select a from t1 limit 2 offset 10;
            select a from t1 order by a desc limit 3 offset 1;
            select count(*) from t1 limit 0;
            select count(*) from t1 limit 1 offset 1;
            select a from t1 union all select a from t1 order by 1 limit 3 offset 4;
            select a from t1 union select a from t1 limit 2;
            select a from t1 union select a + 1 from t1 order by 1 desc limit '2' offset (select 1);
            select a from t1 intersect select a from t1 order by 1 limit 'x';
            select * from (select a from t1 order by a limit 3) order by a desc limit 2;
            select (select a from t1 order by a limit 1 offset 2);
            select a from t1 where a in (select a from t1 order by a desc limit 2);
            select distinct b from t1 order by b limit 2;
            select b from t1 order by b;
            select b from t1 order by b collate binary;
            select b from t1 where b = 'x';
            select b from t1 where b = 'x' collate binary;
            select b from t1 where 'x' = b;
            select b from t1 where b collate binary = 'X';
            select c from t1 where c = 'a';
            select c from t1 where c = 'b';
            select c from t1 where c = 'a ' collate binary;
            select c from t1 order by c, a;
            select c from t1 order by c collate nocase, a;
            select c from t1 order by c collate binary desc;
            select b, c from t1 where b = c;
            select b, c from t1 where c = b;
            select 'a' = 'A' collate nocase, 'a' collate nocase = 'A', ('a' collate binary) = ('A' collate nocase);
            select 'a' collate rtrim = 'a  ', 'a  ' = 'a' collate rtrim, 'a' = 'a ' collate nocase;
            select 'abc' collate nocase between 'ABA' and 'ABD';
            select 'B' collate nocase in ('a', 'b');
            select 'B' in ('a', 'b' collate nocase);
            select b from t1 where b in ('x', 'y');
            select b from t1 where b collate binary in ('x', 'y');
            select max(b), min(b) from t1;
            select max(b collate binary), min(c collate nocase) from t1;
            select b || 'q' collate binary = 'XQ' from t1;
            select (b || 'q') = 'XQ' from t1;
            select -'a' collate nocase;
            select 'a' collate nocase collate binary = 'A';
            select 'a' collate binary collate nocase = 'A';
            select a from t1 order by b collate nocase, a;
            select a from t1 order by b collate binary, a;
            select distinct b collate binary from t1 order by 1;
            select b from t1 union select 'Q' order by 1;
            select b from t1 union all select 'q' order by 1 collate binary desc;
            select b collate binary from t1 union select 'x' order by 1;
            select b from t1 intersect select 'X' collate nocase;
            select a, b from t1 union all select 9, 'w' order by 2 collate nocase desc, 1;
            select a, b from t1 union select 0, 'a' order by b collate binary, 1 limit 3;
            select a from t1 union select 2 order by b;
            select a from t1 union select 2 order by a collate nocase;
            select a as q from t1 union select 2 order by q;
            select a from t1 union select 2 order by 2;
            select a from t1 union select 2 order by 0;
            select a from t1 union select 2 order by a + 1;
            """);
    }

    @Test
    void compoundCollationsAndKeptRows() {
        Differential.assertSame("""
            create table t1(a, b text collate nocase);
            insert into t1 values (1,'x'),(2,'Y'),(3,'z'),(4,'X'),(5, 'y');
            select b from t1 union select 'q';
            select b from t1 union select 'q' order by 1;
            select b from t1 union select 'q' order by 1 desc;
            select 'q' union select b from t1;
            select 'q' union select b from t1 order by 1;
            select b from t1 union all select 'q' union select 'a';
            select b from t1 union select 'a' union all select 'X';
            select b from t1 except select 'q';
            select b from t1 intersect select b from t1;
            select b from t1 except select 'q' order by 1;
            select distinct b from t1;
            select b from t1 group by b;
            select 1 union select 1.0;
            select 1.0 union select 1;
            select 1 except select 2;
            select 1.0 intersect select 1;
            select 1 intersect select 1.0;
            select 1 union all select 1.0 union select 2;
            """);
    }

    @Test
    void inListCollation() {
        Differential.assertSame("""
            create table t(x text collate nocase, y text);
            insert into t values ('B', 'B'), ('b', 'b');
            select 'B' in ('a', 'b' collate nocase);
            select 'B' collate nocase in ('a', 'b');
            select y in ('a', 'b' collate nocase) from t;
            select y in ('a', x) from t;
            select x in ('a', y) from t;
            select y in ('a', x collate binary) from t;
            select y collate nocase in ('a', 'b') from t;
            select y from t where y in ('b' collate nocase);
            select y from t where y in (x);
            select 'b' in (select x from t);
            select y in (select x from t) from t;
            select x in (select y from t) from t;
            insert into t values ('B', 'b');
            select y in ('a', x), y in (x), y in (x, 'q') from t;
            select x in ('a', y), y collate nocase in (x, 'q') from t;
            create table u(x text collate nocase, y text);
            insert into u values ('B', 'b');
            select y in ('a', x), y in (x), y in (x, 'q'), x in ('a', y), 'b' in ('a', x), 'b' in ('b' collate nocase, 'B' collate nocase), 'B' in ('a' collate nocase, 'b') from u;
            select 1 from t where 0;
            """);
    }

    @Test
    void compoundOrderByColumnsOfAnyCore() {
        Differential.assertSame("""
            create table t1(a, b);
            create table t2(c, d);
            insert into t1 values (3, 'x'), (1, 'y');
            insert into t2 values (2, 'z'), (5, 'w');
            select a from t1 union select 2 order by t1.a;
            select a from t1 union select c from t2 order by c;
            select a from t1 union all select c from t2 order by t2.c desc;
            select a, b from t1 union select c, d from t2 order by d;
            select a, b from t1 union select c, d from t2 order by t1.b;
            select a from t1 union select c from t2 order by t1.b;
            select a from t1 union select c from t2 order by x;
            select a from t1 union select c from t2 order by t3.c;
            select a as q from t1 union select c from t2 order by q;
            select a from t1 intersect select c from t2 order by t2.c;
            select * from t1 union select * from t2 order by d, 1;
            select t1.a from t1 join t2 on 1 union select 9 order by t1.a;
            """);
    }
}
