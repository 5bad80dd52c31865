package dev.skerry.engine.sql;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.testkit.Differential;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random INSERTs (every conflict clause, upserts), UPDATEs (of PRIMARY KEY columns too), DELETEs and
 * SELECTs (PRIMARY KEY prefixes, ranges, ORDER BY, secondary indexes) on WITHOUT ROWID tables against
 * SQLite: a composite PRIMARY KEY with a DESC NOCASE column, a UNIQUE column and secondary indexes, and an
 * INTEGER PRIMARY KEY table. Every statement's outcome and every query's rows must be SQLite's, and
 * integrity_check must stay ok.
 */
class WithoutRowidRandomSqlTest {
    private static final String[] CONFLICT = {"", "or ignore ", "or replace ", "or abort ", "or fail ", "or rollback "};

    @Test
    void randomOperationsMatchSqlite() {
        for (long seed = 1; seed <= 12; seed++) {
            String script = script(new Random(seed), 160);
            List<String> diffs = Differential.check(script);
            assertTrue(diffs.isEmpty(), "seed " + seed + ": " + diffs.size() + " difference(s):\n"
                    + String.join("\n", diffs.subList(0, Math.min(5, diffs.size()))));
        }
    }

    private static String text(Random r) {
        String[] s = {"a", "A", "b", "B", "c", "abc", "ABC", "z"};
        return "'" + s[r.nextInt(s.length)] + "'";
    }

    private static String value(Random r) {
        switch (r.nextInt(5)) {
            case 0: return String.valueOf(r.nextInt(10));
            case 1: return text(r);
            case 2: return r.nextInt(10) + ".5";
            case 3: return "null";
            default: return String.valueOf(r.nextInt(4));
        }
    }

    private static String script(Random r, int steps) {
        StringBuilder sb = new StringBuilder();
        sb.append("create table t(a int, b text collate nocase, c, d unique, primary key(a, b desc)) without rowid;\n");
        sb.append("create index tc on t(c);\n");
        sb.append("create index tcb on t(c, b);\n");
        sb.append("create table w(k integer primary key, v, x) without rowid;\n");
        sb.append("create index wv on w(v, x);\n");
        for (int step = 0; step < steps; step++) {
            int op = r.nextInt(14);
            String conflict = CONFLICT[r.nextInt(CONFLICT.length)];
            switch (op) {
                case 0:
                case 1:
                case 2:
                    sb.append("insert ").append(conflict).append("into t values(").append(r.nextInt(6)).append(", ")
                            .append(text(r)).append(", ").append(value(r)).append(", ").append(r.nextInt(3) == 0 ? value(r) : "null")
                            .append(r.nextBoolean() ? "), (" + r.nextInt(6) + ", " + text(r) + ", " + value(r) + ", null" : "")
                            .append(");\n");
                    break;
                case 3:
                    sb.append("insert into t values(").append(r.nextInt(6)).append(", ").append(text(r)).append(", ")
                            .append(value(r)).append(", null) on conflict(a, b) do update set c = excluded.c || '+'")
                            .append(r.nextBoolean() ? ", a = a + 10" : "").append(";\n");
                    break;
                case 4:
                    sb.append("update ").append(conflict).append("t set ")
                            .append(r.nextBoolean() ? "a = a + " + (r.nextInt(3) - 1) : "b = " + text(r))
                            .append(", c = ").append(value(r)).append(" where ")
                            .append(r.nextBoolean() ? "a = " + r.nextInt(6) : "c = " + value(r)).append(";\n");
                    break;
                case 5:
                    // On the PRIMARY KEY's order: SQLite may walk a multi-row UPDATE through a secondary index
                    // (see COMPAT.md), and which row meets a conflict first depends on that order.
                    sb.append("update ").append(conflict).append("t set d = ").append(value(r)).append(" where a = ")
                            .append(r.nextInt(6)).append(" and b >= ").append(text(r)).append(";\n");
                    break;
                case 6:
                    sb.append("delete from t where ").append(r.nextBoolean() ? "a > " + r.nextInt(6)
                            : "c = " + value(r) + " or b = " + text(r)).append(";\n");
                    break;
                case 7:
                    sb.append("insert ").append(conflict).append("into w values(").append(r.nextInt(20)).append(", ")
                            .append(value(r)).append(", ").append(value(r)).append(");\n");
                    break;
                case 8:
                    sb.append("update ").append(conflict).append("w set k = k + ").append(r.nextInt(5))
                            .append(" where v = ").append(value(r)).append(";\n");
                    break;
                case 9:
                    sb.append("delete from w where k between ").append(r.nextInt(10)).append(" and ")
                            .append(r.nextInt(20)).append(";\n");
                    break;
                case 10:
                    sb.append("select * from t where a = ").append(r.nextInt(6))
                            .append(r.nextBoolean() ? " and b >= " + text(r) : "").append(" order by a, b desc;\n");
                    break;
                case 11:
                    sb.append("select a, b, c from t where c ").append(r.nextBoolean() ? "= " : "> ").append(value(r))
                            .append(" order by c, b desc, a;\n");
                    break;
                case 12:
                    sb.append("select * from w where k ").append(r.nextBoolean() ? ">" : "<").append(' ')
                            .append(r.nextInt(20)).append(" order by k").append(r.nextBoolean() ? " desc" : "").append(";\n");
                    break;
                default:
                    sb.append("select k, v, x from w where v = ").append(value(r)).append(" order by k;\n");
                    break;
            }
        }
        sb.append("select * from t order by a, b desc;\n");
        sb.append("select * from w order by k;\n");
        sb.append("pragma integrity_check;\n");
        return sb.toString();
    }
}
