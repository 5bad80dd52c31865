package dev.skerry.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skerry.testkit.Differential;
import dev.skerry.testkit.SkerryEngine;
import org.junit.jupiter.api.Test;

/**
 * generate_series() as a table-valued function. The SQLite of sqlite-jdbc is built without it, so each query
 * runs on Skerry and an equivalent query (a recursive CTE, or the documented rows) runs on SQLite, and the
 * two results must be equal: arguments, defaults, negative and zero steps, NULL arguments, the 64-bit limits,
 * the hidden columns, WHERE constraints on value (=, <, <=, >, >=, BETWEEN, REAL and text bounds) and on the
 * hidden columns, the rowid, correlated arguments, joins (inner, LEFT, FULL), aggregates, ORDER BY and LIMIT, CTEs and
 * compounds. Lines without {@code ###} set up both databases.
 */
class GenerateSeriesTest {
    private static final String[] PAIRS = {
            "create table t(a, b)",
            "insert into t values (1, 3), (2, 5), (4, 4), (null, 2)",
            "select * from generate_series(1, 5) ### with recursive s(value) as (select 1 union all select value + 1 from s where value < 5) select * from s",
            "select value from generate_series(0, 100, 5) ### with recursive s(value) as (select 0 union all select value + 5 from s where value + 5 <= 100) select value from s",
            "select value from generate_series(10, 1, -3) ### select 10 as value union all select 7 union all select 4 union all select 1",
            "select value from generate_series(0, -100, -25) ### select 0 as value union all select -25 union all select -50 union all select -75 union all select -100",
            "select value from generate_series(0, -1) ### select 1 as value where 0",
            "select value from generate_series(5, 5) ### select 5 as value",
            "select value from generate_series(1, 10, 0) ### with recursive s(value) as (select 1 union all select value + 1 from s where value < 10) select value from s",
            "select value, start, stop, step from generate_series(1, 10, 4) ### select 1 as value, 1 as start, 10 as stop, 4 as step union all select 5, 1, 10, 4 union all select 9, 1, 10, 4",
            "select value from generate_series(20) limit 10 ### with recursive s(value) as (select 20 union all select value + 1 from s where value < 29) select value from s",
            "select stop from generate_series(20) limit 1 ### select 4294967295 as stop",
            "select value from generate_series(1) where value < 4 ### select 1 as value union all select 2 union all select 3",
            "select value from generate_series(1, 100) where value between 10 and 12 ### select 10 as value union all select 11 union all select 12",
            "select value from generate_series(1, 100, 7) where value > 20 and value <= 43 ### select 22 as value union all select 29 union all select 36 union all select 43",
            "select value from generate_series(100, 1, -7) where value > 20 and value <= 43 ### select 37 as value union all select 30 union all select 23",
            "select value from generate_series(1, 10) where value = 4 ### select 4 as value",
            "select value from generate_series(1, 10) where value = 4.5 ### select 1 as value where 0",
            "select value from generate_series(1, 10) where value > 2.5 and value < 5.5 ### select 3 as value union all select 4 union all select 5",
            "select value from generate_series where start = 3 and stop = 6 ### select 3 as value union all select 4 union all select 5 union all select 6",
            "select value from generate_series where value between 3 and 5 ### select 3 as value union all select 4 union all select 5",
            "select value from generate_series(null, 5) ### select 1 as value where 0",
            "select value from generate_series(1, null) ### select 1 as value where 0",
            "select value from generate_series(1, 3, null) ### select 1 as value where 0",
            "select value from generate_series('2', '4') ### select 2 as value union all select 3 union all select 4",
            "select value from generate_series(1.9, 3.2) ### select 1 as value union all select 2 union all select 3",
            "select a, value from t, generate_series(t.a, t.b) order by 1, 2 ### with recursive s(a, b, value) as (select a, b, a from t where a is not null union all select a, b, value + 1 from s where value < b) select a, value from s order by 1, 2",
            "select a, value from t join generate_series(1, 3) on value = a order by 1 ### select a, a as value from t where a between 1 and 3 order by 1",
            "select a, value from t left join generate_series(1, 3) on value = a order by 1 ### select a, case when a between 1 and 3 then a end as value from t order by 1",
            "select count(*), sum(value), max(value) from generate_series(1, 1000) ### select 1000 as \"count(*)\", 500500 as \"sum(value)\", 1000 as \"max(value)\"",
            "select value % 3, count(*) from generate_series(1, 10) group by 1 order by 1 ### select 0 as \"value % 3\", 3 as \"count(*)\" union all select 1, 4 union all select 2, 3",
            "select s.value from generate_series(1, 3) as s order by value desc ### select 3 as value union all select 2 union all select 1",
            "select value from generate_series(1, 3) union select value from generate_series(2, 5) order by 1 ### select 1 as value union select 2 union select 3 union select 4 union select 5 order by 1",
            "select (select count(*) from generate_series(1, t.a)) from t order by 1 ### select 0 as \"(select count(*) from generate_series(1, t.a))\" union all select 1 union all select 2 union all select 4 order by 1",
            "select value from generate_series(9223372036854775806, 9223372036854775807) ### select 9223372036854775806 as value union all select 9223372036854775807",
            "select value from generate_series(-9223372036854775808, -9223372036854775807) ### select -9223372036854775808 as value union all select -9223372036854775807",
            "select value from generate_series(9223372036854775807, -9223372036854775808, -9223372036854775808) ### select 9223372036854775807 as value union all select -1",
            "select value from generate_series(1, 3) where value in (2, 3) ### select 2 as value union all select 3",
            "select value from generate_series(1, 10) where value < 3 or value > 8 ### select 1 as value union all select 2 union all select 9 union all select 10",
            "select * from generate_series(1, 2) a, generate_series(1, 2) b ### select 1 as value, 1 as value union all select 1, 2 union all select 2, 1 union all select 2, 2",
            "select value from generate_series where value between 3 and 5 ### select 3 as value union all select 4 union all select 5",
            "select value from generate_series(1, 20) where value between 3 and 5 and value > 3 ### select 4 as value union all select 5",
            "select value from generate_series(1, 20) where value not between 3 and 18 ### select 1 as value union all select 2 union all select 19 union all select 20",
            "select value from generate_series(10) where value between 12 and 13 ### select 12 as value union all select 13",
            "select value from generate_series(1, 5) where 2 < value ### select 3 as value union all select 4 union all select 5",
            "select value from generate_series(1, 5) where 4 >= value ### select 1 as value union all select 2 union all select 3 union all select 4",
            "select value from generate_series(1, 5) where value > '2' ### select 3 as value union all select 4 union all select 5",
            "select value from generate_series(1, 5) where value = '3' ### select 3 as value",
            "select value from generate_series(1, 5) where value = null ### select 3 as value where 0",
            "create table t(a, b)",
            "insert into t values (1, 3), (2, 5), (4, 4), (null, 2)",
            "select a, value from t, generate_series(1, 5) where value > t.b order by 1, 2 ### with recursive s(value) as (select 1 union all select value + 1 from s where value < 5) select a, value from t, s where value > t.b order by 1, 2",
            "select a, value from t left join generate_series(1, 5) on value > t.b order by 1, 2 ### with recursive s(value) as (select 1 union all select value + 1 from s where value < 5) select a, value from t left join s on value > t.b order by 1, 2",
            "select a, value from generate_series(1, 5) full join t on value = a order by 1, 2 ### with recursive s(value) as (select 1 union all select value + 1 from s where value < 5) select a, value from s full join t on value = a order by 1, 2",
            "select a, value from generate_series(1, 5) left join t on value = a where b is null order by 2 ### with recursive s(value) as (select 1 union all select value + 1 from s where value < 5) select a, value from s left join t on value = a where b is null order by 2",
            "with c(x) as (select value from generate_series(1, 3)) select sum(x) from c ### select 6 as \"sum(x)\"",
            "select distinct value / 2 from generate_series(1, 7) order by 1 ### select 0 as \"value / 2\" union all select 1 union all select 2 union all select 3",
            "select value from generate_series(1, 5) order by value nulls last limit 2 offset 1 ### select 2 as value union all select 3",
            "select group_concat(value, '-' order by value desc) from generate_series(1, 4) ### select '4-3-2-1' as \"group_concat(value, '-' order by value desc)\"",
            "select a, value from generate_series(t.a, t.b), t order by 1, 2 ### with recursive s(a, b, value) as (select a, b, a from t where a is not null union all select a, b, value + 1 from s where value < b) select a, value from s order by 1, 2",
            "select a, value from generate_series(1, t.b), t where a = 2 order by 2 ### with recursive s(a, b, value) as (select a, b, 1 from t where a = 2 union all select a, b, value + 1 from s where value < b) select a, value from s order by 2",
            "select rowid from generate_series(1, 2) ### select 1 as rowid union all select 2",
            "select rowid, value from generate_series(3, 4) where rowid > 3 ### select 4 as rowid, 4 as value",
            "select s.rowid, s._rowid_ + 0 from generate_series(1, 2) s ### select 1 as rowid, 1 as \"s._rowid_ + 0\" union all select 2, 2",
            "select max(rowid) from generate_series(1, 9) ### select 9 as \"max(rowid)\"",
            "select value, count(*) from generate_series(1, 3) group by rowid ### select 1 as value, 1 as \"count(*)\" union all select 2, 1 union all select 3, 1",
    };

    @Test
    void seriesAgreesWithEquivalentQueriesOnSqlite() {
        assertEquals("", String.join("\n", Differential.checkEquivalents(PAIRS, false)));
    }

    @Test
    void errorsAsSqliteDocumentsThem() {
        try (SkerryEngine skerry = new SkerryEngine()) {
            assertEquals("first argument to \"generate_series()\" missing or unusable",
                    skerry.run("select * from generate_series()").errorMessage());
            assertEquals("first argument to \"generate_series()\" missing or unusable",
                    skerry.run("select * from generate_series where stop = 5").errorMessage());
            assertEquals("too many arguments on generate_series() - max 3",
                    skerry.run("select * from generate_series(1, 2, 3, 4)").errorMessage());
            assertEquals("no such table: no_such_function",
                    skerry.run("select * from no_such_function(1)").errorMessage());
        }
    }
}
