package dev.skerry.engine.translate;

import static dev.skerry.testkit.RandomScripts.pick;

import dev.skerry.testkit.RandomScripts;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random queries over random data of mixed storage classes, against SQLite: WHERE terms of every comparison
 * kind over indexed and unindexed columns of every affinity (so that index seeks meet affinity and collation
 * rules), aggregates with GROUP BY, inner and LEFT joins, IN and scalar subqueries. Seeded, so a failure
 * names a reproducible script.
 */
class RandomQueryTest {
    private static final String[] VALUES = {"NULL", "0", "1", "2", "3", "-1", "1.5", "2.0", "'1'", "'2'", "'a'",
        "'b'", "'B'", "'abc'", "' 1'", "x'01'", "'1.5'"};
    private static final String[] OPS = {"=", "<", "<=", ">", ">=", "<>", "IS", "IS NOT"};
    private static final String[] COLS1 = {"a", "b", "c", "d", "e"};
    private static final String[] COLS2 = {"x", "y", "z"};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void agreesWithSqlite(long seed) {
        RandomScripts.assertSame(seed, r -> script(r, 150));
    }

    static String script(Random r, int queries) {
        StringBuilder sb = new StringBuilder();
        sb.append("create table t1(a integer primary key, b int, c text, d real, e);\n")
                .append("create index t1b on t1(b);\ncreate index t1cb on t1(c, b);\ncreate index t1d on t1(d desc);\n")
                .append("create table t2(x int, y text collate nocase, z);\n")
                .append("create index t2x on t2(x);\ncreate index t2y on t2(y);\n");
        for (int i = 0; i < 40; i++) {
            sb.append("insert into t1(b, c, d, e) values(").append(v(r)).append(", ").append(v(r)).append(", ")
                    .append(v(r)).append(", ").append(v(r)).append(");\n");
        }
        for (int i = 0; i < 30; i++) {
            sb.append("insert into t2 values(").append(v(r)).append(", ").append(v(r)).append(", ").append(v(r))
                    .append(");\n");
        }
        for (int i = 0; i < queries; i++) {
            sb.append(query(r)).append(";\n");
        }
        return sb.toString();
    }

    private static String v(Random r) {
        return pick(r, VALUES);
    }

    private static String term(Random r, String[] cols) {
        String c = pick(r, cols);
        double k = r.nextDouble();
        if (k < 0.5) {
            return c + " " + pick(r, OPS) + " " + v(r);
        }
        if (k < 0.65) {
            return c + " BETWEEN " + v(r) + " AND " + v(r);
        }
        if (k < 0.8) {
            StringBuilder sb = new StringBuilder(c).append(" IN (").append(v(r));
            for (int n = r.nextInt(3); n > 0; n--) {
                sb.append(", ").append(v(r));
            }
            return sb.append(')').toString();
        }
        if (k < 0.9) {
            return c + " IS NULL";
        }
        return c + " " + pick(r, OPS) + " " + pick(r, cols);
    }

    private static String where(Random r, String[] cols) {
        String t = term(r, cols);
        for (int n = r.nextInt(3); n > 0; n--) {
            t = t + (r.nextInt(3) == 0 ? " OR " : " AND ") + term(r, cols);
        }
        return t;
    }

    private static String query(Random r) {
        double k = r.nextDouble();
        if (k < 0.4) {
            StringBuilder sel = new StringBuilder();
            int n = 1 + r.nextInt(5);
            for (int i = 0; i < n; i++) {
                sel.append(i > 0 ? ", " : "").append(pick(r, COLS1));
            }
            String q = "select " + sel + " from t1 where " + where(r, COLS1);
            if (r.nextBoolean()) {
                q += " order by a, b, c, d, e";
                if (r.nextInt(3) == 0) {
                    q += " limit " + r.nextInt(6);
                }
            }
            return q;
        }
        if (k < 0.55) {
            String g = pick(r, new String[] {"b", "c", "d"});
            return "select " + g + ", count(*), sum(a), min(d), max(c), total(a) from t1 where " + where(r, COLS1)
                    + " group by " + g + " order by 1";
        }
        if (k < 0.7) {
            return "select t1.a, t2.x, t2.y from t1 join t2 on t1.b = t2.x where " + where(r, COLS1)
                    + " order by 1, 2, 3";
        }
        if (k < 0.8) {
            return "select t1.a, t2.x, t2.y, t2.z from t1 left join t2 on t1." + pick(r, COLS1) + " = t2."
                    + pick(r, COLS2) + " where " + where(r, COLS1);
        }
        if (k < 0.9) {
            return "select * from t2 where " + where(r, COLS2);
        }
        return "select a from t1 where b in (select x from t2 where " + where(r, COLS2)
                + ") or c = (select max(y) from t2)";
    }
}
