package dev.skerry.engine.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skerry.testkit.QueryPlans;
import org.junit.jupiter.api.Test;

/**
 * EXPLAIN QUERY PLAN equal to SQLite's for partial indexes (used only when the query's WHERE implies the
 * index's) and indexes on expressions (used when WHERE, ORDER BY or GROUP BY contain the same expression),
 * compared by {@link QueryPlans}: each line's text and the line it hangs under.
 */
class IndexKindsPlannerTest {
    private static final String SCHEMA = """
            create table t(a int, b int, c text, d);
            create index tp on t(a) where b = 1;
            create index tn on t(c) where c is not null;
            create index tor on t(d) where b = 2 or b = 3;
            create table e(x int, y int, z text);
            create index ex on e(x + y);
            create index ez on e(lower(z), x);
            """;

    private static final String[] QUERIES = {
        "select * from t where a = 1",
        "select * from t where a = 1 and b = 1",
        "select * from t where b = 1 and a > 5",
        "select * from t where b = 2 and a = 1",
        "select * from t where c = 'x'",
        "select * from t where c > 'x'",
        "select * from t where d = 1 and b = 2",
        "select * from t where d = 1 and b = 4",
        "select * from t where c is null",
        "select * from t where a = 1 or b = 1",
        "select t.a from t left join e on e.x = t.a and t.b = 1",
        "select * from e where x + y = 3",
        "select * from e where x + y > 3",
        "select * from e where y + x = 3",
        "select * from e where lower(z) = 'a'",
        "select * from e where lower(z) = 'a' and x = 2",
        "select * from e where lower(z) = 'a' and x > 2",
        "select * from e where upper(z) = 'a'",
        "select x from e where x + y = 3",
        "select * from e order by x + y",
        "select * from e where x + y in (1, 2)",
        "select * from e where lower(z) in ('a', 'b') and x = 1",
        "select * from e order by x + y desc",
        "select * from e where lower(z) = 'a' order by x",
        "select * from e order by lower(z), x",
        "select * from e where x + y between 1 and 4",
        "select * from e where 3 = x + y",
        "select * from e where lower(z) = upper(z)",
    };

    @Test
    void plansMatchSqlites() {
        assertEquals("", QueryPlans.differences(SCHEMA, QUERIES));
    }
}
