package dev.skerry.engine.sql;

import dev.skerry.testkit.Differential;
import org.junit.jupiter.api.Test;

/**
 * Redundant parentheses nested 1,000, 10,000 and 100,000 deep, around a literal, an operand and a whole
 * expression, mixed with row values and operators between the levels, against SQLite (whose parser stack
 * grows on the heap: it takes them all, and they add no height to the expression).
 */
class ParenthesesNestingSqlTest {
    @Test
    void anyNumberOfRedundantParentheses() {
        StringBuilder sql = new StringBuilder("create table t(a, b);\ninsert into t values(1, 2), (3, 4);\n");
        for (int n : new int[] {2, 1000, 10_000, 100_000}) {
            String open = "(".repeat(n);
            String close = ")".repeat(n);
            sql.append("select ").append(open).append("1").append(close).append(";\n");
            sql.append("select 1 + ").append(open).append("2").append(close).append(" + 3;\n");
            sql.append("select ").append(open).append("1 + 2").append(close).append(" * 2;\n");
            sql.append("select a from t where ").append(open).append("a").append(close).append(" > 1;\n");
            sql.append("select ").append(open).append("(a, b)").append(close).append(" = (1, 2) from t;\n");
            sql.append("select ").append(open).append("(select b from t where a = 3)").append(close).append(";\n");
            sql.append("select ").append(open).append("1").append(close).append(" in (1, 2);\n");
        }
        sql.append("select ((((1) + 2) * 3) - 4) * (((5)));\n");
        sql.append("select (((1), 2)) = (1, 2), ((1, (2))) = (1, 2);\n");
        sql.append("select ((((1) + 2) * 3), 4) = (9, 4);\n");
        sql.append("select ((1) collate nocase) = 'x', (((a) is null)) from t;\n");
        sql.append("select ((((1)) + );\n");
        sql.append("select ((((1)));\n");
        sql.append("select ((((1))))));\n");
        sql.append("select ").append("(-".repeat(300)).append("1").append(")".repeat(300)).append(";\n");
        Differential.assertSame(sql.toString());
    }
}
