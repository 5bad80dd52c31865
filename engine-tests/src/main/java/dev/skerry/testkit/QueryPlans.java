package dev.skerry.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * EXPLAIN QUERY PLAN on Skerry compared with SQLite's, as every planner test compares them: the plan's tree,
 * each line's text and the line it hangs under. SQLite's ids are addresses, so a parent is compared by its
 * position among the lines. Skerry builds no Bloom filters, so SQLite's {@code BLOOM FILTER ON t (...)} and
 * {@code CREATE BLOOM FILTER} lines are left out of the comparison.
 */
public final class QueryPlans {
    private QueryPlans() {
    }

    /**
     * Runs {@code script} on both engines, statement by statement, and throws an AssertionError at the first
     * statement whose outcomes differ (rows in order, errors by code and message).
     */
    public static void load(SqliteEngine sqlite, SkerryEngine skerry, String script) {
        for (String sql : ScriptSplitter.split(script)) {
            String want = sqlite.run(sql).toString();
            String got = skerry.run(sql).toString();
            if (!want.equals(got)) {
                throw new AssertionError(sql + "\n  SQLite: " + want + "\n  Skerry: " + got);
            }
        }
    }

    /** The plan SQLite makes for {@code query}, as {@link #tree} gives it. */
    public static List<String> plan(SqliteEngine sqlite, String query) {
        return tree(sqlite.run("explain query plan " + query));
    }

    /** The plan Skerry makes for {@code query}, as {@link #tree} gives it. */
    public static List<String> plan(SkerryEngine skerry, String query) {
        return tree(skerry.run("explain query plan " + query));
    }

    /**
     * The lines of an EXPLAIN QUERY PLAN outcome, each as the position of its parent line (-1 for the top)
     * and its text; Bloom filter lines left out; an error as its one line.
     */
    public static List<String> tree(Outcome eqp) {
        List<String> out = new ArrayList<>();
        if (eqp.isError()) {
            out.add(eqp.toString());
            return out;
        }
        List<String> ids = new ArrayList<>();
        for (List<String> row : eqp.rows()) {
            ids.add(row.get(0));
            String detail = row.get(3);
            if (detail.startsWith("text:BLOOM FILTER ON ") || detail.equals("text:CREATE BLOOM FILTER")) {
                continue;
            }
            out.add(ids.indexOf(row.get(1)) + " " + detail);
        }
        return out;
    }

    /**
     * The queries whose plans differ between the engines, each with both plans, one per line; with
     * {@code rows}, also those whose rows differ (in order). Empty when the engines agree on every query.
     */
    public static String differences(SqliteEngine sqlite, SkerryEngine skerry, String[] queries, boolean rows) {
        List<String> diffs = new ArrayList<>();
        for (String q : queries) {
            List<String> want = plan(sqlite, q);
            List<String> got = plan(skerry, q);
            if (!want.equals(got)) {
                diffs.add(q + "\n  SQLite: " + want + "\n  Skerry: " + got);
            }
            if (rows) {
                String w = sqlite.run(q).toString();
                String g = skerry.run(q).toString();
                if (!w.equals(g)) {
                    diffs.add(q + "\n  SQLite rows: " + w + "\n  Skerry rows: " + g);
                }
            }
        }
        return String.join("\n", diffs);
    }

    /**
     * Fresh in-memory databases of both engines given {@code schema} ({@link #load}), then
     * {@link #differences} of the plans of {@code queries}.
     */
    public static String differences(String schema, String[] queries) {
        try (SqliteEngine sqlite = new SqliteEngine(); SkerryEngine skerry = new SkerryEngine()) {
            load(sqlite, skerry, schema);
            return differences(sqlite, skerry, queries, false);
        }
    }
}
