package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** Expressions against SQLite: storage classes after column affinity, comparison affinity and collation, NULL logic, arithmetic, CASE, CAST, LIKE/GLOB, IN, BETWEEN, literals, functions. */
class ExpressionSqlTest {
    @Test
    void valuesOperatorsAndAffinity() {
        Differential.assertSame("""
            create table t(i integer, r real, x text, n numeric, b blob, u);
            insert into t values(1, 1, 1, 1, 1, 1);
            insert into t values('2', '2', '2', '2', '2', '2');
            insert into t values(3.0, 3.0, 3.0, 3.0, 3.0, 3.0);
            insert into t values('4.5', '4.5', '4.5', '4.5', '4.5', '4.5');
            insert into t values('abc', 'abc', 'abc', 'abc', 'abc', 'abc');
            insert into t values(x'01', x'01', x'01', x'01', x'01', x'01');
            insert into t values(null, null, null, null, null, null);
            insert into t values(' 7 ', ' 7 ', ' 7 ', ' 7 ', ' 7 ', ' 7 ');
            insert into t values(9223372036854775807, 1e20, -0.0, '1e3', '0x10', 12345678901234567890);
            select typeof(i), i, typeof(r), r, typeof(x), x, typeof(n), n, typeof(b), b, typeof(u), u from t;
            select i = '2', x = 2, n = '2', b = 2, u = 2, u = '2' from t;
            select i < '10', x < 10, n > '1' from t;
            select * from t where x = 3;
            select * from t where i = '3';
            select * from t where u > 1;
            select 1 = 1.0, '1' = 1, 1 < 'a', 'a' < x'00', null = null, null is null, 1 is 1, 1 is not null;
            select 5 / 2, 5 / 2.0, 5 % 3, -5 % 3, 5 / 0, 5 % 0, 1 << 3, -8 >> 1, 7 & 3, 4 | 1, ~0;
            select 'a' || 'b', 'a' || null, 1 || 2, 9223372036854775807 + 1, -9223372036854775808 - 1, 2 * 4.5;
            select abs(-5), length('héllo'), upper('abc'), lower('ABC'), substr('hello', 2, 3), replace('aaa', 'a', 'b'), trim('  x '), coalesce(null, 2), ifnull(null, 'y'), nullif(1, 1), typeof(3.0), round(2.567, 2), hex('a'), quote('it''s'), instr('hello', 'l');
            select 'abc' like 'A%', 'abc' glob 'A*', 'abc' like 'a_c', 'a%c' like 'a\\%c' escape '\\', 'abc' not like '%b%';
            select case 1 when 1.0 then 'eq' else 'ne' end, case 'a' when 'A' then 1 else 0 end, case when null then 1 when 0 then 2 else 3 end;
            select cast('12abc' as integer), cast(1.9 as int), cast('x' as blob), cast(5 as text), typeof(cast('5' as numeric)), cast(null as text), cast('3.0' as numeric), cast(x'41' as text);
            select 'x' collate nocase = 'X', 'x' = 'X' collate nocase, 'a ' = 'a' collate rtrim, 'b' < 'A' collate nocase;
            select max(1, 2, 'a'), min(1, null), max('a', 'B' collate nocase);
            select "x", "nosuch", 'single';
            select 1 where 0;
            select 1 where null;
            select 2 where 'abc';
            select 3 where '1abc';
            select not null, null and 0, null or 1, null and 1, 0 or null;
            select 1 in (), 1 not in (), null in (1), 1 in (1, null), 2 in (1, null), 2 not in (1, null);
            select 3 between 1 and 5, 'b' between 'a' and 'c', null between 1 and 2, 1 between null and 2, 5 between null and 2;
            select x from t where x in (1, '2', 3.0) order by x;
            select count(*) from t where n in (2, 3);
            select -x'01', +'abc', -'3abc', - -3;
            select 0x10, 0xffffffffffffffff, 1e3, 1.5e-3, .5, 5., 1_000;
            select round(1e20), 1e20, 1e15, 123456789012345678, 0.1 + 0.2, 1.0, -0.0, 3.14159265358979;
            """);
    }
}
