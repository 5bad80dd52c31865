package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** Where result-column aliases are visible (WHERE, GROUP BY, HAVING, ORDER BY) and where not, against SQLite. */
class AliasScopeSqlTest {
    private static final String SETUP = """
        create table t(a, b, x);
        insert into t values(1, 10, 100), (2, 20, 200), (3, 10, 300), (4, 30, 400);
        create table u(c);
        insert into u values(1), (3);
        """;

    @Test
    void notVisibleInOtherResultColumns() {
        Differential.assertSame(SETUP + """
            select a as y, y + 1 from t;
            select a as y, (select y) from t;
            select a as y, (select c from u where c = y) from t;
            select a + 1 as y, abs(y) from t;
            select y + 1, a as y from t;
            select a as y, count(y) from t;
            select a as y from t where y > (select y);
            """);
    }

    @Test
    void visibleInWhereGroupByHavingOrderBy() {
        Differential.assertSame(SETUP + """
            select a * 2 as y from t where y > 4 order by y;
            select a as y from t where exists (select 1 from u where c = y) order by a;
            select b as k, count(*) from t group by k order by k;
            select b as k, count(*) as n from t group by k having n > 1;
            select b as k, sum(a) as s from t group by b having s > 3 order by s desc, k;
            select a as y from t order by y + 0 desc;
            select a as y from t order by -y;
            select count(*) as n from t where n > 0;
            select count(*) as n from t group by n;
            select b, count(*) as n from t group by b having n > 1 order by n, b;
            select b, count(*) as n from t group by b order by n desc, b;
            select b as k from t group by k having k > 10;
            """);
    }

    @Test
    void columnOfSameName() {
        Differential.assertSame(SETUP + """
            select b as x from t where x > 250 order by a;
            select b as x from t order by x, a;
            select b as a from t order by a;
            select b as a from t where a = 1;
            select b as a, count(*) from t group by a order by 1, 2;
            select a as b, count(*) from t group by b order by 1;
            select b as a, sum(x) from t group by b having a > 10 order by 1;
            select a as x, x from t order by 1;
            select a as a from t where a > 2;
            """);
    }

    @Test
    void joinsWindowsCompoundsLimit() {
        Differential.assertSame(SETUP + """
            select a as y from t join u on c = y;
            select a as y from t left join u on c = y order by a;
            select a as y, row_number() over (order by y) from t;
            select a as y, sum(b) over (partition by y) from t order by a;
            select a as y from t union select c from u order by y;
            select a as y from t where y in (select c from u where c = y);
            select a as y, (select count(*) from u where c < t.a) as z from t where z > 0;
            select b as k from t group by k + 0 order by 1;
            select sum(a) as s from t having s > 1;
            select a as y from t order by (select y);
            select 1 as one from t where one = 1 limit one;
            select a as y from t limit y;
            """);
    }
}
