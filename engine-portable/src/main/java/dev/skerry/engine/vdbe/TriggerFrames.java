package dev.skerry.engine.vdbe;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;

/**
 * The {@code Program} opcode's frames (SQLite's {@code OP_Program} and {@code sqlite3VdbeFrameRestore}): how
 * a {@link Vm} enters a trigger program and comes back.
 *
 * <p>Entering pushes a {@link VdbeFrame} holding the caller's program, registers, cursors and counters, then
 * makes the sub-program the running one with fresh registers and cursors, starting at its address 0; the
 * change counter starts at 0 and {@code last_insert_rowid()} keeps its value. Leaving (the sub-program's
 * {@code Halt} with result 0) closes the sub-program's cursors, restores the caller, sets
 * {@code last_insert_rowid()} and {@code changes()} back to their values at entry, and continues after the
 * {@code Program} instruction, or at its P2 when the trigger ran {@code RAISE(IGNORE)}. An error ends every
 * frame at once ({@link #unwind}) before the statement's own error handling. None of this does I/O, so the
 * IoPending rule holds: an instruction of a sub-program that waits for I/O runs again in the same frame.
 */
final class TriggerFrames {
    /** SQLite's default SQLITE_MAX_TRIGGER_DEPTH. */
    static final int MAX_DEPTH = 1000;

    private TriggerFrames() {
    }

    /**
     * Program P1 P2 P4 P5 at {@code pc}: false when the trigger does not run (P5 recursion rules), true when the
     * VM now runs the sub-program.
     */
    static boolean enter(Vm vm, int pc) throws SqliteException {
        Program caller = vm.current();
        SubProgram sub = (SubProgram) caller.p4[pc];
        int flags = caller.p5[pc];
        boolean recursive = vm.db().recursiveTriggers;
        if ((flags & Opcode.PROGRAM_ONLY_RECURSIVE) != 0 && !recursive) {
            return false;
        }
        if ((flags & Opcode.PROGRAM_NOT_RECURSIVE) != 0 && !recursive) {
            for (VdbeFrame f = vm.frame; f != null; f = f.parent) {
                if (f.token == sub.token()) {
                    return false;
                }
            }
        }
        if (vm.frameDepth >= MAX_DEPTH) {
            throw new SqliteException(ResultCode.SQLITE_ERROR, "too many levels of trigger recursion");
        }
        ConnectionState db = vm.db();
        Program p = sub.program();
        vm.frame = new VdbeFrame(vm.frame, caller, vm.r, vm.cursorArray(), vm.spareArray(), vm.onceDone(),
                vm.functions(), pc, sub.token(), db.lastInsertRowid, db.changes, vm.txn().count(), caller.p1[pc]);
        vm.frameDepth++;
        vm.txn().setCount(0);
        vm.switchTo(p, Vm.newRegisters(p), new VdbeCursor[p.cursorCount], new BTreeVdbeCursor[p.cursorCount],
                null);
        vm.setFunctions(new FunctionCalls(db, vm.functions().stepClock(), p.registerCount + 1));
        vm.jumpTo(0);
        return true;
    }

    /** The sub-program halted: back to the caller, after the Program instruction or at its P2 when {@code ignore}. */
    static void leave(Vm vm, boolean ignore) {
        VdbeFrame f = vm.frame;
        restore(vm, f);
        vm.jumpTo(ignore ? f.program.p2[f.pc] : f.pc + 1);
    }

    /** Leaves every frame (an error, a reset or the end of the statement); no-op at the statement's level. */
    static void unwind(Vm vm) {
        while (vm.frame != null) {
            VdbeFrame f = vm.frame;
            restore(vm, f);
            vm.jumpTo(f.pc);
        }
    }

    private static void restore(Vm vm, VdbeFrame f) {
        vm.closeFrameCursors();
        vm.frame = f.parent;
        vm.frameDepth--;
        vm.switchTo(f.program, f.registers, f.cursors, f.spare, f.onceDone);
        vm.setFunctions(f.functions);
        ConnectionState db = vm.db();
        db.lastInsertRowid = f.lastInsertRowid;
        db.changes = f.changes;
        vm.txn().setCount(f.statementChanges);
    }
}
