package dev.skerry.engine.translate;

import static dev.skerry.testkit.RandomScripts.pick;

import dev.skerry.testkit.Differential;
import dev.skerry.testkit.RandomScripts;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The rows of queries whose plans the cost-based planner changes, against SQLite: joins of two to four
 * tables reordered by cost, automatic indexes on unindexed join columns (with affinities and collations
 * that differ between the joined columns, NULLs, partial-index terms, LEFT JOIN), IN subqueries and ORs of
 * equalities driving seeks, and join orders that meet ORDER BY. Seeded, so a failure names a reproducible
 * script.
 */
class PlannerResultsTest {
    private static final String[] VALUES = {"NULL", "0", "1", "2", "3", "-1", "1.5", "2.0", "'1'", "'2'", "'a'",
        "'A'", "'b'", "' 1'", "x'01'"};
    private static final String[] COLUMNS = {"t1.a", "t1.b", "t1.c", "t1.d", "t2.x", "t2.y", "t2.z", "t3.p",
        "t3.q", "t4.m", "t4.n"};
    private static final String SCHEMA = """
            create table t1(a integer primary key, b int, c text, d);
            create index t1b on t1(b);
            create table t2(x int, y text collate nocase, z);
            create index t2x on t2(x);
            create table t3(p, q text);
            create table t4(m real, n collate nocase, o);
            create index t4mn on t4(m, n);
            """;

    @Test
    void fixedQueries() {
        StringBuilder sb = new StringBuilder(SCHEMA);
        data(new Random(7), sb);
        sb.append("""
                select * from t3, t2 where t3.p = t2.y;
                select * from t3, t2 where t3.q = t2.z and t2.x > 0;
                select * from t3, t1 where t3.p = t1.d;
                select t1.a, t3.q from t1, t3 where t3.p = t1.d and t3.q = 'a';
                select * from t1 left join t3 on t3.p = t1.d;
                select * from t1 left join t3 on t3.p = t1.d and t3.q > '1';
                select * from t3, t4 where t3.p = t4.o and t4.n = 'a';
                select * from t1, t2, t3 where t1.d = t2.x and t3.p = t1.b;
                select * from t1, t3, t4 where t1.a = t3.p and t3.q = t4.m;
                select * from t2, t3 where t3.q = t2.y collate binary;
                select * from t2, t3 where t2.y = t3.q;
                select * from t2 where x = 1 or x = '2' or x = null;
                select * from t1 where a = 1 or a = 3 or 2 = a;
                select * from t2 where x in (select p from t3);
                select * from t2 where x = 1 or z = 2 or x = '1';
                select * from t2 where (x <= 2 or (y = 'a' and (z <= 1 or z > 2))) and x >= 1;
                select * from t1 where b = 1 or a = 2 or b > 2;
                select * from t1 where (b = 1 and c = 'a') or a in (2, 3, null) or a between 5 and 7;
                select * from t3, t1 where t3.q = '1' and (t1.b = t3.p or t1.a = t3.q);
                select t4.o from t4 where m = 1 or (m = 2 and n = 'A') or m = 1.5;
                select * from t1 where a in (select m from t4);
                select * from t4 where m in (select b from t1) and n = 'a';
                select * from t2 where y in (select q from t3);
                select * from t2, t3 where t2.x in (select b from t1) and t3.p = t2.z;
                select count(*), t3.q from t3, t2 where t3.p = t2.y group by t3.q;
                select * from t3, t2 where t3.p = t2.y order by t2.x, t3.q, t2.z, t3.p;
                select * from t1, t2 where t1.b = t2.x order by t1.a desc, t2.rowid;
                select t1.a, t2.rowid from t1, t2 where t1.a = t2.x order by t2.x desc, t2.rowid;
                select t4.m, t4.n, t3.rowid from t4, t3 where t4.m = t3.p order by t4.m, t4.n, t3.rowid;
                select t2.x, t3.rowid from t2, t3 where t3.p = t2.y order by t2.x, t3.rowid;
                """);
        Differential.assertSame(sb.toString());
    }

    @Test
    void randomJoins() {
        RandomScripts.assertSame(11, r -> {
            StringBuilder sb = new StringBuilder(SCHEMA);
            data(r, sb);
            for (int i = 0; i < 120; i++) {
                sb.append(query(r)).append(";\n");
            }
            return sb.toString();
        });
    }

    private static void data(Random r, StringBuilder sb) {
        for (int i = 0; i < 25; i++) {
            sb.append("insert into t1(b, c, d) values(").append(v(r)).append(", ").append(v(r)).append(", ")
                    .append(v(r)).append(");\n");
            sb.append("insert into t2 values(").append(v(r)).append(", ").append(v(r)).append(", ").append(v(r))
                    .append(");\n");
            sb.append("insert into t3 values(").append(v(r)).append(", ").append(v(r)).append(");\n");
            sb.append("insert into t4 values(").append(v(r)).append(", ").append(v(r)).append(", ").append(v(r))
                    .append(");\n");
        }
    }

    private static String v(Random r) {
        return pick(r, VALUES);
    }

    private static String query(Random r) {
        String[] tables = {"t1", "t2", "t3", "t4"};
        int n = 2 + r.nextInt(2);
        List<String> from = new java.util.ArrayList<>(List.of(tables));
        java.util.Collections.shuffle(from, r);
        from = from.subList(0, n);
        StringBuilder q = new StringBuilder("select * from ").append(String.join(", ", from)).append(" where ");
        for (int k = 1; k < n; k++) {
            q.append(k > 1 ? " and " : "").append(col(r, from.get(k))).append(" = ").append(col(r, from.get(r.nextInt(k))));
        }
        switch (r.nextInt(4)) {
            case 0:
                q.append(" and ").append(col(r, from.get(0))).append(" = ").append(v(r));
                break;
            case 1:
                String c = col(r, from.get(r.nextInt(n)));
                String c2 = r.nextBoolean() ? c : col(r, from.get(r.nextInt(n)));
                q.append(" and (").append(c).append(" = ").append(v(r)).append(" or ").append(c2).append(" = ")
                        .append(v(r)).append(')');
                break;
            case 2:
                q.append(" and ").append(col(r, from.get(r.nextInt(n)))).append(" in (select ")
                        .append(pick(r, COLUMNS).replace("t1.", "").replace("t2.", "")
                                .replace("t3.", "").replace("t4.", ""))
                        .append(" from ").append(tableOf(r)).append(')');
                break;
            default:
                break;
        }
        return q.toString();
    }

    private static String tableOf(Random r) {
        return new String[] {"t1", "t2", "t3", "t4"}[r.nextInt(4)];
    }

    private static String col(Random r, String table) {
        List<String> cs = new java.util.ArrayList<>();
        for (String c : COLUMNS) {
            if (c.startsWith(table + ".")) {
                cs.add(c);
            }
        }
        return cs.get(r.nextInt(cs.size()));
    }
}
