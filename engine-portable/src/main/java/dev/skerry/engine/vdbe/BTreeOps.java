package dev.skerry.engine.vdbe;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.btree.BTree;
import dev.skerry.engine.btree.BTreeCursor;
import dev.skerry.engine.btree.KeyInfo;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.pager.Pager;
import dev.skerry.engine.value.Mem;

/**
 * The opcodes that open cursors on the database's b-trees or work on whole b-trees: OpenRead, OpenWrite,
 * CreateBtree, Destroy, Clear. Run for {@link CursorOps}.
 */
final class BTreeOps {
    private BTreeOps() {
    }

    static boolean run(Vm vm, int pc) throws IoPending, SqliteException {
        Program p = vm.current();
        int op = p.opcode[pc];
        int a1 = p.p1[pc];
        int a2 = p.p2[pc];
        int a3 = p.p3[pc];
        Object a4 = p.p4[pc];
        Mem[] r = vm.r;
        switch (op) {
            case Opcode.OPEN_READ:
            case Opcode.OPEN_WRITE: {
                int root = (p.p5[pc] & Opcode.OPFLAG_P2ISREG) != 0 ? (int) r[a2].longValue() : a2;
                Pager pager = vm.db().pager(a3);
                if (op == Opcode.OPEN_WRITE && !pager.inWriteTransaction()) {
                    throw new SqliteException(ResultCode.SQLITE_INTERNAL, "OpenWrite outside a write transaction");
                }
                KeyInfo keyInfo = a4 instanceof KeyInfo ? (KeyInfo) a4 : null;
                BTreeVdbeCursor c = vm.spareCursor(a1, a3, root, keyInfo);
                if (c == null) {
                    c = new BTreeVdbeCursor(new BTreeCursor(pager, root, keyInfo), a3, root, keyInfo);
                }
                vm.setCursor(a1, c);
                break;
            }
            case Opcode.CREATE_BTREE:
                r[a2].setLong(BTree.create(vm.db().pager(a1), a3 == Opcode.BTREE_BLOBKEY));
                break;
            case Opcode.DESTROY:
                BTree.drop(vm.db().pager(a3), a1);
                r[a2].setLong(0);
                break;
            case Opcode.CLEAR: {
                long n = 0;
                if (a3 != 0) {
                    if (vm.clearCount < 0) {
                        if (vm.clearCursor == null) {
                            // P4: the KeyInfo of an index b-tree whose entries are counted (a WITHOUT ROWID table).
                            KeyInfo k = a4 instanceof KeyInfo ? (KeyInfo) a4 : null;
                            vm.clearCursor = new BTreeVdbeCursor(new BTreeCursor(vm.db().pager(a2), a1, k), a2, a1, k);
                        }
                        vm.clearCount = vm.clearCursor.count();
                        vm.clearCursor.close();
                        vm.clearCursor = null;
                    }
                    n = vm.clearCount;
                }
                BTree.clear(vm.db().pager(a2), a1);
                vm.clearCount = -1;
                vm.countChanges(n);
                break;
            }
            default:
                return false;
        }
        vm.advance();
        return true;
    }
}
