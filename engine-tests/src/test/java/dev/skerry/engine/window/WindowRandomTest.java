package dev.skerry.engine.window;

import static dev.skerry.testkit.RandomScripts.pick;

import dev.skerry.testkit.RandomScripts;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random window queries over random tables, against SQLite: every window function, PARTITION BY and ORDER BY
 * over columns with ties, NULLs and mixed storage classes, ROWS/RANGE/GROUPS frames with every kind of bound
 * and EXCLUDE, FILTER, several windows in one SELECT, windows over GROUP BY. Seeded, so a failure names a
 * reproducible script.
 */
class WindowRandomTest {
    private static final String[] INTS = {"NULL", "0", "1", "2", "3", "-1", "5", "10"};
    private static final String[] MIXED = {"NULL", "0", "1", "2", "1.5", "-2.5", "'a'", "'b'", "'B'", "'1'", "x'01'"};
    private static final String[] TEXTS = {"NULL", "'p'", "'q'", "'r'", "'Q'"};
    private static final String[] ORDER_COLUMNS = {"a", "b", "c", "d", "id", "a + b", "c collate nocase"};
    private static final String[] NUMERIC_COLUMNS = {"a", "b", "id"};
    private static final String[] PARTITIONS = {"c", "a % 2", "d", "c collate nocase"};
    private static final String[] ARGS = {"a", "b", "c", "d", "id"};
    private static final String[] BOUNDS = {"unbounded preceding", "N preceding", "current row", "N following",
        "unbounded following"};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void agreesWithSqlite(long seed) {
        RandomScripts.assertSame(seed, r -> script(r, 150));
    }

    static String script(Random r, int queries) {
        StringBuilder sb = new StringBuilder("create table t(id integer primary key, a int, b real, c text, d);\n");
        int rows = 5 + r.nextInt(30);
        for (int i = 0; i < rows; i++) {
            sb.append("insert into t(a, b, c, d) values(").append(pick(r, INTS)).append(", ")
                    .append(r.nextInt(4) == 0 ? "NULL" : String.valueOf(r.nextInt(8) / 2.0)).append(", ")
                    .append(pick(r, TEXTS)).append(", ").append(pick(r, MIXED)).append(");\n");
        }
        for (int i = 0; i < queries; i++) {
            sb.append(query(r)).append(";\n");
        }
        return sb.toString();
    }

    private static String query(Random r) {
        if (r.nextInt(8) == 0) {
            return grouped(r);
        }
        StringBuilder sb = new StringBuilder("select id");
        int n = 1 + r.nextInt(3);
        String shared = r.nextBoolean() ? window(r) : null;
        for (int k = 0; k < n; k++) {
            sb.append(", ").append(function(r)).append(" over ");
            sb.append(shared != null && r.nextBoolean() ? "w" : "(" + window(r) + ")");
        }
        sb.append(" from t");
        if (r.nextInt(4) == 0) {
            sb.append(" where a is not ").append(pick(r, INTS));
        }
        if (shared != null) {
            sb.append(" window w as (").append(shared).append(")");
        }
        if (r.nextInt(3) > 0) {
            sb.append(" order by id");
        }
        return sb.toString();
    }

    private static String grouped(Random r) {
        String agg = pick(r, new String[] {"count(*)", "sum(a)", "max(b)", "group_concat(id)"});
        return "select c, " + agg + ", " + pick(r, new String[] {"rank()", "row_number()", "sum(count(*))",
            "lag(" + agg + ")", "first_value(max(id))", "cume_dist()"}) + " over (order by " + agg
                + (r.nextBoolean() ? " desc" : "") + ", c) from t group by c order by c";
    }

    private static String function(Random r) {
        String x = pick(r, ARGS);
        switch (r.nextInt(17)) {
            case 0: return "row_number()";
            case 1: return "rank()";
            case 2: return "dense_rank()";
            case 3: return "percent_rank()";
            case 4: return "cume_dist()";
            case 5: return "ntile(" + (1 + r.nextInt(5)) + ")";
            case 6: return "lag(" + x + (r.nextBoolean() ? ", " + r.nextInt(3) + (r.nextBoolean() ? ", -1" : "") : "") + ")";
            case 7: return "lead(" + x + (r.nextBoolean() ? ", " + r.nextInt(3) + (r.nextBoolean() ? ", 'z'" : "") : "") + ")";
            case 8: return "first_value(" + x + ")";
            case 9: return "last_value(" + x + ")";
            case 10: return "nth_value(" + x + ", " + (1 + r.nextInt(3)) + ")";
            case 11: return "count(*)" + filter(r);
            case 12: return "count(" + x + ")" + filter(r);
            case 13: return pick(r, new String[] {"sum", "total", "avg"}) + "(" + pick(r, new String[] {"a", "b", "id"})
                    + ")" + filter(r);
            case 14: return pick(r, new String[] {"min", "max"}) + "(" + x + ")" + filter(r);
            case 15: return "group_concat(" + x + (r.nextBoolean() ? ", '.'" : "") + ")" + filter(r);
            default: return "string_agg(" + x + ", '|')" + filter(r);
        }
    }

    private static String filter(Random r) {
        return r.nextInt(4) == 0 ? " filter (where " + pick(r, new String[] {"a > 1", "c = 'p'", "b is null", "id % 2"})
                + ")" : "";
    }

    private static String window(Random r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(3) == 0) {
            sb.append("partition by ").append(pick(r, PARTITIONS));
        }
        int nOrder = r.nextInt(3);
        boolean numericOrder = false;
        if (nOrder > 0) {
            sb.append(sb.length() > 0 ? " " : "").append("order by ");
            for (int k = 0; k < nOrder; k++) {
                String col = nOrder == 1 && r.nextBoolean() ? pick(r, NUMERIC_COLUMNS) : pick(r, ORDER_COLUMNS);
                numericOrder = nOrder == 1;
                sb.append(k > 0 ? ", " : "").append(col).append(r.nextBoolean() ? " desc" : "");
            }
        }
        if (r.nextInt(3) > 0) {
            sb.append(sb.length() > 0 ? " " : "").append(frame(r, numericOrder));
        }
        return sb.toString();
    }

    private static String frame(Random r, boolean rangeOffsets) {
        String unit = pick(r, new String[] {"rows", "range", "groups"});
        int s = r.nextInt(4);
        int e = s + r.nextInt(5 - s);
        if (s == 0 && e == 0) {
            e = 2;
        }
        if (s == 3 && e == 3 && r.nextBoolean()) {
            e = 4;
        }
        String start = bound(r, s);
        String end = bound(r, e);
        if (unit.equals("range") && !rangeOffsets) {
            start = start.contains("N") || start.matches(".*\\d.*") ? "unbounded preceding" : start;
            end = end.matches(".*\\d.*") ? "current row" : end;
        }
        String frame = unit + (r.nextInt(5) == 0 && e == 2 ? " " + start : " between " + start + " and " + end);
        if (r.nextInt(3) == 0) {
            frame += " exclude " + pick(r, new String[] {"no others", "current row", "group", "ties"});
        }
        return frame;
    }

    private static String bound(Random r, int kind) {
        return BOUNDS[kind].replace("N", String.valueOf(r.nextInt(3)) + (r.nextInt(5) == 0 ? ".5" : ""));
    }
}
