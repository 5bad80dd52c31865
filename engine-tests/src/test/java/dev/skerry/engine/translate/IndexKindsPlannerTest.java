package dev.skerry.engine.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skerry.testkit.Outcome;
import dev.skerry.testkit.ScriptSplitter;
import dev.skerry.testkit.SkerryEngine;
import dev.skerry.testkit.SqliteEngine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * EXPLAIN QUERY PLAN equal to SQLite's for partial indexes (used only when the query's WHERE implies the
 * index's) and indexes on expressions (used when WHERE, ORDER BY or GROUP BY contain the same expression),
 * compared as {@link PlannerTest} compares: each line's text and the line it hangs under.
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
        List<String> diffs = new ArrayList<>();
        try (SqliteEngine sqlite = new SqliteEngine(); SkerryEngine skerry = new SkerryEngine()) {
            for (String sql : ScriptSplitter.split(SCHEMA)) {
                sqlite.run(sql);
                skerry.run(sql);
            }
            for (String q : QUERIES) {
                List<String> want = details(sqlite.run("explain query plan " + q));
                List<String> got = details(skerry.run("explain query plan " + q));
                if (!want.equals(got)) {
                    diffs.add(q + "\n  SQLite: " + want + "\n  Skerry: " + got);
                }
            }
        }
        assertEquals("", String.join("\n", diffs));
    }

    private static List<String> details(Outcome o) {
        List<String> out = new ArrayList<>();
        if (o.isError()) {
            out.add(o.toString());
            return out;
        }
        List<String> ids = new ArrayList<>();
        for (List<String> row : o.rows()) {
            ids.add(row.get(0));
            String detail = row.get(3);
            if (detail.startsWith("text:BLOOM FILTER ON ") || detail.equals("text:CREATE BLOOM FILTER")) {
                continue;
            }
            out.add(ids.indexOf(row.get(1)) + " " + detail);
        }
        return out;
    }
}
