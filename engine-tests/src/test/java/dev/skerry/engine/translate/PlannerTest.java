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
 * The planner chooses what SQLite chooses for single-table queries: the same access path (full scan, rowid
 * seek or range, index equality and range seeks, covering index), shown by EXPLAIN QUERY PLAN and compared on
 * its text (SQLite's ids are addresses, not compared). Joins are planned in the order written, so only
 * queries whose order SQLite keeps are listed.
 */
class PlannerTest {
    private static final String SCHEMA = """
            create table t1(a integer primary key, b text unique, c real, d);
            create table t2(x int, y, z text collate nocase);
            create index t2x on t2(x);
            create index t2yz on t2(y, z);
            """;

    private static final String[] QUERIES = {
        "select * from t1 where a = 5",
        "select * from t1 where 5 = a",
        "select * from t1 where b = 'x'",
        "select a from t1",
        "select * from t1",
        "select * from t2 where x = 1",
        "select * from t2 where x > 1",
        "select * from t2 where x <= 1",
        "select * from t2 where x > 1 and x < 5",
        "select * from t2 where x between 1 and 5",
        "select * from t2 where y = 1 and z = 'a'",
        "select * from t2 where z = 'a' and y = 1",
        "select * from t2 where y = 1",
        "select * from t2 where y = 1 and z > 'a'",
        "select x from t2 where x = 1",
        "select * from t2 where z = 'a'",
        "select * from t2 where y = 1 and z = 'a' collate binary",
        "select * from t2 order by x",
        "select * from t2 where x = 1 order by x",
        "select * from t2 order by y",
        "select * from t1 where a > 5",
        "select * from t1 where a between 1 and 9",
        "select * from t1 order by a",
        "select * from t1 order by c",
        "select distinct d from t1",
        "select * from t1 left join t2 on t1.a = t2.x",
        "select count(*) from t2 group by z",
        "select * from t1 where a in (3, 1)",
        "select * from t1 order by a desc",
        "select * from t1 where a > 3 order by a desc",
        "select x from t2 order by x desc",
        "select * from t2 where x < 3 order by x desc",
        "select * from t2 where y = 1 order by z desc",
        "select * from t2 where x in (2, 1)",
        "select * from t2 where y in (1, 2) and z = 'a'",
    };

    @Test
    void accessPathsMatchSqlites() {
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
        for (List<String> row : o.rows()) {
            out.add(row.get(3));
        }
        return out;
    }
}
