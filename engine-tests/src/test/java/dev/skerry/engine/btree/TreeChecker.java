package dev.skerry.engine.btree;

import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.pager.DbHeader;
import dev.skerry.engine.pager.Page;
import dev.skerry.engine.pager.Pager;
import dev.skerry.testkit.TestVfs;

/**
 * A page-level integrity check for tests: every page of the file is used exactly once (by a tree, an
 * overflow chain or the freelist), every b-tree page's space adds up (cells + freeblocks + fragments +
 * gap), leaves are all at one depth, table rowids are ordered across the tree, and the freelist count in
 * the header is right. Throws AssertionError describing the first problem.
 */
final class TreeChecker {
    private final Vfs vfs;
    private final Pager pager;
    private final BtPage geo;
    private final int[] seen;
    private int leafDepth;

    TreeChecker(Vfs vfs, Pager pager) {
        this.vfs = vfs;
        this.pager = pager;
        this.geo = new BtPage(pager.usableSize());
        this.seen = new int[pager.pageCount() + 1];
    }

    private Page page(int pgno) throws Exception {
        return TestVfs.drive(vfs, () -> pager.getPage(pgno));
    }

    private void mark(int pgno, String what) {
        if (pgno < 1 || pgno > pager.pageCount()) {
            throw new AssertionError(what + ": page " + pgno + " out of range " + pager.pageCount());
        }
        if (seen[pgno]++ != 0) {
            throw new AssertionError(what + ": page " + pgno + " used twice");
        }
    }

    /** Checks the trees rooted at {@code roots} plus the freelist cover the file exactly. */
    void checkAll(int... roots) throws Exception {
        for (int r : roots) {
            leafDepth = -1;
            tree(r, 0, Long.MIN_VALUE, Long.MAX_VALUE, true);
        }
        int count = 0;
        int trunk = pager.freelistTrunk();
        while (trunk != 0) {
            mark(trunk, "freelist trunk");
            count++;
            byte[] d = page(trunk).data();
            int n = DbHeader.get4(d, 4);
            for (int i = 0; i < n; i++) {
                mark(DbHeader.get4(d, 8 + 4 * i), "freelist leaf");
                count++;
            }
            trunk = DbHeader.get4(d, 0);
        }
        if (count != pager.freelistCount()) {
            throw new AssertionError("freelist has " + count + " pages, header says " + pager.freelistCount());
        }
        int pending = (int) (0x40000000L / pager.pageSize()) + 1;
        for (int p = 1; p <= pager.pageCount(); p++) {
            if (seen[p] == 0 && p != pending) {
                throw new AssertionError("page " + p + " is not used by anything");
            }
        }
    }

    private void tree(int pgno, int depth, long lo, long hi, boolean isRoot) throws Exception {
        mark(pgno, "b-tree");
        byte[] d = page(pgno).data();
        int hdr = BtPage.hdr(pgno);
        int type = BtPage.type(d, hdr);
        BtPage.checkType(type, pgno);
        int n = BtPage.nCells(d, hdr);
        if (n == 0 && !isRoot) {
            throw new AssertionError("non-root page " + pgno + " has no cells");
        }
        int hs = BtPage.headerSize(type);
        int area = geo.usable - (hdr + hs + 2 * n);
        int used = 0;
        boolean[] taken = new boolean[geo.usable];
        for (int i = 0; i < n; i++) {
            int c = BtPage.cellPtr(d, hdr, type, i);
            int sz = geo.cellSize(d, c, type);
            if (c < hdr + hs + 2 * n || c + sz > geo.usable) {
                throw new AssertionError("page " + pgno + " cell " + i + " outside the content area");
            }
            for (int k = c; k < c + sz; k++) {
                if (taken[k]) {
                    throw new AssertionError("page " + pgno + " cells overlap at " + k);
                }
                taken[k] = true;
            }
            used += sz;
        }
        int free = BtPage.freeSpace(d, hdr, type);
        if (used + free != area) {
            throw new AssertionError("page " + pgno + " space: cells " + used + " + free " + free + " != " + area);
        }
        if (BtPage.isLeaf(type)) {
            if (leafDepth == -1) {
                leafDepth = depth;
            } else if (leafDepth != depth) {
                throw new AssertionError("leaf " + pgno + " at depth " + depth + ", others at " + leafDepth);
            }
        }
        Payload payload = new Payload(pager, geo);
        long prev = lo;
        for (int i = 0; i <= n; i++) {
            if (i < n) {
                int c = BtPage.cellPtr(d, hdr, type, i);
                int ovfl = payload.firstOverflow(d, c, type);
                while (ovfl != 0) {
                    mark(ovfl, "overflow");
                    ovfl = DbHeader.get4(page(ovfl).data(), 0);
                }
                if (BtPage.isTable(type)) {
                    long key = BTreeCursor.cellRowid(d, c, type);
                    if (key <= prev || key > hi) {
                        throw new AssertionError("page " + pgno + " key " + key + " out of order/range (" + prev + ", " + hi + "]");
                    }
                    if (!BtPage.isLeaf(type)) {
                        tree(BtPage.child(d, hdr, type, i), depth + 1, prev, key, false);
                    }
                    prev = key;
                } else if (!BtPage.isLeaf(type)) {
                    tree(BtPage.child(d, hdr, type, i), depth + 1, lo, hi, false);
                }
            } else if (!BtPage.isLeaf(type)) {
                tree(BtPage.rightChild(d, hdr), depth + 1, prev, hi, false);
            }
        }
    }
}
