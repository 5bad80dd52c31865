package dev.skerry.engine.vdbe;

import dev.skerry.engine.value.Mem;

/**
 * What a {@code Program} instruction saves of the VM that runs it before the VM enters the sub-program
 * (SQLite's {@code VdbeFrame}): the caller's program, registers, cursors, Once flags and program counter, and
 * the connection's {@code last_insert_rowid()} and change counters, which the trigger's statements change
 * and which are restored when it ends.
 *
 * <p>Frames form a stack through {@code parent}; the VM's current frame is the innermost. Immutable once
 * pushed, except that {@code token} is read by the recursion check.
 */
final class VdbeFrame {
    final VdbeFrame parent;
    final Program program;
    final Mem[] registers;
    final VdbeCursor[] cursors;
    final BTreeVdbeCursor[] spare;
    final boolean[] onceDone;
    final FunctionCalls functions;
    /** The address of the Program instruction in the caller. */
    final int pc;
    /** The token of the sub-program this frame runs (see {@link SubProgram}). */
    final Object token;
    final long lastInsertRowid;
    final long changes;
    final long statementChanges;
    /** The first register of the caller's OLD/NEW block, read by Param. */
    final int paramBase;

    VdbeFrame(VdbeFrame parent, Program program, Mem[] registers, VdbeCursor[] cursors, BTreeVdbeCursor[] spare,
            boolean[] onceDone, FunctionCalls functions, int pc, Object token, long lastInsertRowid,
            long changes, long statementChanges, int paramBase) {
        this.parent = parent;
        this.program = program;
        this.registers = registers;
        this.cursors = cursors;
        this.spare = spare;
        this.onceDone = onceDone;
        this.functions = functions;
        this.pc = pc;
        this.token = token;
        this.lastInsertRowid = lastInsertRowid;
        this.changes = changes;
        this.statementChanges = statementChanges;
        this.paramBase = paramBase;
    }
}
