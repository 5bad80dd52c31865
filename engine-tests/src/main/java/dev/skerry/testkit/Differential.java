package dev.skerry.testkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Runs the same SQL script through Skerry and through SQLite (sqlite-jdbc), statement by statement, and
 * reports every difference: in column names, in rows (values with their storage classes), in error-or-not,
 * and in the error's result code and message.
 *
 * <p>Rows of a statement without ORDER BY are compared as a multiset, since SQL leaves their order open;
 * with ORDER BY, in order. Use: {@code Differential.check(script)} returns the list of differences (empty
 * when the engines agree); {@link #assertSame} throws an AssertionError listing them.
 */
public final class Differential {
    private Differential() {
    }

    /** The differences between Skerry and SQLite on {@code script}; each names the statement. */
    public static List<String> check(String script) {
        List<String> diffs = new ArrayList<>();
        try (SqliteEngine sqlite = new SqliteEngine(); SkerryEngine skerry = new SkerryEngine()) {
            for (String sql : ScriptSplitter.split(script)) {
                Outcome want = sqlite.run(sql);
                Outcome got;
                try {
                    got = skerry.run(sql);
                } catch (RuntimeException e) {
                    diffs.add(sql + "\n  SQLite: " + want + "\n  Skerry threw " + e);
                    continue;
                }
                boolean ordered = sql.toLowerCase().contains("order by");
                if (!same(want, got, ordered)) {
                    diffs.add(sql + "\n  SQLite: " + want + "\n  Skerry: " + got);
                }
            }
        }
        return diffs;
    }

    /**
     * For what sqlite-jdbc's SQLite lacks (such as generate_series): each line is either a statement both
     * engines run, or {@code skerrySql ### sqliteSql}, an equivalent query for SQLite whose outcome Skerry's
     * must equal: wholly, or with {@code rowsOnly} in its rows alone (where the equivalent query cannot name
     * its columns as the other does). Returns the differences, each naming both statements.
     */
    public static List<String> checkEquivalents(String[] lines, boolean rowsOnly) {
        List<String> diffs = new ArrayList<>();
        try (SqliteEngine sqlite = new SqliteEngine(); SkerryEngine skerry = new SkerryEngine()) {
            for (String line : lines) {
                String[] pair = line.split(" ### ");
                if (pair.length == 1) {
                    sqlite.run(pair[0]);
                    skerry.run(pair[0]);
                    continue;
                }
                Outcome want = sqlite.run(pair[1]);
                Outcome got = skerry.run(pair[0]);
                if (rowsOnly ? !want.rows().equals(got.rows()) : !want.equals(got)) {
                    diffs.add(pair[0] + "\n  SQLite (" + pair[1] + "): " + want + "\n  Skerry: " + got);
                }
            }
        }
        return diffs;
    }

    /** Throws an AssertionError listing the differences, if any. */
    public static void assertSame(String script) {
        List<String> diffs = check(script);
        if (!diffs.isEmpty()) {
            throw new AssertionError(diffs.size() + " difference(s):\n" + String.join("\n", diffs));
        }
    }

    private static boolean same(Outcome want, Outcome got, boolean ordered) {
        if (want.isError() || got.isError() || ordered) {
            return want.equals(got);
        }
        if (!want.columns().equals(got.columns()) || want.rows().size() != got.rows().size()) {
            return false;
        }
        List<String> a = flatten(want.rows());
        List<String> b = flatten(got.rows());
        Collections.sort(a);
        Collections.sort(b);
        return a.equals(b);
    }

    private static List<String> flatten(List<List<String>> rows) {
        List<String> out = new ArrayList<>();
        for (List<String> r : rows) {
            out.add(String.join("\u0001", r));
        }
        return out;
    }
}
