package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * {@code x [NOT] IN (list)} where it is coded as jumps (WHERE terms, OR/AND/NOT operands, CASE WHEN, join ON,
 * HAVING, CHECK) against SQLite: a NULL operand, NULL values (literal, computed, from a column) with and without a
 * match, each jump sense under NOT, the comparison affinity and collation of each value, a list of one value, and
 * values with side effects evaluated only up to the match.
 */
class InListJumpSqlTest {
    @Test
    void inListInConditions() {
        Differential.assertSame("""
            create table t(a integer, b float, c text, d, e text collate nocase);
            insert into t values (1, 1.5, '1', 1, 'a'), (5, 5.5, '5', '5', 'M'), (null, null, null, null, null),
              (9, 9.0, 'x', x'09', 'z'), (3, 3.25, '10', 3.0, 'B'), (-2, -2.5, '-2', null, 'b');
            select rowid from t where a in (1, 5, 7) order by 1;
            select rowid from t where a not in (1, 5, 7) order by 1;
            select rowid from t where a in (1, null) order by 1;
            select rowid from t where a not in (1, null) order by 1;
            select rowid from t where not (a in (1, null)) order by 1;
            select rowid from t where not (a not in (1, null)) order by 1;
            select rowid from t where (a in (1, null)) is null order by 1;
            select rowid from t where (a not in (1, null)) is null order by 1;
            select rowid from t where a in (1, d) or c = 'x' order by 1;
            select rowid from t where a not in (7, d) or c = 'x' order by 1;
            select rowid from t where not (a in (7, d)) and b > 0 order by 1;
            select rowid from t where a in (d) order by 1;
            select rowid from t where a not in (d) order by 1;
            select rowid from t where a in (null) order by 1;
            select rowid from t where a not in (null) order by 1;
            select rowid from t where c in (1, 5, 10) order by 1;
            select rowid from t where c in ('1', '5') order by 1;
            select rowid from t where a in ('1', '5', 3.0) order by 1;
            select rowid from t where d in (1, 5, '3') order by 1;
            select rowid from t where d in ('5', x'09') order by 1;
            select rowid from t where e in ('A', 'm') order by 1;
            select rowid from t where e in ('A' collate binary) order by 1;
            select rowid from t where c in ('X', 'Z' collate nocase) order by 1;
            select rowid from t where c collate nocase in ('X', '10') order by 1;
            select rowid from t where b in (1.5, 9) and a not in (9) order by 1;
            select rowid from t where a in (b, b - 0.5, b - 0.25) order by 1;
            select rowid from t where a in (1, 5) or b in (9, 3.25) order by 1;
            select rowid from t where a not in (1, 5) and b not in (9, null) order by 1;
            select rowid, case when a in (1, 3) then 'odd' when a not in (5, null) then 'other' else 'five' end from t;
            select rowid, a in (1, null), a not in (1, null), (a in (1, 5)) or 0 from t;
            select t1.rowid, t2.rowid from t t1 join t t2 on t2.a in (t1.a - 4, t1.a + 4, null) order by 1, 2;
            select t1.rowid, t2.rowid from t t1 left join t t2 on t2.a not in (t1.a, 9) order by 1, 2;
            select a % 2, count(*) from t group by 1 having sum(a) in (4, 6, 8, null) order by 1;
            select count(*) from t where (select max(a) from t) in (a, 9);
            select count(*) from t where abs(random() % 3) in (0, 1, 2);
            select rowid from t where coalesce(a, 0) in (0, 3) and not (c in ('a', 'z')) order by 1;
            """);
    }

    @Test
    void inListInCheckAndIndexedTables() {
        Differential.assertSame("""
            create table k(x check (x in (1, 2, 3) or x is null), y);
            insert into k values (1, 1), (null, 2), (3, 3);
            insert into k values (4, 4);
            insert into k values ('2', 5);
            create index ky on k(y);
            select y from k where y in (1, 3, 5) order by y;
            select y from k where y in (1, 3, 5) or x in (2, null) order by y;
            select y from k where y not in (1, 3) and x not in (9, null) order by y;
            select * from k order by y;
            """);
    }
}
