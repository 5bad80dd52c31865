package dev.skerry.engine.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skerry.testkit.Differential;
import dev.skerry.testkit.Outcome;
import dev.skerry.testkit.SkerryEngine;
import org.junit.jupiter.api.Test;

/**
 * Deep nesting never overflows the Java stack: the deepest expressions SQLite's height limit admits (operator
 * chains, AND/OR chains in WHERE and ON, prefix operators, nested CASE) compile and agree with SQLite, as do
 * the chains just over the limit (SQLite's {@code Expression tree is too large} error); views, CTEs and FROM
 * subqueries nested within {@code SelectCoder.MAX_FROM_NESTING} agree with SQLite, deeper ones give an SQL
 * error where SQLite, which flattens them, has no limit; 100,000 parentheses or operators give an SQL error
 * or a result, never a Java error.
 */
class DeepNestingSqlTest {
    private static String repeat(String s, int n) {
        return s.repeat(n);
    }

    private static String join(String item, String sep, int n) {
        StringBuilder sb = new StringBuilder(item);
        for (int i = 1; i < n; i++) {
            sb.append(sep).append(item);
        }
        return sb.toString();
    }

    @Test
    void deepestExpressionsAgreeWithSqlite() {
        int n = 998;
        Differential.assertSame("create table t(a, b);\ninsert into t values (1, 2);\n"
                + "select * from t where " + join("a=1", " and ", n) + ";\n"
                + "select * from t where " + join("a=2", " or ", n) + ";\n"
                + "select " + join("a", " || ", n) + " from t;\n"
                + "select count(*) from t group by " + join("a", "+", n) + ";\n"
                + "select * from t order by " + join("a", "-", n) + ";\n"
                + "select sum(" + join("a", "+", n) + ") from t;\n"
                + "select * from t join t as u on " + join("t.a=u.a", " and ", n) + ";\n"
                + "select * from t where not " + join("a=5", " and not ", n) + ";\n"
                + "select " + repeat("case when a=1 then ", 300) + "1" + repeat(" end", 300) + " from t;\n"
                + "select " + repeat("-", 1200) + "1;\n"
                + "select " + repeat("not ", 1200) + "1;\n"
                + "select " + join("1", "+", 1001) + ";\n"
                + "select * from t where " + join("a=1", " and ", 1001) + ";\n"
                + "select " + join("1", "+", 100_000) + ";\n");
    }

    @Test
    void nestedViewsAndCtesWithinTheLimitAgreeWithSqlite() {
        StringBuilder sb = new StringBuilder("create table t(a);\ninsert into t values (1);\ncreate view v0 as select a from t;\n");
        for (int i = 1; i < 100; i++) {
            sb.append("create view v").append(i).append(" as select a from v").append(i - 1).append(";\n");
        }
        sb.append("select * from v99;\n");
        sb.append("with c0 as (select 1 as a)");
        for (int i = 1; i < 150; i++) {
            sb.append(", c").append(i).append(" as (select a from c").append(i - 1).append(")");
        }
        sb.append(" select * from c149;\n");
        Differential.assertSame(sb.toString());
    }

    @Test
    void deeperNestingIsAnSqlErrorNotAJavaError() throws Exception {
        try (SkerryEngine skerry = new SkerryEngine()) {
            skerry.run("create table t(a)");
            skerry.run("create view v0 as select a from t");
            for (int i = 1; i < 210; i++) {
                skerry.run("create view v" + i + " as select a from v" + (i - 1));
            }
            Outcome views = skerry.run("select * from v209");
            assertTrue(views.isError(), views.toString());
            assertTrue(views.errorMessage().startsWith("too many levels of nested views"), views.errorMessage());
            StringBuilder cte = new StringBuilder("with c0 as (select 1 as a)");
            for (int i = 1; i < 1000; i++) {
                cte.append(", c").append(i).append(" as (select a from c").append(i - 1).append(")");
            }
            Outcome ctes = skerry.run(cte + " select * from c999");
            assertTrue(ctes.isError(), ctes.toString());
            Outcome parens = skerry.run("select " + repeat("(-", 100_000) + "1" + repeat(")", 100_000));
            assertTrue(parens.isError(), parens.toString());
            assertEquals("parser stack overflow", parens.errorMessage());
            Outcome selects = skerry.run("select " + repeat("(select ", 2000) + "1" + repeat(")", 2000));
            assertTrue(selects.isError(), selects.toString());
        }
    }
}
