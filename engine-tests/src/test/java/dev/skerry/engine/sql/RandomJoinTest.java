package dev.skerry.engine.sql;

import static dev.skerry.testkit.RandomScripts.pick;

import dev.skerry.testkit.RandomScripts;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random joins against SQLite: two to four tables of random rows with NULLs (some indexed, one with a
 * rowid alias, one a subquery in FROM), joined by random kinds (INNER, LEFT, RIGHT, FULL, CROSS, comma,
 * NATURAL and USING among them) with random ON terms, random WHERE terms, sometimes an aggregate, an ORDER BY
 * over every output column or DISTINCT. A failure names the seed and the statement.
 */
class RandomJoinTest {
    private static final String[] KINDS = {"JOIN", "LEFT JOIN", "RIGHT JOIN", "FULL JOIN", "CROSS JOIN", ",",
        "FULL OUTER JOIN", "RIGHT JOIN", "LEFT JOIN"};
    private static final String[] VALUES = {"NULL", "NULL", "1", "2", "3", "4", "'1'", "'a'", "2.5"};
    private static final String[] OPS = {"=", "=", "=", "<", ">=", "<>", "IS", "IS NOT"};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13, 14})
    void agreesWithSqlite(long seed) {
        RandomScripts.assertSame(seed, r -> script(r, 100));
    }

    static String script(Random r, int queries) {
        StringBuilder sb = new StringBuilder();
        sb.append("create table t1(a, b);\n")
                .append("create table t2(a integer primary key, c);\n")
                .append("create table t3(a int, d text);\ncreate index t3a on t3(a);\n")
                .append("create table t4(b, d);\ncreate index t4bd on t4(b, d);\n");
        String[][] cols = {{"a", "b"}, {"a", "c"}, {"a", "d"}, {"b", "d"}, {"a", "c"}};
        for (int t = 0; t < 4; t++) {
            int rows = r.nextInt(7);
            for (int i = 0; i < rows; i++) {
                String first = t == 1 ? String.valueOf(i + 1 + r.nextInt(3)) : v(r);
                sb.append("insert or ignore into t").append(t + 1).append(" values(").append(first).append(", ")
                        .append(v(r)).append(");\n");
            }
        }
        for (int i = 0; i < queries; i++) {
            sb.append(query(r, cols)).append(";\n");
        }
        return sb.toString();
    }

    /** Table {@code t}: t1..t4, or a subquery in FROM over t2 and t3. */
    private static String table(int t) {
        return t == 4 ? "(SELECT t2.a AS a, t3.d AS c FROM t2 LEFT JOIN t3 ON t3.a = t2.c)" : "t" + (t + 1);
    }

    private static String v(Random r) {
        return pick(r, VALUES);
    }

    private static String query(Random r, String[][] cols) {
        int n = 2 + r.nextInt(3);
        int[] tables = new int[n];
        for (int k = 0; k < n; k++) {
            tables[k] = r.nextInt(5);
        }
        StringBuilder from = new StringBuilder();
        from.append(table(tables[0])).append(" AS s0");
        for (int k = 1; k < n; k++) {
            String kind = pick(r, KINDS);
            boolean using = !kind.equals(",") && !kind.equals("CROSS JOIN") && r.nextInt(6) == 0;
            boolean natural = !using && !kind.equals(",") && !kind.equals("CROSS JOIN") && r.nextInt(10) == 0;
            from.append(natural ? " NATURAL " : " ").append(kind).append(" ").append(table(tables[k]))
                    .append(" AS s").append(k);
            if (using) {
                String c = cols[tables[k]][r.nextInt(2)];
                boolean inLeft = false;
                for (int j = 0; j < k; j++) {
                    inLeft |= cols[tables[j]][0].equals(c) || cols[tables[j]][1].equals(c);
                }
                from.append(inLeft ? " USING (" + c + ")" : " ON 1");
            } else if (!natural && !kind.equals(",") && !kind.equals("CROSS JOIN")) {
                from.append(" ON ").append(term(r, tables, cols, k + 1, k));
                if (r.nextInt(3) == 0) {
                    from.append(" AND ").append(term(r, tables, cols, k + 1, -1));
                }
            }
        }
        StringBuilder where = new StringBuilder();
        int nWhere = r.nextInt(3);
        for (int k = 0; k < nWhere; k++) {
            where.append(k == 0 ? " WHERE " : r.nextBoolean() ? " AND " : " OR ").append(term(r, tables, cols, n, -1));
        }
        int shape = r.nextInt(6);
        if (shape == 0) {
            return "SELECT count(*), count(" + col(r, tables, cols, n) + "), max(" + col(r, tables, cols, n) + ") FROM "
                    + from + where;
        }
        if (shape == 1) {
            String g = col(r, tables, cols, n);
            return "SELECT " + g + ", count(*), sum(" + col(r, tables, cols, n) + ") FROM " + from + where
                    + " GROUP BY " + g;
        }
        if (shape == 2) {
            return "SELECT DISTINCT " + col(r, tables, cols, n) + " FROM " + from + where;
        }
        if (shape == 3) {
            StringBuilder sel = new StringBuilder();
            for (int k = 0; k < n; k++) {
                sel.append(k == 0 ? "" : ", ").append("s").append(k).append(".*");
            }
            return "SELECT " + sel + " FROM " + from + where + " ORDER BY " + orderAll(n, cols, tables);
        }
        return "SELECT * FROM " + from + where;
    }

    private static String orderAll(int n, String[][] cols, int[] tables) {
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < 2 * n; k++) {
            sb.append(k == 0 ? "" : ", ").append(k + 1);
        }
        return sb.toString();
    }

    private static String col(Random r, int[] tables, String[][] cols, int n) {
        int k = r.nextInt(n);
        return "s" + k + "." + cols[tables[k]][r.nextInt(2)];
    }

    /** A comparison of columns of the first {@code n} sources, using source {@code must} when it is not -1. */
    private static String term(Random r, int[] tables, String[][] cols, int n, int must) {
        String left = must >= 0 ? "s" + must + "." + cols[tables[must]][r.nextInt(2)] : col(r, tables, cols, n);
        String right = r.nextInt(3) == 0 ? v(r) : col(r, tables, cols, n);
        int shape = r.nextInt(8);
        if (shape == 0) {
            return left + " IS NULL";
        }
        if (shape == 1) {
            return "coalesce(" + left + ", 0) = " + right;
        }
        return left + " " + pick(r, OPS) + " " + right;
    }
}
