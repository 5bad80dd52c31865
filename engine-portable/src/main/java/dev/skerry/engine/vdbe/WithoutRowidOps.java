package dev.skerry.engine.vdbe;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.btree.BTreeCursor;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.pager.Pager;
import dev.skerry.engine.value.Mem;

/**
 * The rowid opcodes on the cursors of WITHOUT ROWID tables ({@link WithoutRowid}): where a rowid table's
 * program handles a rowid, these handle the PRIMARY KEY record. OpenRead/OpenWrite with a {@link WithoutRowid}
 * P4 open a {@link WithoutRowidCursor}; Rowid/IdxRowid give the PRIMARY KEY record; SeekRowid/NotExists seek
 * it; Insert writes a row (not counted in last_insert_rowid); IdxInsert/IdxDelete take an index entry whose
 * last value is the PRIMARY KEY record; DeferredSeek positions the table on an index entry's row.
 */
final class WithoutRowidOps {
    private WithoutRowidOps() {
    }

    /** Runs the instruction at {@code pc} when it is one of these on such a cursor; false otherwise. */
    static boolean run(Vm vm, int pc) throws IoPending, SqliteException {
        Program p = vm.current();
        int op = p.opcode[pc];
        switch (op) {
            case Opcode.OPEN_READ:
            case Opcode.OPEN_WRITE:
                if (!(p.p4[pc] instanceof WithoutRowid)) {
                    return false;
                }
                open(vm, pc, op);
                break;
            case Opcode.ROWID:
            case Opcode.IDX_ROWID:
            case Opcode.SEEK_ROWID:
            case Opcode.NOT_EXISTS:
            case Opcode.INSERT:
            case Opcode.IDX_INSERT:
            case Opcode.IDX_DELETE:
            case Opcode.DEFERRED_SEEK: {
                VdbeCursor c = vm.cursor(p.p1[pc]);
                if (op == Opcode.DEFERRED_SEEK && !(c instanceof WithoutRowidCursor)
                        && vm.cursor(p.p3[pc]) instanceof WithoutRowidCursor) {
                    seekFromEntry(vm, c, (WithoutRowidCursor) vm.cursor(p.p3[pc]));
                    break;
                }
                if (!(c instanceof WithoutRowidCursor)) {
                    return false;
                }
                if (!rowidOp(vm, pc, op, (WithoutRowidCursor) c)) {
                    return true;
                }
                break;
            }
            default:
                return false;
        }
        vm.advance();
        return true;
    }

    /**
     * DeferredSeek from an entry of a temporary index (an automatic index) whose last field is the PRIMARY
     * KEY record of a WITHOUT ROWID row.
     */
    private static void seekFromEntry(Vm vm, VdbeCursor index, WithoutRowidCursor table)
            throws IoPending, SqliteException {
        if (index.nullRow) {
            table.nullRow = true;
            return;
        }
        Mem pk = vm.scratch();
        index.column(index.fieldCount() - 1, pk);
        if (pk.type() != Mem.BLOB || !table.seekPk(pk.blob())) {
            throw SqliteException.corrupt("index entry without its row");
        }
    }

    private static void open(Vm vm, int pc, int op) throws IoPending, SqliteException {
        Program p = vm.current();
        int a2 = p.p2[pc];
        int a3 = p.p3[pc];
        int root = (p.p5[pc] & Opcode.OPFLAG_P2ISREG) != 0 ? (int) vm.r[a2].longValue() : a2;
        Pager pager = vm.db().pager(a3);
        if (op == Opcode.OPEN_WRITE && !pager.inWriteTransaction()) {
            throw new SqliteException(ResultCode.SQLITE_INTERNAL, "OpenWrite outside a write transaction");
        }
        WithoutRowid shape = (WithoutRowid) p.p4[pc];
        BTreeVdbeCursor bt = new BTreeVdbeCursor(new BTreeCursor(pager, root, shape.keyInfo), a3, root, shape.keyInfo);
        vm.setCursor(p.p1[pc], new WithoutRowidCursor(bt, shape));
    }

    /** The rowid opcodes; false when the instruction jumped (the program counter is set). */
    private static boolean rowidOp(Vm vm, int pc, int op, WithoutRowidCursor c) throws IoPending, SqliteException {
        Program p = vm.current();
        Mem[] r = vm.r;
        int a2 = p.p2[pc];
        int a3 = p.p3[pc];
        switch (op) {
            case Opcode.ROWID:
            case Opcode.IDX_ROWID:
                if (c.nullRow) {
                    r[a2].setNull();
                } else {
                    r[a2].setBlob(c.pkRecord());
                }
                return true;
            case Opcode.SEEK_ROWID:
            case Opcode.NOT_EXISTS:
                if (r[a3].type() != Mem.BLOB || !c.seekPk(r[a3].blob())) {
                    c.nullRow = true;
                    vm.jumpTo(a2);
                    return false;
                }
                return true;
            case Opcode.INSERT:
                c.insertRow(r[a2].blob());
                vm.countChange((p.p5[pc] & Opcode.OPFLAG_NCHANGE) != 0);
                return true;
            case Opcode.IDX_INSERT:
                c.insertEntry(r[a2].blob());
                return true;
            case Opcode.IDX_DELETE:
                c.deleteEntry(r, a2, a3);
                return true;
            default: {
                VdbeCursor table = vm.cursor(a3);
                if (c.nullRow) {
                    table.nullRow = true;
                } else if (!((WithoutRowidCursor) table).seekPk(c.pkRecord())) {
                    throw SqliteException.corrupt("index entry without its row");
                }
                return true;
            }
        }
    }
}
