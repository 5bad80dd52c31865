package dev.skerry.engine.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skerry.testkit.Differential;
import dev.skerry.testkit.QueryPlans;
import org.junit.jupiter.api.Test;

/**
 * {@code INDEXED BY} and {@code NOT INDEXED} in SELECT, UPDATE and DELETE against SQLite: the plans
 * (EXPLAIN QUERY PLAN's tree), the rows, and SQLite's errors ({@code no such index}).
 */
class IndexedBySqlTest {
    private static final String SCHEMA = """
            create table t(a integer primary key, b, c);
            create index tb on t(b);
            create index tc on t(c, b);
            insert into t values(1, 5, 'x'), (2, 4, 'y'), (3, 3, 'x'), (4, null, 'z'), (5, 1, null);
            """;

    private static final String[] QUERIES = {
        "select * from t indexed by tb where b > 2",
        "select * from t indexed by tc where c = 'x'",
        "select b from t indexed by tb order by b",
        "select * from t indexed by tc order by c",
        "select * from t not indexed where b = 3",
        "select * from t not indexed where a = 3",
        "select * from t not indexed order by b",
        "select * from t indexed by nosuch where b = 1",
        "select * from t as u indexed by tb where u.b = 4",
        "delete from t not indexed where b = 3",
        "update t not indexed set c = 1 where b = 3",
    };

    /**
     * Statements whose rows and errors equal SQLite's but whose plans differ (COMPAT.md lists them): an
     * INDEXED BY index no term can use (SQLite scans the index, Skerry the table), and UPDATE/DELETE plans
     * shown as {@code COVERING INDEX}.
     */
    private static final String[] ROWS_ONLY = {
        "select * from t indexed by tb where c = 'x' order by a",
        "update t indexed by tb set c = 'w' where b = 4",
        "delete from t indexed by tc where c = 'z'",
        "update t indexed by tb set c = 'v' where c = 'x'",
        "delete from t indexed by nosuch where b = 1",
        "update t indexed by nosuch set c = 1 where b = 1",
        "update t as u indexed by tb set c = 2 where u.b = 5",
        "delete from t indexed by tb where a = 2",
        "update t not indexed set c = 3 where b = 1",
    };

    @Test
    void plansMatchSqlites() {
        assertEquals("", QueryPlans.differences(SCHEMA, QUERIES));
    }

    @Test
    void rowsAndErrorsMatchSqlites() {
        Differential.assertSame(SCHEMA + String.join(";\n", QUERIES) + ";\n" + String.join(";\n", ROWS_ONLY) + """
            ;
            select * from t order by a;
            select * from t indexed by tb;
            select * from t indexed by tb where a = 1;
            """);
    }
}
