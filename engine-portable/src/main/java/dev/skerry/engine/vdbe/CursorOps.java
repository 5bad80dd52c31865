package dev.skerry.engine.vdbe;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.btree.KeyInfo;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.value.Affinity;
import dev.skerry.engine.value.Mem;

/**
 * The opcodes that work on cursors (open, move, seek, read, write) and on b-trees as a whole, run for the
 * {@link Vm}'s step loop. Each method either finishes the instruction (and moves the VM's program counter)
 * or throws before any lasting change, as the step loop requires.
 */
final class CursorOps {
    private CursorOps() {
    }

    private static final int MAX_NEW_ROWID_TRIES = 100;

    /** Runs the cursor opcode at {@code pc}; false when the opcode is not one of these. */
    static boolean run(Vm vm, int pc) throws IoPending, SqliteException {
        if (WithoutRowidOps.run(vm, pc)) {
            return true;
        }
        Program p = vm.current();
        int op = p.opcode[pc];
        int a1 = p.p1[pc];
        int a2 = p.p2[pc];
        int a3 = p.p3[pc];
        Object a4 = p.p4[pc];
        Mem[] r = vm.r;
        switch (op) {
            case Opcode.OPEN_EPHEMERAL: {
                VdbeCursor c = vm.cursor(a1);
                if (c instanceof EphemeralTableCursor) {
                    ((EphemeralTableCursor) c).clear();
                } else if (c instanceof EphemeralIndexCursor) {
                    ((EphemeralIndexCursor) c).clear();
                } else {
                    vm.setCursor(a1, a4 instanceof KeyInfo ? new EphemeralIndexCursor((KeyInfo) a4)
                            : new EphemeralTableCursor());
                }
                break;
            }
            case Opcode.OPEN_DUP:
                vm.setCursor(a1, ((EphemeralTableCursor) vm.cursor(a2)).dup());
                break;
            case Opcode.SORTER_OPEN:
                vm.setCursor(a1, new SorterCursor(a4 instanceof KeyInfo ? (KeyInfo) a4 : KeyInfo.binary(a2), vm.db()));
                break;
            case Opcode.OPEN_PSEUDO:
                vm.setCursor(a1, a4 instanceof Integer ? new PseudoCursor(r[a2], r, (Integer) a4, a3)
                        : new PseudoCursor(r[a2]));
                break;
            case Opcode.CLOSE:
                vm.setCursor(a1, null);
                break;
            case Opcode.SORTER_INSERT:
                ((SorterCursor) vm.cursor(a1)).insert(r[a2].blob());
                break;
            case Opcode.SORTER_SORT:
                if (!((SorterCursor) vm.cursor(a1)).sort()) {
                    vm.jumpTo(a2);
                    return true;
                }
                break;
            case Opcode.SORTER_DATA: {
                VdbeCursor c = vm.cursor(a1);
                r[a2].setBlob(c.record());
                VdbeCursor pseudo = vm.cursor(a3);
                if (pseudo instanceof PseudoCursor) {
                    ((PseudoCursor) pseudo).invalidate();
                }
                break;
            }
            case Opcode.SORTER_COMPARE:
                if (((SorterCursor) vm.cursor(a1)).compareCurrent(r[a3].blob(), ((Integer) a4).intValue()) != 0) {
                    vm.jumpTo(a2);
                    return true;
                }
                break;
            case Opcode.SORTER_NEXT:
                if (vm.cursor(a1).next()) {
                    vm.jumpTo(a2);
                    return true;
                }
                break;
            case Opcode.PREV:
                if (vm.cursor(a1).previous()) {
                    vm.jumpTo(a2);
                    return true;
                }
                break;
            case Opcode.REWIND:
                if (!vm.cursor(a1).first()) {
                    vm.jumpTo(a2);
                    return true;
                }
                break;
            case Opcode.LAST:
                if (!vm.cursor(a1).last()) {
                    vm.jumpTo(a2);
                    return true;
                }
                break;
            case Opcode.ROWID:
            case Opcode.IDX_ROWID: {
                VdbeCursor c = vm.cursor(a1);
                if (c.nullRow) {
                    r[a2].setNull();
                } else {
                    r[a2].setLong(c.rowid());
                }
                break;
            }
            case Opcode.ROW_DATA:
                r[a2].setBlob(vm.cursor(a1).record());
                break;
            case Opcode.NULL_ROW: {
                VdbeCursor c = vm.cursor(a1);
                if (c == null) {
                    c = new EphemeralTableCursor();
                    vm.setCursor(a1, c);
                }
                c.nullRow = true;
                break;
            }
            case Opcode.IF_NULL_ROW: {
                VdbeCursor c = vm.cursor(a1);
                if (c == null || c.nullRow) {
                    r[a3].setNull();
                    vm.jumpTo(a2);
                    return true;
                }
                break;
            }
            case Opcode.SEQUENCE: {
                VdbeCursor c = vm.cursor(a1);
                r[a2].setLong(c.sequence++);
                break;
            }
            case Opcode.COUNT:
                r[a2].setLong(vm.cursor(a1).count());
                break;
            case Opcode.SEEK_ROWID:
            case Opcode.NOT_EXISTS: {
                Mem key = r[a3];
                long rowid;
                if (key.type() == Mem.INTEGER) {
                    rowid = key.longValue();
                } else {
                    Mem k = vm.scratch();
                    k.copyFrom(key);
                    Affinity.apply(k, Affinity.NUMERIC);
                    if (k.type() != Mem.INTEGER) {
                        vm.cursor(a1).nullRow = true;
                        vm.jumpTo(a2);
                        return true;
                    }
                    rowid = k.longValue();
                }
                if (!vm.cursor(a1).seekRowid(rowid)) {
                    vm.cursor(a1).nullRow = true;
                    vm.jumpTo(a2);
                    return true;
                }
                break;
            }
            case Opcode.SEEK_GE:
            case Opcode.SEEK_GT:
            case Opcode.SEEK_LE:
            case Opcode.SEEK_LT:
                if (!seek(vm, op, vm.cursor(a1), r, a3, a4 == null ? 1 : ((Integer) a4).intValue())) {
                    vm.jumpTo(a2);
                    return true;
                }
                break;
            case Opcode.IDX_GE:
            case Opcode.IDX_GT:
            case Opcode.IDX_LE:
            case Opcode.IDX_LT: {
                int c = vm.cursor(a1).compareKey(r, a3, ((Integer) a4).intValue());
                boolean jump = op == Opcode.IDX_GE ? c >= 0 : op == Opcode.IDX_GT ? c > 0
                        : op == Opcode.IDX_LE ? c <= 0 : c < 0;
                if (jump) {
                    vm.jumpTo(a2);
                    return true;
                }
                break;
            }
            case Opcode.FOUND:
            case Opcode.NOT_FOUND:
            case Opcode.NO_CONFLICT: {
                int n = a4 == null ? 0 : ((Integer) a4).intValue();
                Mem[] key = r;
                int base = a3;
                if (n == 0) {
                    n = vm.unpack(r[a3].blob());
                    key = vm.unpacked();
                    base = 0;
                }
                boolean hasNull = false;
                if (op == Opcode.NO_CONFLICT) {
                    for (int i = 0; i < n; i++) {
                        if (key[base + i].isNull()) {
                            hasNull = true;
                        }
                    }
                }
                VdbeCursor c = vm.cursor(a1);
                boolean found = !hasNull && c.seek(Opcode.SEEK_GE, key, base, n) && c.compareKey(key, base, n) == 0;
                if (!found) {
                    c.nullRow = true;
                }
                if (found == (op == Opcode.FOUND)) {
                    vm.jumpTo(a2);
                    return true;
                }
                break;
            }
            case Opcode.INSERT: {
                long rowid = r[a3].longValue();
                vm.cursor(a1).insert(rowid, r[a2].blob());
                int flags = p.p5[pc];
                vm.countChange((flags & Opcode.OPFLAG_NCHANGE) != 0);
                if ((flags & Opcode.OPFLAG_LASTROWID) != 0) {
                    vm.db().lastInsertRowid = rowid;
                }
                break;
            }
            case Opcode.IDX_INSERT:
                vm.cursor(a1).insertIndex(r[a2].blob());
                break;
            case Opcode.DELETE:
                vm.cursor(a1).delete();
                vm.countChange((a2 & Opcode.OPFLAG_NCHANGE) != 0);
                break;
            case Opcode.IDX_DELETE: {
                VdbeCursor c = vm.cursor(a1);
                if (c.seek(Opcode.SEEK_GE, r, a2, a3) && c.compareKey(r, a2, a3) == 0) {
                    c.delete();
                }
                break;
            }
            case Opcode.NEW_ROWID:
                if (a3 != 0) {
                    Autoincrement.newRowid(vm.cursor(a1), r[a3], r[a2]);
                } else {
                    r[a2].setLong(newRowid(vm.cursor(a1)));
                }
                break;
            case Opcode.MEM_MAX:
                Autoincrement.memMax(r[a1], r[a2]);
                break;
            case Opcode.DEFERRED_SEEK: {
                VdbeCursor index = vm.cursor(a1);
                VdbeCursor table = vm.cursor(a3);
                if (index.nullRow) {
                    table.nullRow = true;
                } else if (!table.seekRowid(index.rowid())) {
                    throw SqliteException.corrupt("index entry without its row");
                }
                break;
            }
            case Opcode.PARSE_SCHEMA:
                vm.db().schemaLoader().reloadSchema(a1);
                break;
            case Opcode.DROP_TABLE:
                vm.db().schemaLoader().dropTable(a1, (String) a4);
                break;
            case Opcode.DROP_TRIGGER:
                vm.db().schemaLoader().dropTrigger(a1, (String) a4);
                break;
            case Opcode.DROP_INDEX:
                vm.db().schemaLoader().dropIndex(a1, (String) a4);
                break;
            default:
                return BTreeOps.run(vm, pc);
        }
        vm.advance();
        return true;
    }

    /** Column: field {@code i} of the cursor's current entry, its default {@code dflt} past the record's end. */
    static void column(VdbeCursor c, int i, Mem out, Object dflt) throws IoPending, SqliteException {
        if (c == null || c.nullRow) {
            out.setNull();
            return;
        }
        if (dflt != null && i >= c.fieldCount()) {
            setValue(out, dflt);
            return;
        }
        c.column(i, out);
    }

    /** Sets {@code out} to a P4 constant: Long, Integer, Double, String, byte[] or null. */
    static void setValue(Mem out, Object v) {
        if (v == null) {
            out.setNull();
        } else if (v instanceof Long) {
            out.setLong(((Long) v).longValue());
        } else if (v instanceof Integer) {
            out.setLong(((Integer) v).intValue());
        } else if (v instanceof Double) {
            out.setDouble(((Double) v).doubleValue());
        } else if (v instanceof String) {
            out.setText((String) v);
        } else if (v instanceof byte[]) {
            out.setBlob((byte[]) v);
        } else if (v instanceof Mem) {
            out.copyFrom((Mem) v);
        } else {
            out.setNull();
        }
    }

    private static boolean seek(Vm vm, int op, VdbeCursor c, Mem[] r, int base, int n) throws IoPending, SqliteException {
        if (!c.isTable()) {
            boolean ok = c.seek(op, r, base, n);
            c.nullRow = !ok;
            return ok;
        }
        Mem k = vm.scratch();
        k.copyFrom(r[base]);
        Affinity.apply(k, Affinity.NUMERIC);
        if (k.type() == Mem.FLOAT) {
            double d = k.doubleValue();
            if (d >= 9223372036854775807.0) {
                if (op == Opcode.SEEK_GE || op == Opcode.SEEK_GT) {
                    c.nullRow = true;
                    return false;
                }
                boolean ok = c.last();
                c.nullRow = !ok;
                return ok;
            }
            if (d < -9223372036854775808.0) {
                if (op == Opcode.SEEK_LE || op == Opcode.SEEK_LT) {
                    c.nullRow = true;
                    return false;
                }
                boolean ok = c.first();
                c.nullRow = !ok;
                return ok;
            }
            long v = (long) d;
            if ((double) v != d) {
                // A fractional key: x >= 2.5 is x >= 3 (x > 2), x <= 2.5 is x <= 2 (x < 3).
                if (d > 0) {
                    op = (op == Opcode.SEEK_GE) ? Opcode.SEEK_GT : (op == Opcode.SEEK_LT ? Opcode.SEEK_LE : op);
                } else {
                    op = (op == Opcode.SEEK_GT) ? Opcode.SEEK_GE : (op == Opcode.SEEK_LE ? Opcode.SEEK_LT : op);
                }
            }
            k.setLong(v);
        } else if (k.type() != Mem.INTEGER) {
            c.nullRow = true;
            return false;
        }
        Mem[] one = vm.seekKey();
        one[0].setLong(k.longValue());
        boolean ok = c.seek(op, one, 0, 1);
        c.nullRow = !ok;
        return ok;
    }

    private static long newRowid(VdbeCursor c) throws IoPending, SqliteException {
        long max = c.maxRowid();
        if (max < Long.MAX_VALUE) {
            return max + 1;
        }
        long seed = c.count() * 2654435761L + 0x9E3779B97F4A7C15L;
        for (int k = 0; k < MAX_NEW_ROWID_TRIES; k++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            long candidate = (seed >>> 1) | 1;
            if (!c.seekRowid(candidate)) {
                return candidate;
            }
        }
        throw new SqliteException(ResultCode.SQLITE_FULL, "database or disk is full");
    }
}
