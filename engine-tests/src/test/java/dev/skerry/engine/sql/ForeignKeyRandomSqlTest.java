package dev.skerry.engine.sql;

import dev.skerry.testkit.RandomScripts;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random parent/child operations against SQLite: a parent table with a rowid key and a UNIQUE text
 * key, a child table for each action (CASCADE, SET NULL, SET DEFAULT, RESTRICT, NO ACTION) on each key, a
 * self-referencing table, a DEFERRABLE INITIALLY DEFERRED child and a grandchild chain; random INSERTs (some
 * with NULL, text or missing keys, some multi-row), UPDATEs and DELETEs of parents and children, INSERT OR
 * REPLACE, transactions with COMMIT and ROLLBACK. Every statement's outcome (error or not, code and message)
 * and the final contents of every table must be SQLite's.
 */
class ForeignKeyRandomSqlTest {
    private static final String[] ACTIONS = {"CASCADE", "SET NULL", "SET DEFAULT", "RESTRICT", "NO ACTION"};

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void randomOperationsMatchSqlite(long seed) {
        RandomScripts.assertSame(seed, r -> script(r, 150));
    }

    private static String script(Random r, int steps) {
        StringBuilder sb = new StringBuilder();
        sb.append("pragma foreign_keys = on;\n");
        sb.append("create table p(id integer primary key, k text unique, v);\n");
        for (int a = 0; a < ACTIONS.length; a++) {
            String act = ACTIONS[a];
            sb.append("create table ci").append(a).append("(x default 1 references p(id) on delete ").append(act)
                    .append(" on update ").append(act).append(", y);\n");
            sb.append("create table ck").append(a).append("(x default 'k1' references p(k) on delete ").append(act)
                    .append(" on update ").append(act).append(", y);\n");
        }
        sb.append("create table s(id integer primary key, up references s on delete cascade on update cascade);\n");
        sb.append("create table d(x references p deferrable initially deferred);\n");
        sb.append("create table g(x references ci0(y) on delete cascade);\n");
        sb.append("create unique index ci0y on ci0(y);\n");
        for (int i = 1; i <= 5; i++) {
            sb.append("insert into p values(").append(i).append(", 'k").append(i).append("', ").append(i).append(");\n");
        }
        boolean inTxn = false;
        int y = 0;
        for (int step = 0; step < steps; step++) {
            int op = r.nextInt(16);
            String child = (r.nextBoolean() ? "ci" : "ck") + r.nextInt(ACTIONS.length);
            switch (op) {
                case 0:
                case 1:
                    sb.append("insert into p values(").append(key(r)).append(", 'k").append(r.nextInt(8))
                            .append("', ").append(r.nextInt(100)).append(");\n");
                    break;
                case 2:
                case 3:
                    sb.append("insert into ").append(child).append(" values(").append(childKey(r, child)).append(", ")
                            .append(++y).append(")");
                    if (r.nextInt(3) == 0) {
                        sb.append(", (").append(childKey(r, child)).append(", ").append(++y).append(")");
                    }
                    sb.append(";\n");
                    break;
                case 4:
                    sb.append("delete from p where id = ").append(1 + r.nextInt(8)).append(";\n");
                    break;
                case 5:
                    sb.append("update p set id = ").append(1 + r.nextInt(8)).append(" where id = ")
                            .append(1 + r.nextInt(8)).append(";\n");
                    break;
                case 6:
                    sb.append("update p set k = 'k").append(r.nextInt(8)).append("' where id = ")
                            .append(1 + r.nextInt(8)).append(";\n");
                    break;
                case 7:
                    sb.append("update ").append(child).append(" set x = ").append(childKey(r, child))
                            .append(" where y % 3 = ").append(r.nextInt(3)).append(";\n");
                    break;
                case 8:
                    sb.append("delete from ").append(child).append(" where y % 4 = ").append(r.nextInt(4))
                            .append(";\n");
                    break;
                case 9:
                    sb.append("insert or replace into p values(").append(1 + r.nextInt(8)).append(", 'k")
                            .append(r.nextInt(8)).append("', 0);\n");
                    break;
                case 10:
                    sb.append("insert into s values(").append(1 + r.nextInt(10)).append(", ")
                            .append(r.nextInt(4) == 0 ? "null" : String.valueOf(1 + r.nextInt(10))).append(");\n");
                    break;
                case 11:
                    sb.append(r.nextBoolean() ? "delete from s where id = " + (1 + r.nextInt(10))
                            : "update s set id = id + 10 where id = " + (1 + r.nextInt(10))).append(";\n");
                    break;
                case 12:
                    sb.append("insert into d values(").append(1 + r.nextInt(9)).append(");\n");
                    break;
                case 13:
                    sb.append("insert into g values(").append(1 + r.nextInt(Math.max(1, y))).append(");\n");
                    break;
                case 14:
                    sb.append(r.nextBoolean() ? "delete from d where x > " + r.nextInt(9)
                            : "delete from p where v > " + r.nextInt(100)).append(";\n");
                    break;
                default:
                    if (!inTxn) {
                        sb.append("begin;\n");
                    } else {
                        sb.append(r.nextInt(3) == 0 ? "rollback;\n" : "commit;\n");
                    }
                    inTxn = !inTxn;
            }
        }
        if (inTxn) {
            sb.append("commit;\nrollback;\n");
        }
        for (String t : new String[] {"p", "s", "d", "g"}) {
            sb.append("select * from ").append(t).append(" order by rowid;\n");
        }
        for (int a = 0; a < ACTIONS.length; a++) {
            sb.append("select * from ci").append(a).append(" order by rowid;\n");
            sb.append("select * from ck").append(a).append(" order by rowid;\n");
        }
        return sb.toString();
    }

    private static String key(Random r) {
        return String.valueOf(1 + r.nextInt(8));
    }

    private static String childKey(Random r, String child) {
        int k = r.nextInt(10);
        if (k == 0) {
            return "null";
        }
        if (child.startsWith("ck")) {
            return "'k" + (1 + r.nextInt(8)) + "'";
        }
        return k == 1 ? "'" + (1 + r.nextInt(8)) + "'" : String.valueOf(1 + r.nextInt(8));
    }
}
