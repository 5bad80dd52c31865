package dev.skerry.engine.vdbe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skerry.engine.btree.KeyInfo;
import dev.skerry.engine.func.FunctionDef;
import dev.skerry.engine.func.FunctionRegistry;
import dev.skerry.engine.value.Collation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Function, AggStep, AggFinal and CollSeq through the VM, compared with SQLite. */
class VmFunctionTest extends VmTestBase {
    private static final FunctionRegistry FUNCTIONS = FunctionRegistry.builtins();
    private static final Object[][] ROWS = {{"b", 3L}, {"a", 1L}, {"c", null}, {"a", 2.5}, {"b", "x"}, {"a", 4L},
        {"c", 7L}, {"b", -2L}, {"A", 9L}};

    private static String literal(Object v) {
        return v == null ? "NULL" : v instanceof String ? "'" + v + "'" : v.toString();
    }

    private static String[] setup() {
        List<String> s = new ArrayList<>();
        s.add("CREATE TABLE t(k, v)");
        for (Object[] r : ROWS) {
            s.add("INSERT INTO t VALUES(" + literal(r[0]) + ", " + literal(r[1]) + ")");
        }
        return s.toArray(new String[0]);
    }

    private static FunctionDef fn(String name, int n) {
        return FUNCTIONS.find(name, n);
    }

    @Test
    void scalarFunctionsMatchSqlite() throws Exception {
        String[] calls = {"abs(-5)", "upper('abc')", "length('héllo')", "coalesce(NULL, 2, 3)", "substr('hello', 2, 3)",
            "typeof(random())", "max(3, 'a', 2)", "nullif(1, 1)", "round(2.567, 2)"};
        Object[][] args = {{-5L}, {"abc"}, {"héllo"}, {null, 2L, 3L}, {"hello", 2L, 3L}, {}, {3L, "a", 2L}, {1L, 1L},
            {2.567, 2L}};
        String[] names = {"abs", "upper", "length", "coalesce", "substr", "random", "max", "nullif", "round"};
        StringBuilder expected = new StringBuilder();
        StringBuilder actual = new StringBuilder();
        for (int k = 0; k < calls.length; k++) {
            expected.append(calls[k]).append(" = ").append(show(sqlite("SELECT " + calls[k])));
            ProgramBuilder b = new ProgramBuilder();
            b.addOp(Opcode.INIT, 0, 1);
            int base = b.allocRegisters(Math.max(1, args[k].length));
            int out = b.allocRegister();
            for (int a = 0; a < args[k].length; a++) {
                load(b, args[k][a], base + a);
            }
            b.addOp(Opcode.FUNCTION, 0, base, out, fn(names[k], args[k].length), args[k].length);
            if (names[k].equals("random")) {
                FunctionDef typeof = fn("typeof", 1);
                b.addOp(Opcode.FUNCTION, 0, out, out, typeof, 1);
            }
            b.addOp(Opcode.RESULT_ROW, out, 1);
            b.addOp(Opcode.HALT);
            b.setResultColumns(new String[] {"x"}, new String[] {null});
            actual.append(calls[k]).append(" = ").append(show(run(b.finish())));
        }
        assertEquals(expected.toString(), actual.toString());
    }

    /**
     * SELECT k, count(*), count(v), sum(v), max(v), group_concat(v) FROM t GROUP BY k COLLATE NOCASE: a sorter
     * on k, Compare/Jump on group change, Null resetting the accumulators.
     */
    @Test
    void groupByWithSorterAndAggregatesMatchesSqlite() throws Exception {
        ProgramBuilder b = new ProgramBuilder();
        b.addOp(Opcode.INIT, 0, 1);
        int kv = b.allocRegisters(2);
        int rec = b.allocRegister();
        int data = b.allocRegister();
        int cur = b.allocRegisters(2);
        int prev = b.allocRegister();
        int acc = b.allocRegisters(5);
        int out = b.allocRegisters(6);
        int first = b.allocRegister();
        int ret = b.allocRegister();
        int sorter = b.allocCursor();
        int pseudo = b.allocCursor();
        KeyInfo byK = new KeyInfo(1, new Collation[] {Collation.NOCASE}, new boolean[] {false});
        b.addOp(Opcode.SORTER_OPEN, sorter, 2, 0, byK);
        for (Object[] r : ROWS) {
            load(b, r[0], kv);
            load(b, r[1], kv + 1);
            b.addOp(Opcode.MAKE_RECORD, kv, 2, rec);
            b.addOp(Opcode.SORTER_INSERT, sorter, rec);
        }
        b.addOp(Opcode.OPEN_PSEUDO, pseudo, data, 2);
        b.addOp(Opcode.NULL, 0, acc, acc + 4);
        b.addOp(Opcode.INTEGER, 1, first);
        int end = b.makeLabel();
        int emit = b.makeLabel();
        b.addOp(Opcode.SORTER_SORT, sorter, end);
        int loop = b.addOp(Opcode.SORTER_DATA, sorter, data, pseudo);
        b.addOp(Opcode.COLUMN, pseudo, 0, cur);
        b.addOp(Opcode.COLUMN, pseudo, 1, cur + 1);
        int same = b.makeLabel();
        int step = b.makeLabel();
        b.addOp(Opcode.IF_POS, first, step, 1);
        b.addOp(Opcode.COMPARE, prev, cur, 1, byK);
        int changed = b.makeLabel();
        b.addOp(Opcode.JUMP, changed, same, changed);
        b.resolveLabel(changed);
        b.addOp(Opcode.GOSUB, ret, emit);
        b.addOp(Opcode.NULL, 0, acc, acc + 4);
        b.resolveLabel(step);
        b.resolveLabel(same);
        b.addOp(Opcode.SCOPY, cur, prev);
        b.addOp(Opcode.AGG_STEP, 0, cur + 1, acc, fn("count", 0), 0);
        b.addOp(Opcode.AGG_STEP, 0, cur + 1, acc + 1, fn("count", 1), 1);
        b.addOp(Opcode.AGG_STEP, 0, cur + 1, acc + 2, fn("sum", 1), 1);
        b.addOp(Opcode.COLL_SEQ, 0, 0, 0, Collation.BINARY);
        b.addOp(Opcode.AGG_STEP, 0, cur + 1, acc + 3, fn("max", 1), 1);
        b.addOp(Opcode.AGG_STEP, 0, cur + 1, acc + 4, fn("group_concat", 1), 1);
        b.addOp(Opcode.SORTER_NEXT, sorter, loop);
        b.addOp(Opcode.GOSUB, ret, emit);
        b.addOp(Opcode.GOTO, 0, end);
        b.resolveLabel(emit);
        b.addOp(Opcode.AGG_FINAL, acc, 0, 0, fn("count", 0));
        b.addOp(Opcode.AGG_FINAL, acc + 1, 1, 0, fn("count", 1));
        b.addOp(Opcode.AGG_FINAL, acc + 2, 1, 0, fn("sum", 1));
        b.addOp(Opcode.AGG_FINAL, acc + 3, 1, 0, fn("max", 1));
        b.addOp(Opcode.AGG_FINAL, acc + 4, 1, 0, fn("group_concat", 1));
        b.addOp(Opcode.SCOPY, prev, out);
        b.addOp(Opcode.COPY, acc, out + 1, 4);
        b.addOp(Opcode.RESULT_ROW, out, 6);
        b.addOp(Opcode.RETURN, ret);
        b.resolveLabel(end);
        b.addOp(Opcode.HALT);
        b.setResultColumns(new String[] {"k", "n", "nv", "s", "m", "g"}, new String[6]);
        assertEquals(show(sqlite("SELECT k, count(*), count(v), sum(v), max(v), group_concat(v) FROM t "
                + "GROUP BY k COLLATE NOCASE", setup())), show(run(b.finish())));
    }
}
