package dev.skerry.engine.btree;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.pager.DbHeader;
import dev.skerry.engine.pager.Page;
import dev.skerry.engine.pager.Pager;

/**
 * Whole-tree operations: creating an empty tree, emptying one, dropping one (OP_CreateBtree, OP_Clear,
 * OP_Destroy). Clearing first collects every page of the tree (level by level, each level's missing pages
 * requested as one group; overflow chains page by page) without changing anything, then frees them.
 * Limitation: the collection restarts after each {@link IoPending}, which relies on the pages read earlier
 * staying cached; a tree much larger than the page cache may not finish under a deferred VFS.
 */
public final class BTree {
    private BTree() {
    }

    /** Allocates an empty table ({@code index == false}) or index b-tree; returns its root page. */
    public static int create(Pager pager, boolean index) throws IoPending, SqliteException {
        Page p = pager.allocatePage();
        p.data()[0] = (byte) (index ? BtPage.LEAF_INDEX : BtPage.LEAF_TABLE);
        DbHeader.put2(p.data(), 5, pager.usableSize() == 65536 ? 0 : pager.usableSize());
        return p.pgno();
    }

    /** Frees every page of the tree but the root, which becomes an empty leaf. */
    public static void clear(Pager pager, int root) throws IoPending, SqliteException {
        int[] pages = collect(pager, root);
        Page r = pager.getPage(root);
        int hdr = BtPage.hdr(root);
        int type = BtPage.type(r.data(), hdr);
        // Freeing needs the first freelist trunk, which may be among the pages being freed: no read then.
        int trunk = pager.freelistTrunk();
        if (trunk != 0) {
            pager.getPage(trunk);
        }
        for (int k = 1; k < pages[0]; k++) {
            pager.freePage(pages[k]);
        }
        pager.markDirty(r);
        java.util.Arrays.fill(r.data(), hdr, hdr + 12, (byte) 0);
        r.data()[hdr] = (byte) (BtPage.isTable(type) ? BtPage.LEAF_TABLE : BtPage.LEAF_INDEX);
        DbHeader.put2(r.data(), hdr + 5, pager.usableSize() == 65536 ? 0 : pager.usableSize());
    }

    /** Frees every page of the tree, root included (the root may not be page 1). */
    public static void drop(Pager pager, int root) throws IoPending, SqliteException {
        if (root < 2) {
            throw new SqliteException(ResultCode.SQLITE_CORRUPT, "cannot drop the schema table");
        }
        clear(pager, root);
        pager.freePage(root);
    }

    /**
     * Every page of the tree except the root: {@code result[0]} is one more than the count, the pages follow.
     */
    private static int[] collect(Pager pager, int root) throws IoPending, SqliteException {
        BtPage geo = new BtPage(pager.usableSize());
        Payload payload = new Payload(pager, geo);
        int[] out = new int[16];
        int n = 1;
        int[] levelPages = {root};
        int nLevel = 1;
        int depth = 0;
        while (nLevel > 0) {
            if (++depth > BTreeCursor.MAX_DEPTH) {
                throw SqliteException.corrupt("b-tree " + root + " too deep");
            }
            IoPending acc = null;
            for (int k = 0; k < nLevel; k++) {
                acc = pager.request(levelPages[k], acc);
            }
            if (acc != null) {
                throw acc;
            }
            int[] next = new int[16];
            int nNext = 0;
            for (int k = 0; k < nLevel; k++) {
                Page p = pager.getPage(levelPages[k]);
                byte[] d = p.data();
                int hdr = BtPage.hdr(p.pgno());
                int type = BtPage.type(d, hdr);
                BtPage.checkType(type, p.pgno());
                int cells = BtPage.nCells(d, hdr);
                for (int i = 0; i <= cells; i++) {
                    if (i < cells) {
                        int c = BtPage.cellPtr(d, hdr, type, i);
                        int ovfl = payload.firstOverflow(d, c, type);
                        int guard = 0;
                        while (ovfl != 0) {
                            if (ovfl < 2 || ovfl > pager.pageCount() || guard++ > pager.pageCount()) {
                                throw SqliteException.corrupt("overflow page " + ovfl);
                            }
                            out = add(out, n++, ovfl);
                            ovfl = DbHeader.get4(pager.getPage(ovfl).data(), 0);
                        }
                    }
                    if (!BtPage.isLeaf(type)) {
                        int child = BtPage.child(d, hdr, type, i);
                        if (child < 2 || child > pager.pageCount()) {
                            throw SqliteException.corrupt("child page " + child);
                        }
                        next = add(next, nNext++, child);
                        out = add(out, n++, child);
                    }
                }
            }
            levelPages = next;
            nLevel = nNext;
        }
        out[0] = n;
        return out;
    }

    private static int[] add(int[] a, int at, int v) {
        if (at == a.length) {
            a = java.util.Arrays.copyOf(a, at * 2);
        }
        a[at] = v;
        return a;
    }
}
