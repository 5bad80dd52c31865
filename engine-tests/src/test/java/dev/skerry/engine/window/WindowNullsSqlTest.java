package dev.skerry.engine.window;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * Window ORDER BY terms with {@code NULLS FIRST}/{@code NULLS LAST}, with and against the sort direction,
 * against SQLite: the order rows reach the window functions in, peers, and RANGE frames with offsets whose
 * boundaries meet the NULLs (SQLite's BIGNULL handling in {@code windowCodeRangeTest}).
 */
class WindowNullsSqlTest {
    static final String T = """
        create table t(id integer primary key, x, p, s text);
        insert into t values(1, 1, 1, 'a'), (2, null, 1, null), (3, 3, 1, 'c'), (4, null, 2, 'b'), (5, 5, 2, null),
            (6, 2.5, 1, 'a'), (7, 'txt', 2, 'd'), (8, null, 1, 'e'), (9, 3, 2, 'c'), (10, -1, 1, 'z');
        """;

    @Test
    void orderAgainstDirection() {
        Differential.assertSame(T + """
            select id, row_number() over (order by x nulls last, id) from t order by id;
            select id, row_number() over (order by x desc nulls first, id) from t order by id;
            select id, row_number() over (order by x asc nulls first, id) from t order by id;
            select id, row_number() over (order by x desc nulls last, id) from t order by id;
            select id, rank() over (order by x nulls last), dense_rank() over (order by x nulls last) from t order by id;
            select id, group_concat(id, '.') over (order by x nulls last, id) from t order by id;
            select id, group_concat(id, '.') over (partition by p order by x desc nulls first, id) from t order by id;
            select id, first_value(id) over (partition by p order by s nulls last, x desc nulls first) from t order by id;
            select id, sum(id) over (order by x nulls last) from t;
            select id, x, row_number() over (order by x nulls last) from t order by x desc nulls first, id;
            select id, lag(id) over (order by s desc nulls first, id), lead(id) over (order by s nulls last, id) from t;
            select id, cume_dist() over (order by x nulls last), percent_rank() over (order by x desc nulls first) from t order by id;
            select id, count(*) over w, sum(id) over w from t window w as (order by x nulls last groups between 1 preceding and current row) order by id;
            select id, count(*) over w from t window w as (order by x desc nulls first rows between 1 preceding and 1 following) order by id;
            """);
    }

    @Test
    void rangeFramesMeetingNulls() {
        String[] frames = {
            "range between 1 preceding and 1 following",
            "range between 2 preceding and current row",
            "range between current row and 2 following",
            "range between unbounded preceding and 1 preceding",
            "range between 1 following and unbounded following",
            "range between 1 preceding and 0.5 preceding",
            "range between 0 following and 10 following",
        };
        String[] orders = {"x nulls last", "x desc nulls first", "x nulls first", "x desc nulls last"};
        StringBuilder sql = new StringBuilder(T);
        sql.append("delete from t where id = 7;\n");
        for (String o : orders) {
            for (String f : frames) {
                sql.append("select id, count(*) over w, group_concat(id, '.') over w from t window w as (order by ")
                        .append(o).append(' ').append(f).append(") order by id;\n");
                sql.append("select id, sum(id) over w from t window w as (partition by p order by ")
                        .append(o).append(' ').append(f).append(") order by id;\n");
            }
        }
        Differential.assertSame(sql.toString());
    }

    @Test
    void rangeFramesWithText() {
        Differential.assertSame(T + """
            select id, group_concat(id, '.') over (order by x nulls last range between 1 preceding and 1 following) from t order by id;
            select id, group_concat(id, '.') over (order by x desc nulls first range between 2 preceding and 1 following) from t order by id;
            select id, count(*) over (order by s nulls last range between 1 preceding and current row) from t order by id;
            """);
    }
}
