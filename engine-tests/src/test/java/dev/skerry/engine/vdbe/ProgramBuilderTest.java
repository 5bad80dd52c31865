package dev.skerry.engine.vdbe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProgramBuilderTest {
    @Test
    void forwardLabelsResolveToTheAddressAfterResolution() {
        ProgramBuilder b = new ProgramBuilder();
        int end = b.makeLabel();
        b.addOp(Opcode.INIT, 0, end);
        int r = b.allocRegister();
        int loop = b.addOp(Opcode.INTEGER, -5, r);
        b.addOp(Opcode.IF_POS, r, loop, 1);
        b.resolveLabel(end);
        b.addOp(Opcode.HALT);
        Program p = b.finish();
        assertEquals(3, p.p2(0));
        assertEquals(-5, p.p1(1));
        assertEquals(1, p.p2(2));
        assertEquals(1, p.registerCount());
    }

    @Test
    void labelsResolveOnlyInJumpOperands() {
        ProgramBuilder b = new ProgramBuilder();
        int less = b.makeLabel();
        int equal = b.makeLabel();
        int greater = b.makeLabel();
        b.addOp(Opcode.JUMP, less, equal, greater);
        b.resolveLabel(less);
        b.addOp(Opcode.INTEGER, -1, 1);
        b.resolveLabel(equal);
        b.addOp(Opcode.INTEGER, -2, 1);
        b.resolveLabel(greater);
        b.addOp(Opcode.HALT);
        Program p = b.finish();
        assertEquals(1, p.p1(0));
        assertEquals(2, p.p2(0));
        assertEquals(3, p.p3(0));
        assertEquals(-1, p.p1(1));
        assertEquals(-2, p.p1(2));
    }

    @Test
    void anUnresolvedLabelIsABuilderError() {
        ProgramBuilder b = new ProgramBuilder();
        b.addOp(Opcode.GOTO, 0, b.makeLabel());
        assertThrows(IllegalStateException.class, b::finish);
    }

    @Test
    void manyInstructionsGrowTheArrays() {
        ProgramBuilder b = new ProgramBuilder();
        for (int k = 0; k < 1000; k++) {
            b.addInteger(k * 10_000_000_000L, b.allocRegister());
        }
        Program p = b.finish();
        assertEquals(1000, p.size());
        assertEquals(Opcode.INTEGER, p.opcode(0));
        assertEquals(Opcode.INT64, p.opcode(999));
        assertEquals(9_990_000_000_000L, p.p4(999));
    }
}
