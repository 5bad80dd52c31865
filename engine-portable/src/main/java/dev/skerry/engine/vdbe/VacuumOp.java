package dev.skerry.engine.vdbe;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.vacuum.Vacuum;
import dev.skerry.engine.vacuum.VacuumPlan;
import dev.skerry.engine.value.Mem;

/**
 * The {@code Vacuum} opcode for the {@link Vm}'s step loop: SQLite's checks ({@code sqlite3RunVacuum}), then
 * the run itself ({@link Vacuum}), kept in {@link Vm#vacuum} while it waits for I/O and re-called until done.
 */
final class VacuumOp {
    private VacuumOp() {
    }

    /** Runs the opcode at {@code pc}; false when it is not Vacuum. */
    static boolean run(Vm vm, int pc) throws IoPending, SqliteException {
        Program p = vm.current();
        if (p.opcode[pc] != Opcode.VACUUM) {
            return false;
        }
        if (vm.vacuum == null) {
            ConnectionState db = vm.db();
            if (!db.autocommit) {
                throw SqliteException.error("cannot VACUUM from within a transaction");
            }
            if (db.runningVms > 1) {
                throw SqliteException.error("cannot VACUUM - SQL statements in progress");
            }
            String into = null;
            if (p.p2[pc] != 0) {
                Mem m = vm.r[p.p2[pc]];
                if (m.type() != Mem.TEXT) {
                    throw SqliteException.error("non-text filename");
                }
                into = m.text();
            }
            if (p.p1[pc] != 0) {
                throw new SqliteException(ResultCode.SQLITE_INTERNAL, "VACUUM of database " + p.p1[pc]);
            }
            vm.vacuum = new Vacuum(db.pager(p.p1[pc]), (VacuumPlan) p.p4[pc], into, p.p3[pc]);
        }
        try {
            vm.vacuum.step();
        } catch (SqliteException e) {
            abandon(vm);
            throw e;
        }
        vm.vacuum = null;
        vm.jumpTo(pc + 1);
        return true;
    }

    /** Drops an unfinished run (the statement failed or was reset); no I/O. */
    static void abandon(Vm vm) {
        if (vm.vacuum != null) {
            vm.vacuum.close();
            vm.vacuum = null;
        }
    }
}
