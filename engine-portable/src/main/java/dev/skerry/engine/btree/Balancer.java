package dev.skerry.engine.btree;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.pager.DbHeader;
import dev.skerry.engine.pager.Page;
import dev.skerry.engine.pager.Pager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Cell edits on the pages of a cursor's work (scratch) path, and the rebalancing that follows them.
 *
 * <p>An edit that does not fit leaves the page's bytes alone and keeps its would-be content as a list of
 * cells ({@code over[level]}, with {@code overRight[level]} the right child): the page is then "overfull".
 * {@link #balanceUpFrom} walks from the deepest edited level to the root. A non-root page that is overfull
 * or less than one third used is rebalanced with up to two neighbours (as SQLite's balance_nonroot): their
 * cells and the dividers between them are gathered, packed greedily into as many pages as needed, evened
 * out from the right so the last page is not nearly empty, written back (reusing the old page numbers,
 * allocating or freeing the difference), and the parent's dividers are replaced — which may make the parent
 * overfull or underfull in turn. An overfull root moves its content into a new child first (balance_deeper);
 * an interior root left without cells takes its only child's content when it fits (balance_shallower).
 *
 * <p>Every page used here was made resident and pinned by {@link TreeWriter} beforehand, so nothing here
 * waits for I/O; allocations and frees only touch freelist trunks that were made resident too.
 */
final class Balancer {
    private final BTreeCursor cur;
    private final Pager pager;
    private final BtPage geo;
    @SuppressWarnings({"unchecked", "rawtypes"})
    private final List<byte[]>[] over = new List[BTreeCursor.MAX_DEPTH + 1];
    private final int[] overRight = new int[BTreeCursor.MAX_DEPTH + 1];
    /** The page lost cells or had its dividers replaced: it may now be underfull. */
    private final boolean[] touched = new boolean[BTreeCursor.MAX_DEPTH + 1];
    /** The overfull page's only change is one cell appended at the end of a leaf (balance_quick). */
    private final boolean[] appendOnly = new boolean[BTreeCursor.MAX_DEPTH + 1];
    private byte[] scratch;

    Balancer(BTreeCursor cur) {
        this.cur = cur;
        this.pager = cur.pager;
        this.geo = cur.geo;
    }

    /** The first of the siblings balanced with child {@code ci} of a parent with {@code n} cells. */
    static int firstSibling(int ci, int n) {
        return Math.max(0, Math.min(ci - 1, n - 2));
    }

    static int siblingCount(int first, int n) {
        return Math.min(3, n + 1 - first);
    }

    private byte[] scratch() {
        if (scratch == null || scratch.length < pager.pageSize()) {
            scratch = new byte[pager.pageSize()];
        }
        return scratch;
    }

    /** The cells of page {@code p} as separate arrays, in order. */
    private List<byte[]> cellsOf(Page p) {
        byte[] d = p.data();
        int hdr = BtPage.hdr(p.pgno());
        int type = BtPage.type(d, hdr);
        int n = BtPage.nCells(d, hdr);
        List<byte[]> out = new ArrayList<>(n + 4);
        for (int i = 0; i < n; i++) {
            int c = BtPage.cellPtr(d, hdr, type, i);
            int len = geo.cellSize(d, c, type);
            byte[] cell = new byte[len];
            System.arraycopy(d, c, cell, 0, len);
            out.add(cell);
        }
        return out;
    }

    /** Inserts a cell; only overfullness follows from it (as SQLite, an insert never rebalances a thin page). */
    void insertCell(int level, int idx, byte[] cell, int len) throws SqliteException {
        byte[] copy;
        if (over[level] != null) {
            copy = java.util.Arrays.copyOf(cell, len);
            over[level].add(idx, copy);
            appendOnly[level] = false;
            return;
        }
        Page p = cur.spg[level];
        byte[] d = p.data();
        int hdr = BtPage.hdr(p.pgno());
        int type = BtPage.type(d, hdr);
        if (BtPage.freeSpace(d, hdr, type) >= len + 2) {
            pager.markDirty(p);
            CellEdit.insert(geo, d, hdr, idx, cell, len, scratch());
            return;
        }
        List<byte[]> cells = cellsOf(p);
        appendOnly[level] = (type == BtPage.LEAF_TABLE || type == BtPage.LEAF_INDEX) && idx == cells.size();
        cells.add(idx, java.util.Arrays.copyOf(cell, len));
        over[level] = cells;
        overRight[level] = BtPage.isLeaf(type) ? 0 : BtPage.rightChild(d, hdr);
    }

    void dropCell(int level, int idx) throws SqliteException {
        touched[level] = true;
        if (over[level] != null) {
            over[level].remove(idx);
            appendOnly[level] = false;
            return;
        }
        Page p = cur.spg[level];
        byte[] d = p.data();
        int hdr = BtPage.hdr(p.pgno());
        int type = BtPage.type(d, hdr);
        pager.markDirty(p);
        CellEdit.drop(d, hdr, idx, geo.cellSize(d, BtPage.cellPtr(d, hdr, type, idx), type));
    }

    private boolean underfull(int level) {
        Page p = cur.spg[level];
        byte[] d = p.data();
        int hdr = BtPage.hdr(p.pgno());
        if (BtPage.nCells(d, hdr) == 0) {
            return true;
        }
        return BtPage.freeSpace(d, hdr, BtPage.type(d, hdr)) * 3 > geo.usable * 2;
    }

    /** Repairs every edited level from {@code deepest} up to the root. */
    void balanceUpFrom(int deepest) throws IoPending, SqliteException {
        try {
            for (int l = deepest; l >= 1; l--) {
                if (over[l] != null && appendOnly[l] && quickApplies(l)) {
                    balanceQuick(l);
                } else if (over[l] != null || (touched[l] && underfull(l))) {
                    balanceNonRoot(l);
                }
                touched[l] = false;
            }
            while (over[0] != null) {
                balanceDeeper();
            }
            if (touched[0]) {
                balanceShallower();
            }
        } finally {
            for (int l = 0; l < over.length; l++) {
                over[l] = null;
                touched[l] = false;
                appendOnly[l] = false;
            }
        }
    }

    private static int interiorType(int type) {
        if (type == BtPage.LEAF_TABLE) {
            return BtPage.INTERIOR_TABLE;
        }
        if (type == BtPage.LEAF_INDEX) {
            return BtPage.INTERIOR_INDEX;
        }
        return type;
    }

    private void balanceDeeper() throws IoPending, SqliteException {
        Page root = cur.spg[0];
        byte[] d = root.data();
        int hdr = BtPage.hdr(root.pgno());
        int type = BtPage.type(d, hdr);
        List<byte[]> cells = over[0];
        int right = overRight[0];
        over[0] = null;
        Page child = pager.allocatePage();
        child.data()[0] = (byte) type;
        pager.markDirty(root);
        CellEdit.write(geo, d, hdr, interiorType(type), Collections.emptyList(), 0, 0, child.pgno());
        while (cur.sLevel > 0) {
            cur.sPop();
        }
        cur.six[0] = 0;
        cur.sPush(child, 0);
        over[1] = cells;
        overRight[1] = right;
        balanceNonRoot(1);
    }

    private void balanceShallower() throws IoPending, SqliteException {
        Page root = cur.spg[0];
        byte[] d = root.data();
        int hdr = BtPage.hdr(root.pgno());
        int type = BtPage.type(d, hdr);
        if (BtPage.isLeaf(type) || BtPage.nCells(d, hdr) > 0) {
            return;
        }
        int childNo = BtPage.rightChild(d, hdr);
        Page child = pager.getPage(childNo);
        byte[] cd = child.data();
        int ctype = BtPage.type(cd, 0);
        List<byte[]> cells = cellsOf(child);
        if (!CellEdit.fits(geo, hdr, ctype, cells, 0, cells.size())) {
            return;
        }
        int cright = BtPage.isLeaf(ctype) ? 0 : BtPage.rightChild(cd, 0);
        pager.markDirty(root);
        CellEdit.write(geo, d, hdr, ctype, cells, 0, cells.size(), cright);
        pager.freePage(childNo);
    }

    /**
     * Appending past the last entry of the right-most leaf under a parent other than page 1 (an index leaf
     * needs two old cells: one stays, one becomes the divider).
     */
    private boolean quickApplies(int level) {
        Page parent = cur.spg[level - 1];
        return over[level - 1] == null && parent.pgno() != 1
                && cur.six[level - 1] == BtPage.nCells(parent.data(), 0)
                && (BtPage.type(cur.spg[level].data(), 0) == BtPage.LEAF_TABLE || over[level].size() >= 3);
    }

    /**
     * SQLite's balance_quick: the appended cell alone goes to a new right-most sibling, and the parent gains
     * a divider for the old leaf and points its right child at the new one. A table leaf keeps its (full)
     * content and the divider is its last rowid; an index leaf gives its last cell up as the divider (index
     * dividers are entries). Ascending inserts so fill their pages, as SQLite's do.
     */
    private void balanceQuick(int level) throws IoPending, SqliteException {
        List<byte[]> cells = over[level];
        Page leaf = cur.spg[level];
        byte[] ld = leaf.data();
        int type = BtPage.type(ld, 0);
        int n = BtPage.nCells(ld, 0);
        Page fresh = pager.allocatePage();
        CellEdit.write(geo, fresh.data(), 0, type, cells, cells.size() - 1, cells.size(), 0);
        over[level] = null;
        appendOnly[level] = false;
        byte[] div;
        if (type == BtPage.LEAF_TABLE) {
            long lastRowid = BTreeCursor.cellRowid(ld, BtPage.cellPtr(ld, 0, type, n - 1), type);
            div = new byte[4 + dev.skerry.engine.record.Varint.size(lastRowid)];
            dev.skerry.engine.record.Varint.write(div, 4, lastRowid);
        } else {
            byte[] last = cells.get(n - 1);
            div = new byte[4 + last.length];
            System.arraycopy(last, 0, div, 4, last.length);
            pager.markDirty(leaf);
            CellEdit.drop(ld, 0, n - 1, last.length);
        }
        DbHeader.put4(div, 0, leaf.pgno());
        Page parent = cur.spg[level - 1];
        byte[] pd = parent.data();
        int np = BtPage.nCells(pd, 0);
        int ptype = BtPage.type(pd, 0);
        if (BtPage.freeSpace(pd, 0, ptype) >= div.length + 2) {
            pager.markDirty(parent);
            CellEdit.insert(geo, pd, 0, np, div, div.length, scratch());
            DbHeader.put4(pd, 8, fresh.pgno());
        } else {
            List<byte[]> pcells = cellsOf(parent);
            pcells.add(div);
            over[level - 1] = pcells;
            overRight[level - 1] = fresh.pgno();
        }
        touched[level - 1] = true;
    }

    private void balanceNonRoot(int level) throws IoPending, SqliteException {
        int pl = level - 1;
        Page parent = cur.spg[pl];
        byte[] pd = parent.data();
        int phdr = BtPage.hdr(parent.pgno());
        int ptype = BtPage.type(pd, phdr);
        List<byte[]> pcells = over[pl] != null ? over[pl] : cellsOf(parent);
        int pright = over[pl] != null ? overRight[pl] : BtPage.rightChild(pd, phdr);
        int np = pcells.size();
        int ci = cur.six[pl];
        int first = firstSibling(ci, np);
        int nOld = siblingCount(first, np);

        Page[] old = new Page[nOld];
        List<byte[]> cells = new ArrayList<>();
        int type = -1;
        int lastRight = 0;
        for (int j = 0; j < nOld; j++) {
            int k = first + j;
            int pgno = k < np ? DbHeader.get4(pcells.get(k), 0) : pright;
            Page sp = k == ci ? cur.spg[level] : pager.getPage(pgno);
            if (sp.pgno() != pgno) {
                throw SqliteException.corrupt("parent " + parent.pgno() + " does not point to page " + sp.pgno());
            }
            old[j] = sp;
            byte[] sd = sp.data();
            int stype = BtPage.type(sd, 0);
            if (type == -1) {
                type = stype;
            } else if (stype != type) {
                throw SqliteException.corrupt("siblings " + old[0].pgno() + " and " + pgno + " differ in type");
            }
            boolean virtual = k == ci && over[level] != null;
            List<byte[]> sc = virtual ? over[level] : cellsOf(sp);
            int sright = BtPage.isLeaf(stype) ? 0 : (virtual ? overRight[level] : BtPage.rightChild(sd, 0));
            cells.addAll(sc);
            if (j < nOld - 1) {
                byte[] div = pcells.get(k);
                if (stype == BtPage.LEAF_INDEX) {
                    cells.add(java.util.Arrays.copyOfRange(div, 4, div.length));
                } else if (stype != BtPage.LEAF_TABLE) {
                    byte[] dc = div.clone();
                    DbHeader.put4(dc, 0, sright);
                    cells.add(dc);
                }
            } else {
                lastRight = sright;
            }
        }
        BtPage.checkType(type, old[0].pgno());
        over[level] = null;
        boolean leafData = type == BtPage.LEAF_TABLE;
        int gap = leafData ? 0 : 1;
        int cap = geo.usable - BtPage.headerSize(type);
        int n = cells.size();

        int[] ends = new int[n + 2];
        int k = 0;
        int i = 0;
        while (true) {
            int used = 0;
            int start = i;
            while (i < n && used + cells.get(i).length + 2 <= cap) {
                used += cells.get(i).length + 2;
                i++;
            }
            if (i == start && i < n) {
                throw SqliteException.corrupt("cell of " + cells.get(i).length + " bytes does not fit a page");
            }
            ends[k++] = i;
            if (i >= n) {
                break;
            }
            i += gap;
            if (i >= n) {
                ends[k++] = n;
                break;
            }
        }
        for (int p = k - 1; p >= 1; p--) {
            int ls = p - 1 == 0 ? 0 : ends[p - 2] + gap;
            int rs = ends[p - 1] + gap;
            int szL = CellEdit.spaceOf(cells, ls, ends[p - 1]);
            int szR = CellEdit.spaceOf(cells, rs, ends[p]);
            while (ends[p - 1] - ls > 1) {
                int le = ends[p - 1];
                int out = cells.get(le - 1).length + 2;
                int in = leafData ? out : cells.get(le).length + 2;
                int newL = szL - out;
                int newR = szR + in;
                boolean rightEmpty = ends[p] - (le + gap) <= 0;
                if (newR > cap || (!rightEmpty && newR > newL)) {
                    break;
                }
                ends[p - 1] = le - 1;
                szL = newL;
                szR = newR;
            }
        }
        for (int p = 0; p < k; p++) {
            int s = p == 0 ? 0 : ends[p - 1] + gap;
            if (ends[p] - s <= 0 && !(k == 1 && n == 0)) {
                throw SqliteException.corrupt("balance left page " + p + " of " + k + " empty");
            }
        }

        Page[] pages = new Page[k];
        for (int p = 0; p < k; p++) {
            pages[p] = p < nOld ? old[p] : pager.allocatePage();
        }
        for (int p = 0; p < k; p++) {
            int s = p == 0 ? 0 : ends[p - 1] + gap;
            int right = 0;
            if (!BtPage.isLeaf(type)) {
                right = p < k - 1 ? DbHeader.get4(cells.get(ends[p]), 0) : lastRight;
            }
            pager.markDirty(pages[p]);
            CellEdit.write(geo, pages[p].data(), 0, type, cells, s, ends[p], right);
        }
        for (int p = k; p < nOld; p++) {
            pager.freePage(old[p].pgno());
        }

        for (int t = 0; t < nOld - 1; t++) {
            pcells.remove(first);
        }
        int lastNew = pages[k - 1].pgno();
        if (first < pcells.size()) {
            byte[] cc = pcells.get(first).clone();
            DbHeader.put4(cc, 0, lastNew);
            pcells.set(first, cc);
        } else {
            pright = lastNew;
        }
        for (int p = 0; p < k - 1; p++) {
            byte[] div;
            if (leafData) {
                byte[] last = cells.get(ends[p] - 1);
                long rowid = BTreeCursor.cellRowid(last, 0, BtPage.LEAF_TABLE);
                div = new byte[4 + dev.skerry.engine.record.Varint.size(rowid)];
                dev.skerry.engine.record.Varint.write(div, 4, rowid);
            } else if (type == BtPage.LEAF_INDEX) {
                byte[] c = cells.get(ends[p]);
                div = new byte[c.length + 4];
                System.arraycopy(c, 0, div, 4, c.length);
            } else {
                div = cells.get(ends[p]).clone();
            }
            DbHeader.put4(div, 0, pages[p].pgno());
            pcells.add(first + p, div);
        }
        if (CellEdit.fits(geo, phdr, ptype, pcells, 0, pcells.size())) {
            pager.markDirty(parent);
            CellEdit.write(geo, pd, phdr, ptype, pcells, 0, pcells.size(), pright);
            over[pl] = null;
        } else {
            over[pl] = pcells;
            overRight[pl] = pright;
        }
        touched[pl] = true;
    }
}
