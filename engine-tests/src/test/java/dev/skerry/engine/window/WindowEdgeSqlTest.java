package dev.skerry.engine.window;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * Window function details where SQLite's way of computing shows through, against SQLite: which of two equal
 * values min()/max() return, how far a negative lag() offset reaches, nth_value() with a varying N, and
 * windows in compound SELECTs, with {@code *}, and ordered by subqueries.
 */
class WindowEdgeSqlTest {
    static final String M = """
        create table m(id integer primary key, x, y text collate nocase, p);
        insert into m values(1, 1, 'a', 1), (2, 1.0, 'A', 1), (3, 0, 'b', 1), (4, 1, 'B', 1), (5, 1.0, 'a', 1),
            (6, 60, 'c', 1), (7, 70, 'C', 2), (8, 80, 'c', 2);
        """;

    @Test
    void equalExtremesInSlidingAndGrowingFrames() {
        Differential.assertSame(M + """
            select id, typeof(max(x) over w), typeof(min(x) over w), max(y) over w, min(y) over w from m
                window w as (order by id rows between 1 preceding and 1 following);
            select id, typeof(max(x) over w), max(y) over w, min(y) over w from m window w as (order by id);
            select id, typeof(max(x) over w), max(y) over w from m
                window w as (order by id rows between current row and unbounded following);
            select id, typeof(max(x) over w), typeof(min(x) over w) from m
                window w as (order by id rows between 1 preceding and 1 following exclude current row);
            select id, typeof(max(x) over w), min(y) over w from m window w as (order by p, id groups between 1 preceding and current row);
            select id, typeof(min(x) over w), max(y) over w from m window w as (order by p range between current row and unbounded following);
            """);
    }

    /**
     * RANGE offsets where the sum of a value and the offset overflows into a REAL: SQLite adds a PRECEDING offset
     * to the other row's value and a FOLLOWING offset to this row's, so a row at the integer extreme can fall
     * inside its own {@code 100 PRECEDING AND 2 PRECEDING} frame; sum() then sees the transient overflow.
     */
    @Test
    void rangeOffsetsAtTheIntegerExtremes() {
        Differential.assertSame("""
            create table e(k int);
            insert into e values (-9223372036854775808), (-9223372036854775807), (-5), (0), (5), (null),
                (9223372036854775806), (9223372036854775807), (1e300), (-1e300), (9.2233720368547758e18);
            """ + frames("k", "e") + frames("k", "e where k is not null") + """
            select k, sum(k) over (order by k desc range between 100 preceding and 2 preceding) from e
                where k between -9223372036854775808 and 5;
            select k, sum(k) over (order by k range between 2 following and 100 following) from e
                where k between -5 and 9223372036854775807;
            """);
    }

    /** One query per frame shape and direction over {@code col} of {@code from}, listing each frame's rows. */
    private static String frames(String col, String from) {
        StringBuilder sql = new StringBuilder();
        String[] bounds = {"100 preceding and 2 preceding", "2 following and 100 following", "1 preceding and 1 following",
            "0 preceding and 0 following", "unbounded preceding and 3 preceding", "3 following and unbounded following",
            "1e19 preceding and 1 following", "2.5 preceding and current row"};
        for (String order : new String[] {"", " desc", " nulls first", " desc nulls last"}) {
            for (String b : bounds) {
                sql.append("select ").append(col).append(", count(*) over w, group_concat(").append(col)
                        .append(", ',') over w, min(").append(col).append(") over w, max(").append(col)
                        .append(") over w from ").append(from).append(" window w as (order by ").append(col)
                        .append(order).append(" range between ").append(b).append(");\n");
            }
        }
        return sql.toString();
    }

    @Test
    void lagAndLeadOffsets() {
        Differential.assertSame(M + """
            select id, lag(x, -1) over (order by id), lag(x, -2) over (order by id), lag(x, -3) over (order by id) from m;
            select id, lag(x, -1) over (partition by p order by id), lag(x, -2) over (partition by p) from m;
            select id, lead(x, -1) over (order by id), lead(x, -2) over (order by id) from m;
            select id, lag(x, id - 3, 'd') over (order by id), lead(x, 4 - id, 'e') over (order by id) from m;
            select id, lag(x, -1) over (order by id), sum(x) over (order by id rows between current row and 2 following) from m;
            """);
    }

    @Test
    void varyingArguments() {
        Differential.assertSame(M + """
            select id, nth_value(x, id) over (order by id), nth_value(y, 2) over (partition by p order by id) from m;
            select id, nth_value(x, 3 - (id % 2)) over (order by id rows between 2 preceding and 2 following) from m;
            select ntile(y) over () from m;
            select ntile('2') over () from m;
            select id, ntile(3) over (partition by p order by id desc) from m;
            """);
    }

    @Test
    void placesWindowsAppear() {
        Differential.assertSame(M + """
            select count(*) over (), * from m;
            select row_number() over () from m union all select 5;
            select id, sum(x) over (order by id) from m where p = 1 union all select id, 0 from m where p = 2 order by 1;
            select id, row_number() over w from m window w as (order by (select count(*) from m as m2 where m2.id <= m.id) desc);
            select p, (select group_concat(id) over (order by id desc) from m as m2 where m2.p = m.p limit 1) from m order by id;
            select id from m order by sum(x) over (partition by p), id;
            select id, row_number() over (order by y, id) from m order by y, id;
            select row_number() over (), sum(5) over (), lag(1) over ();
            select count(*) over () from m limit 0;
            select a.id, b.id, row_number() over (partition by a.p order by b.id desc, a.id) from m as a join m as b
                on b.id = a.id + 1 order by 1;
            select a.id, b.x, sum(b.x) over (order by a.id) from m as a left join m as b on b.id = a.id * 3 order by 1;
            select p, y, count(*), sum(count(*)) over (partition by p order by y rows unbounded preceding) from m
                group by p, y order by 1, 2;
            """);
    }

    @Test
    void aliases() {
        Differential.assertSame(M + """
            select row_number() over () as rn from m where rn > 1;
            select row_number() over (order by id) as rn from m order by rn + 1 desc;
            select x, row_number() over () as rn from m group by rn;
            select x as v, row_number() over (order by v desc) from m;
            select x as v, row_number() over (partition by v) from m;
            select id, row_number() over (order by v) from (select id, x as v from m) order by id;
            """);
    }

    @Test
    void nthValueWithExcludeReadsTheCurrentRowsN() {
        Differential.assertSame("""
            create table t(id integer primary key, v text, n);
            insert into t values (1,'a',1),(2,'b',2),(3,'c',3);
            select id, nth_value(v, n) over (order by id rows between unbounded preceding and unbounded following exclude current row) from t order by id;
            select id, nth_value(v, n) over (order by id rows between 1 preceding and 1 following exclude current row) from t order by id;
            select id, nth_value(v, 3 - n) over (order by id rows between current row and current row exclude current row) from t order by id;
            select id, nth_value(v, n) over (order by n groups between unbounded preceding and unbounded following exclude group) from t order by id;
            select id, nth_value(v, 2) over (order by id rows between unbounded preceding and unbounded following exclude ties) from t order by id;
            select id, nth_value(v, case when id = 1 then 0 else 1 end) over (order by id rows between 1 following and 2 following exclude current row) from t order by id;
            select id, nth_value(v, 4 - n) over (order by id rows between 1 preceding and unbounded following) from t order by id;
            select nth_value(v, 9223372036854775807.0) over (order by id rows between unbounded preceding and unbounded following) from t;
            select nth_value(v, 9223372036854775807.0) over (order by id rows between unbounded preceding and unbounded following exclude no others) from t;
            select nth_value(v, 9.2233720368547748e18) over (order by id) from t;
            select nth_value(v, 2.0) over (order by id) from t;
            """);
    }
}
