package dev.skerry.engine.vdbe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Jumps, loops, subroutines, coroutines and Once, on programs built directly. */
class VmControlFlowTest extends VmTestBase {
    @Test
    void aCountingLoopProducesOneRowPerIteration() throws Exception {
        ProgramBuilder b = new ProgramBuilder();
        int start = b.makeLabel();
        b.addOp(Opcode.INIT, 0, start);
        int body = b.currentAddress();
        int counter = b.allocRegister();
        int limit = b.allocRegister();
        b.addOp(Opcode.ADD_IMM, counter, 1);
        b.addOp(Opcode.RESULT_ROW, counter, 1);
        b.addOp(Opcode.LT, limit, body, counter);
        b.addOp(Opcode.HALT);
        b.resolveLabel(start);
        b.addOp(Opcode.INTEGER, 0, counter);
        b.addOp(Opcode.INTEGER, 5, limit);
        b.addOp(Opcode.GOTO, 0, body);
        b.setResultColumns(new String[] {"n"}, new String[] {null});
        assertEquals(show(sqlite("WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n+1 FROM c WHERE n<5) SELECT n FROM c")),
                show(run(b.finish())));
    }

    @Test
    void gosubReturnsToTheInstructionAfterTheCall() throws Exception {
        ProgramBuilder b = new ProgramBuilder();
        b.addOp(Opcode.INIT, 0, 1);
        int ret = b.allocRegister();
        int v = b.allocRegister();
        int sub = b.makeLabel();
        b.addOp(Opcode.INTEGER, 10, v);
        b.addOp(Opcode.GOSUB, ret, sub);
        b.addOp(Opcode.RESULT_ROW, v, 1);
        b.addOp(Opcode.GOSUB, ret, sub);
        b.addOp(Opcode.RESULT_ROW, v, 1);
        b.addOp(Opcode.HALT);
        b.resolveLabel(sub);
        b.addOp(Opcode.ADD_IMM, v, 5);
        b.addOp(Opcode.RETURN, ret);
        b.setResultColumns(new String[] {"v"}, new String[] {null});
        assertEquals(List.of(List.of(15L), List.of(20L)), run(b.finish()));
    }

    @Test
    void aCoroutineYieldsItsRowsToTheConsumerAndEndCoroutineEndsTheLoop() throws Exception {
        ProgramBuilder b = new ProgramBuilder();
        b.addOp(Opcode.INIT, 0, 1);
        int co = b.allocRegister();
        int v = b.allocRegister();
        int out = b.allocRegister();
        int coStart = b.makeLabel();
        int afterCo = b.makeLabel();
        int done = b.makeLabel();
        b.addOp(Opcode.INIT_COROUTINE, co, afterCo, coStart);
        b.resolveLabel(coStart);
        for (long k = 1; k <= 3; k++) {
            b.addInteger(k * 100, v);
            b.addOp(Opcode.YIELD, co);
        }
        b.addOp(Opcode.END_COROUTINE, co);
        b.resolveLabel(afterCo);
        int loop = b.addOp(Opcode.YIELD, co, done);
        b.addOp(Opcode.ADD, v, v, out);
        b.addOp(Opcode.RESULT_ROW, out, 1);
        b.addOp(Opcode.GOTO, 0, loop);
        b.resolveLabel(done);
        b.addOp(Opcode.HALT);
        b.setResultColumns(new String[] {"x"}, new String[] {null});
        assertEquals(List.of(List.of(200L), List.of(400L), List.of(600L)), run(b.finish()));
    }

    @Test
    void onceFallsThroughOnlyOnTheFirstPassOfEachRun() throws Exception {
        ProgramBuilder b = new ProgramBuilder();
        b.addOp(Opcode.INIT, 0, 1);
        int n = b.allocRegister();
        int hits = b.allocRegister();
        b.addOp(Opcode.INTEGER, 3, n);
        int loop = b.currentAddress();
        int skip = b.makeLabel();
        b.addOp(Opcode.ONCE, 0, skip);
        b.addOp(Opcode.ADD_IMM, hits, 1);
        b.resolveLabel(skip);
        b.addOp(Opcode.RESULT_ROW, hits, 1);
        b.addOp(Opcode.IF_POS, n, loop, 1);
        b.addOp(Opcode.HALT);
        b.setResultColumns(new String[] {"hits"}, new String[] {null});
        Program p = b.finish();
        List<List<Object>> expected = List.of(List.of(1L), List.of(1L), List.of(1L), List.of(1L));
        assertEquals(expected, run(p));
        assertEquals(expected, run(p), "a second statement on the same program starts with Once armed");
    }

    @Test
    void compareAndJumpFollowTheKeyInfoOrder() throws Exception {
        ProgramBuilder b = new ProgramBuilder();
        b.addOp(Opcode.INIT, 0, 1);
        int a = b.allocRegisters(2);
        int c = b.allocRegisters(2);
        int out = b.allocRegister();
        b.addString("abc", a);
        b.addInteger(1, a + 1);
        b.addString("ABC", c);
        b.addInteger(2, c + 1);
        int less = b.makeLabel();
        int equal = b.makeLabel();
        int greater = b.makeLabel();
        int emit = b.makeLabel();
        b.addOp(Opcode.COMPARE, a, c, 2, new dev.skerry.engine.btree.KeyInfo(2,
                new dev.skerry.engine.value.Collation[] {dev.skerry.engine.value.Collation.NOCASE, null},
                new boolean[] {false, true}));
        b.addOp(Opcode.JUMP, less, equal, greater);
        b.resolveLabel(less);
        b.addString("less", out);
        b.addOp(Opcode.GOTO, 0, emit);
        b.resolveLabel(equal);
        b.addString("equal", out);
        b.addOp(Opcode.GOTO, 0, emit);
        b.resolveLabel(greater);
        b.addString("greater", out);
        b.resolveLabel(emit);
        b.addOp(Opcode.RESULT_ROW, out, 1);
        b.addOp(Opcode.HALT);
        b.setResultColumns(new String[] {"r"}, new String[] {null});
        // NOCASE makes the first fields equal; the second is DESC, so 1 orders after 2.
        assertEquals(List.of(List.of("greater")), run(b.finish()));
    }
}
