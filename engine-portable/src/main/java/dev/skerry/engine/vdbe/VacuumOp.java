package dev.skerry.engine.vdbe;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.vacuum.Vacuum;
import dev.skerry.engine.vacuum.VacuumPlan;
import dev.skerry.engine.value.Mem;

/**
 * The {@code Vacuum} opcode for the {@link Vm}'s step loop: SQLite's checks ({@code sqlite3RunVacuum}), then
 * the run itself on database P1 (main or attached) ({@link Vacuum}), kept in {@link Vm#vacuum} while it waits for I/O and re-called until done.
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
            int iDb = p.p1[pc];
            // The INTO file is opened through the connection's VFS (main's), as SQLite's db->pVfs, also for an
            // attached in-memory database, whose own VFS holds only it; PRAGMA page_size does not apply to an
            // in-memory database (SQLite's isMemDb).
            int pageSize = iDb >= 2 && isMemory(db.attached.file(iDb)) ? 0 : p.p3[pc];
            vm.vacuum = new Vacuum(db.pager(iDb), db.pager(0).vfs(), (VacuumPlan) p.p4[pc], into, pageSize);
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

    private static boolean isMemory(String file) {
        return file.isEmpty() || file.equals(":memory:");
    }

    /** Drops an unfinished run (the statement failed or was reset); no I/O. */
    static void abandon(Vm vm) {
        if (vm.vacuum != null) {
            vm.vacuum.close();
            vm.vacuum = null;
        }
    }
}
