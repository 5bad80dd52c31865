package dev.skerry.engine.parser;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.ResultColumn;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.parser.ast.SelectCore;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Operator precedence and associativity, expression kinds, heights and nesting limits. */
class ExpressionTest {

    static Expr first(String expr) throws SqliteException {
        Select s = (Select) Parser.parseFirst("SELECT " + expr).statement();
        ResultColumn.Column c = (ResultColumn.Column) ((SelectCore.Query) s.cores().get(0)).columns().get(0);
        return c.expr();
    }

    private static void check(String expected, String expr) throws SqliteException {
        assertEquals(expected, ExprPrinter.print(first(expr)), expr);
    }

    @Test
    void precedenceFollowsSqlite() throws Exception {
        check("((1 ADD (2 MULTIPLY 3)) SUBTRACT ((4 DIVIDE 5) REMAINDER 6))", "1 + 2 * 3 - 4 / 5 % 6");
        check("((a OR (b AND c)) OR d)", "a OR b AND c OR d");
        check("((NOT (a EQ b)) AND c)", "NOT a = b AND c");
        check("((a EQ b) EQ c)", "a = b = c");
        check("(a EQ (b LT c))", "a = b < c");
        check("((a LT b) EQ c)", "a < b = c");
        check("((a BIT_AND b) LT (c LSHIFT d))", "a & b < c << d");
        check("((a ADD b) BIT_OR c)", "a + b | c");
        check("(a MULTIPLY (b CONCAT c))", "a * b || c");
        check("(a ADD (b CONCAT c))", "a + b || c");
        check("((a JSON_ARROW b) JSON_ARROW2 c)", "a -> b ->> c");
        check("((NEGATE a) MULTIPLY b)", "-a * b");
        check("((NEGATE a) COLLATE nocase)", "-a COLLATE nocase");
        check("(a ADD (b COLLATE nocase))", "a + b COLLATE nocase");
        check("(BIT_NOT (BIT_NOT a))", "~~a");
        check("(NOT (NOT (a EQ b)))", "NOT NOT a = b");
        check("(a EQ (NOT (b EQ c)))", "a = NOT b = c");
        check("((a EQ b) ISNULL)", "a = b ISNULL");
        check("((a EQ b) NOTNULL)", "a = b NOT NULL");
        check("((a ADD b) NOTNULL)", "a + b NOTNULL");
        check("(a AND (b NOTNULL))", "a AND b NOT NULL");
        check("(a ISNULL)", "a IS NULL");
        check("(a NOTNULL)", "a IS NOT NULL");
        check("(a IS_NOT b)", "a IS DISTINCT FROM b");
        check("(a IS b)", "a IS NOT DISTINCT FROM b");
        check("((a EQ b) LIKE c)", "a = b LIKE c");
        check("(a LIKE (b LT c) ESCAPE d)", "a LIKE b < c ESCAPE d");
        check("((a LIKE b ESCAPE c) EQ d)", "a LIKE b ESCAPE c = d");
        check("(a NOT GLOB b)", "a NOT GLOB b");
        check("((5 BETWEEN (1 NOTNULL) AND 9) EQ 1)", "5 BETWEEN 1 NOT NULL AND 9 = 1");
        assertThrows(SqliteException.class, () -> first("a BETWEEN b OR c AND d"));
        check("((a BETWEEN b AND c) AND d)", "a BETWEEN b AND c AND d");
        check("(a NOT BETWEEN (b ADD 1) AND (c MULTIPLY 2))", "a NOT BETWEEN b + 1 AND c * 2");
        check("(((a IN (1, 2)) EQ b) NOT IN ())", "a IN (1, 2) = b NOT IN ()");
        check("(a IN main.t)", "a IN main.t");
        check("(a IN json_each('[]'))", "a IN json_each('[]')");
        check("((1, 2) EQ (3, 4))", "(1, 2) = (3, 4)");
        check("CASE a WHEN 1 THEN 'x' ELSE (b ADD 1) END", "CASE a WHEN 1 THEN 'x' ELSE b + 1 END");
        check("CAST((a ADD 1) AS VARCHAR(10))", "CAST(a + 1 AS VARCHAR(10))");
        check("count(*)", "count(*)");
        check("count(DISTINCT a)", "count(DISTINCT a)");
        check("s.t.c", "s.t.c");
        check("t.c", "'t'.c");
    }

    @Test
    void literalsKeepTheirValues() throws Exception {
        Expr.Literal s = (Expr.Literal) first("'it''s'");
        assertEquals("it's", s.value());
        Expr.Literal blob = (Expr.Literal) first("x'0aFF'");
        assertEquals(Expr.LiteralKind.BLOB, blob.kind());
        assertEquals("0aFF", blob.value());
        Expr.Literal sep = (Expr.Literal) first("1_000.5");
        assertEquals(Expr.LiteralKind.FLOAT, sep.kind());
        assertEquals("1000.5", sep.value());
        assertEquals(Expr.LiteralKind.INTEGER, ((Expr.Literal) first("0x1F")).kind());
        assertEquals(Expr.LiteralKind.FLOAT, ((Expr.Literal) first(".5")).kind());
        assertEquals(Expr.LiteralKind.FLOAT, ((Expr.Literal) first("1e5")).kind());
        assertEquals(Expr.LiteralKind.CURRENT_TIMESTAMP, ((Expr.Literal) first("current_timestamp")).kind());
        Expr.ColumnRef dq = (Expr.ColumnRef) first("\"a\"\"b\"");
        assertEquals("a\"b", dq.column().text());
        assertEquals(true, dq.column().isDoubleQuoted());
        assertEquals("x y", ((Expr.ColumnRef) first("[x y]")).column().text());
        assertEquals("true", ((Expr.ColumnRef) first("true")).column().text());
    }

    @Test
    void parametersAreNumberedAsSqliteDoes() throws Exception {
        String sql = "SELECT ?, ?5, ?, :a, @b, :a, $c, ?2";
        ParseResult r = Parser.parseFirst(sql);
        assertEquals(9, r.parameterCount());
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
             java.sql.PreparedStatement p = c.prepareStatement(sql)) {
            assertEquals(p.getParameterMetaData().getParameterCount(), r.parameterCount());
        }
        assertEquals("?5", r.parameterNames().get(4));
        assertEquals(":a", r.parameterNames().get(6));
        assertEquals(null, r.parameterNames().get(0));
        Select s = (Select) r.statement();
        int[] expected = {1, 5, 6, 7, 8, 7, 9, 2};
        for (int i = 0; i < expected.length; i++) {
            ResultColumn.Column col = (ResultColumn.Column) ((SelectCore.Query) s.cores().get(0)).columns().get(i);
            assertEquals(expected[i], ((Expr.Param) col.expr()).index());
        }
    }

    @Test
    void depthLimitMatchesSqlite() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement st = c.createStatement()) {
            String[] cases = {
                "SELECT 1" + "+1".repeat(998), "SELECT 1" + "+1".repeat(999), "SELECT 1" + "+1".repeat(5000),
                "SELECT " + "NOT ".repeat(999) + "1", "SELECT " + "NOT ".repeat(1000) + "1",
                "SELECT " + "- ".repeat(1200) + "1", "SELECT " + "(".repeat(300) + "1" + ")".repeat(300),
                "SELECT 1" + " AND 1".repeat(1000) + " garbage garbage",
            };
            for (String sql : cases) {
                String theirs = null;
                try (ResultSet rs = st.executeQuery(sql)) {
                    rs.next();
                } catch (java.sql.SQLException e) {
                    theirs = SqliteOracle.message(e);
                }
                assertEquals(theirs, SqliteOracle.parseError(sql), sql.substring(0, 40));
            }
        }
    }

    @Test
    void deepNestingIsRefusedWithoutStackOverflow() throws SqliteException {
        String sql = "SELECT " + "(".repeat(100000) + "1" + ")".repeat(100000);
        assertEquals(sql.length(), Parser.parseFirst(sql).tailOffset());
        String deep = "SELECT " + "(-".repeat(5000) + "1" + ")".repeat(5000);
        SqliteException e = assertThrows(SqliteException.class, () -> Parser.parseFirst(deep));
        assertEquals("parser stack overflow", e.getMessage());
        String sub = "SELECT " + "(SELECT ".repeat(5000) + "1" + ")".repeat(5000);
        assertThrows(SqliteException.class, () -> Parser.parseFirst(sub));
    }

    /**
     * Random expressions over small literals and SQLite's operators: SQLite must compute the same value for
     * the expression as written and for Skerry's fully parenthesised rendering of its tree.
     */
    @Test
    void groupingMatchesSqliteOnRandomExpressions() throws Exception {
        String[] binary = {"OR", "AND", "=", "==", "!=", "<>", "IS", "IS NOT", "<", "<=", ">", ">=", "&", "|",
            "<<", ">>", "+", "-", "*", "/", "%", "||", "LIKE", "NOT LIKE", "GLOB", "IS DISTINCT FROM",
            "IS NOT DISTINCT FROM"};
        String[] prefix = {"-", "+", "~", "NOT "};
        String[] postfix = {" ISNULL", " NOTNULL", " NOT NULL", " IS NULL", " COLLATE nocase"};
        java.util.Random rnd = new java.util.Random(42);
        int compared = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:"); Statement st = c.createStatement()) {
            for (int n = 0; n < 3000; n++) {
                StringBuilder b = new StringBuilder();
                int terms = 2 + rnd.nextInt(5);
                for (int i = 0; i < terms; i++) {
                    if (i > 0) {
                        b.append(' ').append(binary[rnd.nextInt(binary.length)]).append(' ');
                    }
                    if (rnd.nextInt(4) == 0) {
                        b.append(prefix[rnd.nextInt(prefix.length)]);
                    }
                    int r = rnd.nextInt(10);
                    b.append(r < 7 ? Integer.toString(r - 2) : r == 7 ? "NULL" : r == 8 ? "'1'" : "2.5");
                    if (rnd.nextInt(6) == 0) {
                        b.append(postfix[rnd.nextInt(postfix.length)]);
                    }
                    if (rnd.nextInt(8) == 0) {
                        b.append(" BETWEEN ").append(rnd.nextInt(3)).append(" AND ").append(rnd.nextInt(3));
                    }
                    if (rnd.nextInt(8) == 0) {
                        b.append(rnd.nextBoolean() ? " IN (1, 2)" : " NOT IN (0)");
                    }
                }
                String expr = b.toString();
                String original = value(st, "SELECT " + expr);
                Expr tree;
                try {
                    tree = first(expr);
                } catch (SqliteException e) {
                    assertEquals(original, "ERR " + e.getMessage(), expr);
                    continue;
                }
                String rewritten = value(st, "SELECT " + ExprPrinter.sql(tree));
                assertEquals(original, rewritten, expr + "  =>  " + ExprPrinter.sql(tree));
                compared++;
            }
        }
        System.out.println("random expressions compared by value with SQLite: " + compared);
        assertEquals(true, compared > 2500);
    }

    private static String value(Statement st, String sql) {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            Object o = rs.getObject(1);
            return o == null ? "NULL" : o.getClass().getSimpleName() + ":" + o;
        } catch (java.sql.SQLException e) {
            return "ERR " + SqliteOracle.message(e);
        }
    }
}
