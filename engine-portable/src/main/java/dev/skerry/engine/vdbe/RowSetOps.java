package dev.skerry.engine.vdbe;

import dev.skerry.engine.value.Mem;

/** The body of RowSetRead, out of {@code Vm.runFrame} to keep that method small. */
final class RowSetOps {
    private RowSetOps() {
    }

    /**
     * RowSetRead P1 P2 P3: the smallest value of register P1's RowSet into register P3 and true; false (the
     * caller jumps to P2) when the set is empty or P1 holds none, and then P1 is NULL.
     */
    static boolean read(FunctionCalls functions, int reg, Mem[] r, int out) {
        RowSet set = functions.rowSet(reg, false);
        if (set == null || !set.next()) {
            r[reg].setNull();
            functions.forget(reg);
            return false;
        }
        r[out].setLong(set.value());
        return true;
    }
}
