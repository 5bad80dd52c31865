package dev.skerry.engine.window;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/** Window functions against SQLite: each built-in, aggregates over frames, PARTITION BY, named windows. */
class WindowFunctionSqlTest {
    static final String T = """
        create table t(id integer primary key, a, b, c text);
        insert into t values(1, 1, 'x', 'p'), (2, 2, 'y', 'q'), (3, 1, 'z', 'p'), (4, 2, 'w', 'q'), (5, null, 'v', 'p'),
            (6, 3, 'u', 'r'), (7, 'abc', 1, 'p'), (8, 2.5, 4, 'q'), (9, null, 5, 'r'), (10, 1, 2, 'p');
        """;

    @Test
    void rankingFunctions() {
        Differential.assertSame(T + """
            select id, a, row_number() over (order by a) from t;
            select id, a, row_number() over (order by a desc) from t;
            select id, a, row_number() over () from t;
            select id, a, rank() over (order by a), dense_rank() over (order by a) from t;
            select id, a, percent_rank() over (order by a), cume_dist() over (order by a) from t;
            select id, c, rank() over (partition by c order by a), percent_rank() over (partition by c order by a) from t;
            select id, ntile(3) over (order by id), ntile(4) over (order by id), ntile(20) over (order by id) from t;
            select id, c, ntile(2) over (partition by c order by id) from t;
            select id, rank() over (), dense_rank() over (), percent_rank() over (), cume_dist() over () from t;
            select id, a, row_number() over (partition by a) from t;
            select id, c, a, row_number() over (partition by c order by a desc, id) from t;
            """);
    }

    @Test
    void valueFunctions() {
        Differential.assertSame(T + """
            select id, a, lag(a) over (order by id), lead(a) over (order by id) from t;
            select id, lag(a, 2) over (order by id), lead(a, 3, 'none') over (order by id) from t;
            select id, lag(a, -1) over (order by id), lag(a, 1.5, 9) over (order by id), lag(a, null, 7) over (order by id),
                lag(a, '1') over (order by id), lag(a, 1.0) over (order by id) from t;
            select id, c, lag(id, 1, -id) over (partition by c order by id) from t;
            select id, first_value(a) over (order by id), last_value(a) over (order by id), nth_value(a, 3) over (order by id) from t;
            select id, first_value(a) over (order by id rows between 1 following and 2 following) from t;
            select id, last_value(id) over (order by id rows between unbounded preceding and unbounded following) from t;
            select id, nth_value(b, 2) over (partition by c order by id rows between current row and unbounded following) from t;
            select id, nth_value(a, '2') over () from t;
            """);
    }

    @Test
    void aggregatesOverFrames() {
        Differential.assertSame(T + """
            select id, sum(id) over (order by id) from t;
            select id, a, sum(id) over (order by a) from t;
            select id, sum(id) over (order by id rows between 1 preceding and 1 following) from t;
            select id, sum(a) over (order by id rows between 2 preceding and 1 preceding) from t;
            select id, sum(a) over (order by id rows between 1 following and 3 following) from t;
            select id, avg(a) over (order by id rows 2 preceding), total(a) over (order by id rows 2 preceding),
                count(a) over (order by id rows 2 preceding), count(*) over (order by id rows 2 preceding) from t;
            select id, group_concat(b) over (order by id rows between 1 preceding and 1 following) from t;
            select id, group_concat(b, '-') over (order by id desc rows between current row and 2 following) from t;
            select id, string_agg(c, ';') over (partition by c order by id) from t;
            select id, max(a) over (order by id rows between 1 preceding and 1 following),
                min(a) over (order by id rows between 1 preceding and 1 following) from t;
            select id, min(b) over (order by id rows between current row and unbounded following) from t;
            select id, max(a) over (partition by c), min(a) over (partition by c) from t;
            select id, sum(id) over (), count(*) over (), avg(id) over () from t;
            select id, sum(id) over (partition by c order by id range between unbounded preceding and unbounded following) from t;
            """);
    }

    @Test
    void rangeAndGroupsFrames() {
        Differential.assertSame(T + """
            select id, a, group_concat(id) over (order by a range between 1 preceding and 1 following) from t;
            select id, a, group_concat(id) over (order by a desc range between 1 preceding and 0.5 following) from t;
            select id, a, group_concat(id) over (order by a range between 0 preceding and 0 following) from t;
            select id, a, group_concat(id) over (order by a range between unbounded preceding and 1 preceding) from t;
            select id, a, group_concat(id) over (order by a range between 1 following and unbounded following) from t;
            select id, a, sum(id) over (order by a range between 1.5 preceding and current row) from t;
            select id, a, group_concat(id) over (order by a groups between 1 preceding and 1 following) from t;
            select id, a, group_concat(id) over (order by a groups between current row and 2 following) from t;
            select id, a, group_concat(id) over (order by a groups 1 preceding) from t;
            select id, a, sum(id) over (order by a range current row) from t;
            """);
    }

    @Test
    void exclusion() {
        Differential.assertSame(T + """
            select id, a, group_concat(id) over (order by a groups between 1 preceding and 1 following exclude current row) from t;
            select id, a, group_concat(id) over (order by a groups between 1 preceding and 1 following exclude group) from t;
            select id, a, group_concat(id) over (order by a groups between 1 preceding and 1 following exclude ties) from t;
            select id, a, group_concat(id) over (order by a rows between 1 preceding and 1 following exclude no others) from t;
            select id, a, first_value(id) over w, last_value(id) over w, nth_value(id, 2) over w from t
                window w as (order by a groups between 1 preceding and 1 following exclude ties);
            select id, a, sum(id) over (order by a range between unbounded preceding and unbounded following exclude group),
                max(id) over (order by a rows between 2 preceding and 2 following exclude current row) from t;
            select id, a, count(*) over (order by a exclude ties) from t;
            """);
    }

    @Test
    void filterAndNamedWindows() {
        Differential.assertSame(T + """
            select id, sum(id) filter (where a > 1) over (order by id) from t;
            select id, count(*) filter (where c = 'p') over (order by id rows between 2 preceding and current row) from t;
            select id, sum(id) over w, row_number() over w from t window w as (partition by c order by id);
            select id, sum(id) over (w rows current row) from t window w as (order by b);
            select id, sum(id) over w2 from t window w as (order by b), w2 as (w rows between 1 preceding and current row);
            select id, sum(id) over (w order by id) from t window w as (partition by c);
            select id, sum(a) over w from t window w as (order by a), w as (order by b);
            select a from t window w as (x order by b);
            """);
    }

    @Test
    void severalWindowsAndOrdering() {
        Differential.assertSame(T + """
            select id, a, row_number() over (order by a), row_number() over (order by b) from t;
            select id, a, row_number() over (order by b), row_number() over (order by a) from t;
            select id, rank() over (order by a), sum(id) over (partition by c), lag(id) over (order by b desc) from t;
            select id, a from t order by row_number() over (order by b desc);
            select id, row_number() over (order by id desc) as rn from t order by rn;
            select id, a, sum(id) over (order by a) from t order by id;
            select id, a, sum(id) over (order by a) from t order by a, id;
            select distinct c, count(*) over (partition by c) from t order by 1;
            select id, row_number() over (order by id) from t order by 2 desc limit 3 offset 1;
            select id, 1 + row_number() over (order by id) * 10, abs(-rank() over (order by a)) from t order by id;
            select id, case when row_number() over (order by id) > 5 then 'late' else 'early' end from t order by id;
            """);
    }

    @Test
    void windowsOverAggregatesSubqueriesAndViews() {
        Differential.assertSame(T + """
            select c, count(*), sum(count(*)) over (order by c) from t group by c;
            select c, sum(id), rank() over (order by sum(id) desc) from t group by c;
            select c, count(*) over (partition by c) from t group by c;
            select count(*), row_number() over () from t;
            select c, max(id), lag(max(id)) over (order by c) from t group by 1 having count(*) > 1;
            select * from (select id, row_number() over (order by id desc) as rn from t) where rn <= 3 order by id;
            with w as (select c, id, rank() over (partition by c order by id) as r from t) select c, id from w where r = 1 order by c;
            create view v as select id, sum(id) over (order by id rows between 1 preceding and current row) as s from t;
            select * from v order by id;
            select id from t where id in (select first_value(id) over (partition by c order by id) from t) order by id;
            """);
    }

    @Test
    void emptyInputsAndNulls() {
        Differential.assertSame(T + """
            select row_number() over (), sum(a) over () from t where 0;
            create table e(x, y);
            select x, rank() over (order by y), sum(x) over (partition by y) from e;
            insert into e values(null, null), (null, null), (1, null), (null, 1);
            select x, y, rank() over (order by y), sum(x) over (partition by y), first_value(x) over (order by y, x) from e;
            select x, y, count(x) over (order by x range between 1 preceding and 1 following) from e;
            select x, y, group_concat(x) over (), group_concat('') over () from e;
            """);
    }

    @Test
    void errors() {
        Differential.assertSame(T + """
            select id from t where row_number() over () > 1;
            select rank() from t;
            select rank(1) over () from t;
            select ntile() over () from t;
            select ntile(0) over () from t;
            select ntile(0) over () from t where 0;
            select nth_value(a, 0) over () from t;
            select nth_value(a, 1.5) over () from t;
            select lag(a, 1, 2, 3) over () from t;
            select sum(a) over (rows between -1 preceding and current row) from t;
            select sum(a) over (rows between 1.5 preceding and current row) from t;
            select sum(a) over (rows between a preceding and current row) from t;
            select sum(a) over (rows between 1 preceding and -1 following) from t;
            select sum(a) over (range between 1 preceding and current row) from t;
            select sum(a) over (order by a, b range between 1 preceding and current row) from t;
            select sum(a) over (order by a range between -1 preceding and current row) from t;
            select sum(a) over (order by a range between 1 preceding and 'x' following) from t;
            select sum(a) over (rows between current row and 1 preceding) from t;
            select sum(a) over (rows between 1 following and current row) from t;
            select sum(a) over w from t;
            select sum(a) over (w order by a) from t window w as (order by b);
            select sum(a) over (w partition by a) from t window w as (order by b);
            select sum(a) over (w) from t window w as (rows current row);
            select count(distinct a) over () from t;
            select rank() filter (where a > 1) over () from t;
            select abs(a) over () from t;
            select nosuch(a) over () from t;
            select sum(a) from t group by row_number() over ();
            select sum(a) from t group by a having row_number() over () > 1;
            select sum(row_number() over ()) from t;
            select row_number() over (order by row_number() over ()) from t;
            """);
    }
}
