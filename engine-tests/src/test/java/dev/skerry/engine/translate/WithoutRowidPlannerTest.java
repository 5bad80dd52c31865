package dev.skerry.engine.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skerry.testkit.QueryPlans;
import org.junit.jupiter.api.Test;

/**
 * EXPLAIN QUERY PLAN of queries on WITHOUT ROWID tables against SQLite's: the PRIMARY KEY as the table's
 * own order ({@code SEARCH t USING PRIMARY KEY (a=?)}, ranges, ORDER BY without a sort, {@code SCAN t}), and
 * secondary indexes covering the query with the PRIMARY KEY columns their entries carry.
 */
class WithoutRowidPlannerTest {
    private static final String SCHEMA = """
        create table t(a, b, c, d, primary key(a, b)) without rowid;
        create index tc on t(c);
        create table u(x text primary key, y, z);
        create table w(k integer primary key, v) without rowid;
        create index wv on w(v);
        """;

    private static final String[] QUERIES = {
        "select * from t",
        "select * from t where a = 1",
        "select * from t where a = 1 and b = 2",
        "select * from t where a = 1 and b > 2",
        "select * from t where a > 1",
        "select * from t where a > 1 and a < 5",
        "select * from t order by a, b",
        "select * from t order by a desc, b desc",
        "select * from t where a = 1 order by b",
        "select a, b from t where c = 5",
        "select a, b, c from t where c > 5 order by c",
        "select * from t where c = 5",
        "select d from t where c = 5",
        "select c from t order by c",
        "select count(*) from t",
        "select * from t where b = 2",
        "select * from t where a in (1, 2)",
        "update t set d = 1 where a = 1",
        "update t set c = 1 where c = 2",
        "delete from t where a = 1 and b = 1",
        "delete from t where c = 3",
        "select x.c, y.d from t x join t y on x.d = y.a and y.b = 1 where x.a = 7",
        "select * from u join w on w.k = u.y",
        "select k from w where v = 'x'",
        "select * from w where k between 3 and 9",
        "select * from w where v > 'a' order by v",
    };

    @Test
    void accessPathsMatchSqlites() {
        assertEquals("", QueryPlans.differences(SCHEMA, QUERIES));
    }
}
