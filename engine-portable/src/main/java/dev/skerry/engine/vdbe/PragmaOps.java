package dev.skerry.engine.vdbe;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.pager.Pager;
import dev.skerry.engine.value.Mem;

/**
 * The opcodes behind PRAGMA statements that look at or act on the database file while they run
 * ({@code Pagecount}, {@code MaxPgcnt}, {@code IntegrityCk}, {@code Checkpoint}), run for the {@link Vm}'s
 * step loop. Each either finishes its instruction or throws IoPending before any lasting change (the
 * integrity check and the checkpoint keep their progress in an explicit state and are re-called).
 */
final class PragmaOps {
    private PragmaOps() {
    }

    /** The checkpoint modes of {@code Checkpoint} P2 (SQLite's {@code SQLITE_CHECKPOINT_} values). */
    static final int CHECKPOINT_TRUNCATE = 3;

    /** The text of a register as ATTACH and DETACH read their arguments (NULL as empty text, as SQLite). */
    private static String text(Mem m) {
        if (m.type() == Mem.NULL) {
            return "";
        }
        return dev.skerry.engine.value.Convert.toText(m);
    }

    /** Runs the opcode at {@code pc}; false when it is not one of these. */
    static boolean run(Vm vm, int pc) throws IoPending, SqliteException {
        Program p = vm.program();
        Mem[] r = vm.r;
        switch (p.opcode[pc]) {
            case Opcode.PAGECOUNT:
                r[p.p2[pc]].setLong(vm.db().pager(p.p1[pc]).pageCount());
                break;
            case Opcode.MAX_PGCNT:
                r[p.p2[pc]].setLong(vm.db().pager(p.p1[pc]).setMaxPageCount(p.p3[pc] & 0xffffffffL));
                break;
            case Opcode.ATTACH:
                vm.db().attached.attach(vm.r[p.p1[pc]].type() == Mem.NULL ? "" : text(vm.r[p.p1[pc]]),
                        text(vm.r[p.p2[pc]]));
                break;
            case Opcode.DETACH:
                vm.db().attached.detach(text(vm.r[p.p1[pc]]));
                break;
            case Opcode.INTEGRITY_CK: {
                if (vm.integrityCheck == null) {
                    vm.integrityCheck = new IntegrityCheck(vm.db().pager(p.p3[pc]), (IntegrityCheck.Plan) p.p4[pc]);
                }
                vm.integrityCheck.step();
                String row = vm.integrityCheck.next();
                if (row == null) {
                    vm.integrityCheck = null;
                    vm.jumpTo(p.p2[pc]);
                    return true;
                }
                r[p.p1[pc]].setText(row);
                break;
            }
            case Opcode.CHECKPOINT: {
                Pager target = vm.db().pager(p.p1[pc]);
                if (vm.checkpointFrames < 0) {
                    vm.checkpointFrames = target.walFrames();
                }
                target.checkpoint();
                long frames = p.p2[pc] == CHECKPOINT_TRUNCATE ? 0 : vm.checkpointFrames;
                vm.checkpointFrames = -1;
                int out = p.p3[pc];
                r[out].setLong(0);
                r[out + 1].setLong(frames);
                r[out + 2].setLong(frames);
                break;
            }
            default:
                return false;
        }
        vm.jumpTo(pc + 1);
        return true;
    }
}
