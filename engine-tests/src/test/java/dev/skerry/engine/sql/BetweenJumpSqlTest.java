package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * BETWEEN where it is coded as jumps (WHERE terms, OR/AND/NOT operands, CASE WHEN, join ON, HAVING, CHECK) against
 * SQLite: NULL operands and bounds, NOT BETWEEN, empty ranges, the comparison affinity of each bound (a column
 * against text or numbers), collations on either side, and an operand with side effects evaluated once.
 */
class BetweenJumpSqlTest {
    @Test
    void betweenInConditions() {
        Differential.assertSame("""
            create table t(a integer, b float, c text, d, e text collate nocase);
            insert into t values (1, 1.5, '1', 1, 'a'), (5, 5.5, '5', '5', 'M'), (null, null, null, null, null),
              (9, 9.0, 'x', x'09', 'z'), (3, 3.25, '10', 3.0, 'B'), (-2, -2.5, '-2', '-2', 'b');
            select rowid from t where a between 1 and 5 order by 1;
            select rowid from t where a not between 1 and 5 order by 1;
            select rowid from t where a between 5 and 1 or b > 9 order by 1;
            select rowid from t where (b between 1 and 4 or a < 0) order by 1;
            select rowid from t where not (a between 1 and 5) order by 1;
            select rowid from t where not (a not between 1 and 5) or c is null order by 1;
            select rowid from t where a between null and 5 order by 1;
            select rowid from t where a not between null and 5 order by 1;
            select rowid from t where a not between 2 and null order by 1;
            select rowid from t where not (a between null and 2) order by 1;
            select rowid from t where (a between 1 and null) is null order by 1;
            select rowid from t where c between 1 and 5 order by 1;
            select rowid from t where c between '1' and '5' order by 1;
            select rowid from t where a between '1' and '5' order by 1;
            select rowid from t where d between 1 and 5 order by 1;
            select rowid from t where d between '1' and '5' order by 1;
            select rowid from t where d between c and a or d between a and c order by 1;
            select rowid from t where e between 'a' and 'm' order by 1;
            select rowid from t where e between 'a' collate binary and 'm' order by 1;
            select rowid from t where c between 'A' and 'Z' collate nocase order by 1;
            select rowid from t where e not between 'b' and 'y' or a = 5 order by 1;
            select rowid, case when a between 1 and 5 then 'in' when a not between -5 and 0 then 'out' else 'neg' end from t;
            select rowid, case when b between a and a + 1 or c between 'x' and 'y' then 1 else 0 end from t;
            select rowid, a between 1 and 5, a not between 1 and 5, (a between 1 and 5) or 0 from t;
            select t1.rowid, t2.rowid from t t1 join t t2 on t2.a between t1.a - 1 and t1.a + 1 order by 1, 2;
            select t1.rowid, t2.rowid from t t1 left join t t2 on t2.b not between t1.a and t1.b order by 1, 2;
            select a % 2, count(*) from t group by 1 having sum(a) between 0 and 10 order by 1;
            select count(*) from t where abs(random() % 10) between 0 and 9;
            select count(*) from t where (select max(a) from t) between a and 9;
            select rowid from t where a between 1 and 5 and b between 1 and 4 order by 1;
            select rowid from t where coalesce(a, 0) between 0 and 3 and not (c between 'a' and 'z') order by 1;
            """);
    }

    @Test
    void betweenInCheckAndPartialIndex() {
        Differential.assertSame("""
            create table k(x check (x between 0 and 10 or x is null), y);
            insert into k values (1, 1), (null, 2), (10, 3);
            insert into k values (11, 4);
            insert into k values ('5', 5);
            create index kx on k(y) where x between 1 and 9;
            select y from k where x between 1 and 9 and y > 0 order by y;
            select * from k order by y;
            """);
    }
}
