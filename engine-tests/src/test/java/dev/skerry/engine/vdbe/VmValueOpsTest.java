package dev.skerry.engine.vdbe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.value.Collation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Arithmetic, logic, comparison and conversion opcodes, each compared with SQLite evaluating the same expression. */
class VmValueOpsTest extends VmTestBase {
    private static final Object[] VALUES = {0L, 7L, -3L, 9223372036854775807L, -9223372036854775808L, 2.5, -0.5,
        "12", "3.5e1", "abc", " 4 ", null, new byte[] {0x31, 0x32}};

    private static String literal(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof String) {
            return "'" + v + "'";
        }
        if (v instanceof byte[]) {
            return "x'3132'";
        }
        if (v instanceof Long && (Long) v == Long.MIN_VALUE) {
            return "(-9223372036854775807-1)";
        }
        return v.toString();
    }

    /** r[out] = left OP right, where the opcode's operands are in SQLite's order for that operator. */
    private Program binary(int op, Object left, Object right) {
        ProgramBuilder b = new ProgramBuilder();
        b.addOp(Opcode.INIT, 0, 1);
        int l = b.allocRegister();
        int r = b.allocRegister();
        int out = b.allocRegister();
        load(b, left, l);
        load(b, right, r);
        boolean rightFirst = op == Opcode.SUBTRACT || op == Opcode.DIVIDE || op == Opcode.REMAINDER
                || op == Opcode.CONCAT || op == Opcode.SHIFT_LEFT || op == Opcode.SHIFT_RIGHT;
        if (rightFirst) {
            b.addOp(op, r, l, out);
        } else {
            b.addOp(op, l, r, out);
        }
        b.addOp(Opcode.RESULT_ROW, out, 1);
        b.addOp(Opcode.HALT);
        b.setResultColumns(new String[] {"x"}, new String[] {null});
        return b.finish();
    }

    @Test
    void binaryOperatorsMatchSqlite() throws Exception {
        int[] ops = {Opcode.ADD, Opcode.SUBTRACT, Opcode.MULTIPLY, Opcode.DIVIDE, Opcode.REMAINDER, Opcode.CONCAT,
            Opcode.BIT_AND, Opcode.BIT_OR, Opcode.SHIFT_LEFT, Opcode.SHIFT_RIGHT, Opcode.AND, Opcode.OR};
        String[] sql = {"+", "-", "*", "/", "%", "||", "&", "|", "<<", ">>", "AND", "OR"};
        StringBuilder expected = new StringBuilder();
        StringBuilder actual = new StringBuilder();
        for (int k = 0; k < ops.length; k++) {
            for (Object left : VALUES) {
                for (Object right : VALUES) {
                    String expr = literal(left) + " " + sql[k] + " " + literal(right);
                    expected.append(expr).append(" = ").append(show(sqlite("SELECT " + expr)));
                    actual.append(expr).append(" = ").append(show(run(binary(ops[k], left, right))));
                }
            }
        }
        assertEquals(expected.toString(), actual.toString());
    }

    @Test
    void unaryOpcodesMatchSqlite() throws Exception {
        int[] ops = {Opcode.NOT, Opcode.BIT_NOT};
        String[] sql = {"NOT ", "~"};
        StringBuilder expected = new StringBuilder();
        StringBuilder actual = new StringBuilder();
        for (int k = 0; k < ops.length; k++) {
            for (Object v : VALUES) {
                String expr = sql[k] + literal(v);
                ProgramBuilder b = new ProgramBuilder();
                b.addOp(Opcode.INIT, 0, 1);
                load(b, v, 1);
                b.allocRegisters(2);
                b.addOp(ops[k], 1, 2);
                b.addOp(Opcode.RESULT_ROW, 2, 1);
                b.addOp(Opcode.HALT);
                b.setResultColumns(new String[] {"x"}, new String[] {null});
                expected.append(expr).append(" = ").append(show(sqlite("SELECT " + expr)));
                actual.append(expr).append(" = ").append(show(run(b.finish())));
            }
        }
        assertEquals(expected.toString(), actual.toString());
    }

    @Test
    void castMatchesSqlite() throws Exception {
        String[] types = {"BLOB", "TEXT", "NUMERIC", "INTEGER", "REAL"};
        StringBuilder expected = new StringBuilder();
        StringBuilder actual = new StringBuilder();
        for (int t = 0; t < types.length; t++) {
            for (Object v : VALUES) {
                String expr = "CAST(" + literal(v) + " AS " + types[t] + ")";
                ProgramBuilder b = new ProgramBuilder();
                b.addOp(Opcode.INIT, 0, 1);
                b.allocRegister();
                load(b, v, 1);
                b.addOp(Opcode.CAST, 1, 'A' + t);
                b.addOp(Opcode.RESULT_ROW, 1, 1);
                b.addOp(Opcode.HALT);
                b.setResultColumns(new String[] {"x"}, new String[] {null});
                expected.append(expr).append(" = ").append(show(sqlite("SELECT " + expr)));
                actual.append(expr).append(" = ").append(show(run(b.finish())));
            }
        }
        assertEquals(expected.toString(), actual.toString());
    }

    /**
     * Comparison jumps with an affinity, against SQLite comparing a column of that affinity with a literal:
     * {@code CASE WHEN c < lit THEN 1 ELSE 0 END}.
     */
    @Test
    void comparisonJumpsApplyAffinityAndNullRulesAsSqlite() throws Exception {
        int[] ops = {Opcode.EQ, Opcode.NE, Opcode.LT, Opcode.LE, Opcode.GT, Opcode.GE};
        String[] sql = {"=", "<>", "<", "<=", ">", ">="};
        String[] declared = {"INTEGER", "TEXT", "BLOB"};
        int[] affinity = {Opcode.AFF_NUMERIC, Opcode.AFF_TEXT, Opcode.AFF_BLOB};
        Object[] stored = {7L, "7", "abc", 2.5, null};
        Object[] literals = {7L, "7", "10", "abc", 2.5, null};
        StringBuilder expected = new StringBuilder();
        StringBuilder actual = new StringBuilder();
        for (int d = 0; d < declared.length; d++) {
            for (Object s : stored) {
                for (Object lit : literals) {
                    for (int k = 0; k < ops.length; k++) {
                        String expr = "c " + sql[k] + " " + literal(lit) + " [" + declared[d] + " " + literal(s) + "]";
                        expected.append(expr).append(" = ").append(show(sqlite(
                                "SELECT CASE WHEN c " + sql[k] + " " + literal(lit) + " THEN 1 ELSE 0 END FROM t",
                                "CREATE TABLE t(c " + declared[d] + ")", "INSERT INTO t VALUES(" + literal(s) + ")",
                                "SELECT 1")));
                        // The stored value as SQLite stores it in the column: apply the column affinity first.
                        ProgramBuilder b = new ProgramBuilder();
                        b.addOp(Opcode.INIT, 0, 1);
                        int c = b.allocRegister();
                        int l = b.allocRegister();
                        int out = b.allocRegister();
                        load(b, s, c);
                        b.addOp(Opcode.AFFINITY, c, 1, 0, String.valueOf((char) affinity[d]));
                        load(b, lit, l);
                        b.addOp(Opcode.INTEGER, 1, out);
                        int yes = b.makeLabel();
                        b.addOp(ops[k], l, yes, c, Collation.BINARY, affinity[d]);
                        b.addOp(Opcode.INTEGER, 0, out);
                        b.resolveLabel(yes);
                        b.addOp(Opcode.RESULT_ROW, out, 1);
                        b.addOp(Opcode.HALT);
                        b.setResultColumns(new String[] {"x"}, new String[] {null});
                        actual.append(expr).append(" = ").append(show(run(b.finish())));
                    }
                }
            }
        }
        assertEquals(expected.toString(), actual.toString());
    }

    @Test
    void nullEqMakesNullEqualNull() throws Exception {
        ProgramBuilder b = new ProgramBuilder();
        b.addOp(Opcode.INIT, 0, 1);
        b.allocRegisters(3);
        b.addOp(Opcode.NULL, 0, 1, 2);
        b.addOp(Opcode.INTEGER, 0, 3);
        int yes = b.makeLabel();
        b.addOp(Opcode.EQ, 1, yes, 2, null, Opcode.NULLEQ);
        b.addOp(Opcode.HALT);
        b.resolveLabel(yes);
        b.addOp(Opcode.RESULT_ROW, 3, 1);
        b.addOp(Opcode.HALT);
        b.setResultColumns(new String[] {"x"}, new String[] {null});
        assertEquals(List.of(List.of(0L)), run(b.finish()));
    }

    @Test
    void mustBeIntFailsWithDatatypeMismatch() throws Exception {
        ProgramBuilder b = new ProgramBuilder();
        b.addOp(Opcode.INIT, 0, 1);
        b.allocRegister();
        b.addString("abc", 1);
        b.addOp(Opcode.MUST_BE_INT, 1, 0);
        b.addOp(Opcode.HALT);
        SqliteException e = org.junit.jupiter.api.Assertions.assertThrows(SqliteException.class, () -> run(b.finish()));
        assertEquals(ResultCode.SQLITE_MISMATCH, e.code());
        assertEquals("datatype mismatch", e.getMessage());
    }

    @Test
    void haltWithAConstraintErrorGivesSqlitesMessage() throws Exception {
        ProgramBuilder b = new ProgramBuilder();
        b.addOp(Opcode.INIT, 0, 1);
        b.allocRegister();
        b.addOp(Opcode.HALT_IF_NULL, ResultCode.SQLITE_CONSTRAINT_NOTNULL, Opcode.OE_ABORT, 1, "t.a",
                Opcode.P5_CONSTRAINT_NOTNULL);
        b.addOp(Opcode.HALT);
        SqliteException e = org.junit.jupiter.api.Assertions.assertThrows(SqliteException.class, () -> run(b.finish()));
        assertEquals(ResultCode.SQLITE_CONSTRAINT_NOTNULL, e.code());
        assertEquals("NOT NULL constraint failed: t.a", e.getMessage());
    }
}
