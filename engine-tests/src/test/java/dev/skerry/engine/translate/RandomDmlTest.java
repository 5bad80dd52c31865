package dev.skerry.engine.translate;

import static dev.skerry.testkit.RandomScripts.pick;

import dev.skerry.testkit.RandomScripts;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random INSERT, UPDATE, DELETE and INSERT ... SELECT with every OR clause except FAIL (see the report of
 * OE_FAIL in autocommit mode) against SQLite, on tables with a rowid alias, UNIQUE constraints (one ON
 * CONFLICT REPLACE), a NOCASE column, a NOT NULL default, a CHECK and secondary indexes; table contents are
 * read back through the indexes and in rowid order after the changes, so a missed index update shows.
 */
class RandomDmlTest {
    private static final String[] VALUES = {"NULL", "0", "1", "2", "3", "-1", "1.5", "2.0", "'1'", "'2'", "'a'",
        "'b'", "'B'", "' 1'"};
    private static final String[] COLS = {"a", "b", "c", "d", "e"};
    private static final String[] OR = {"", "", "or ignore ", "or replace ", "or abort ", "or rollback "};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void agreesWithSqlite(long seed) {
        RandomScripts.assertSame(seed, r -> script(r, 250));
    }

    private static String v(Random r) {
        return pick(r, VALUES);
    }

    static String script(Random r, int statements) {
        StringBuilder sb = new StringBuilder();
        sb.append("create table t(a integer primary key, b int unique, c text collate nocase, ")
                .append("d not null default 7, e real, unique(c, e));\n")
                .append("create index tb on t(e, b);\n")
                .append("create table u(x, y unique on conflict replace, z check(z <> 'bad'));\n")
                .append("create index ux on u(x);\n");
        for (int i = 0; i < statements; i++) {
            double k = r.nextDouble();
            String or = pick(r, OR);
            if (k < 0.35) {
                int n = 1 + r.nextInt(5);
                StringBuilder cols = new StringBuilder();
                StringBuilder vals = new StringBuilder();
                boolean[] used = new boolean[COLS.length];
                for (int j = 0; j < n; j++) {
                    int c = r.nextInt(COLS.length);
                    if (used[c]) {
                        continue;
                    }
                    used[c] = true;
                    cols.append(cols.length() > 0 ? ", " : "").append(COLS[c]);
                    vals.append(vals.length() > 0 ? ", " : "").append(v(r));
                }
                sb.append("insert ").append(or).append("into t(").append(cols).append(") values(").append(vals)
                        .append(");\n");
            } else if (k < 0.45) {
                sb.append("insert ").append(or).append("into u values(").append(v(r)).append(", ").append(v(r))
                        .append(", ").append(r.nextInt(5) == 0 ? "'bad'" : v(r)).append(");\n");
            } else if (k < 0.6) {
                String c = pick(r, COLS);
                String value = pick(r, new String[] {v(r), c + " + 1", "a"});
                sb.append("update ").append(or).append("t set ").append(c).append(" = ").append(value)
                        .append(" where ").append(pick(r, COLS)).append(pick(r, new String[] {" = ", " < ", " > "}))
                        .append(v(r)).append(";\n");
            } else if (k < 0.65) {
                sb.append("update ").append(or).append("u set y = ").append(v(r)).append(" where x = ").append(v(r))
                        .append(";\n");
            } else if (k < 0.72) {
                sb.append("delete from t where ").append(pick(r, COLS))
                        .append(pick(r, new String[] {" = ", " < ", " > ", " <> "})).append(v(r)).append(";\n");
            } else if (k < 0.75) {
                sb.append("insert ").append(or).append("into t(b, c, e) select x, y, z from u;\n");
            } else {
                sb.append(pick(r, new String[] {"select * from t order by a", "select * from u order by rowid",
                    "select b, a from t where b is not null order by b, a",
                    "select c, e, a from t where c = " + v(r) + " order by 1, 2, 3",
                    "select e, b, a from t where e > " + v(r) + " order by 1, 2, 3",
                    "select x, y from u where x = " + v(r) + " order by rowid",
                    "select count(*), count(b), count(c), sum(a) from t", "select changes()"})).append(";\n");
            }
        }
        sb.append("select * from t order by a;\nselect * from u order by rowid;\n");
        return sb.toString();
    }
}
