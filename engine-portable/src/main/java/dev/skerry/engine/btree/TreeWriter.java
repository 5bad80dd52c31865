package dev.skerry.engine.btree;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.pager.DbHeader;
import dev.skerry.engine.pager.Page;
import dev.skerry.engine.pager.Pager;
import dev.skerry.engine.record.Varint;

/**
 * Inserts and deletes for one cursor, in two phases. Phase 1 (may throw {@link IoPending}, changes
 * nothing): find the position on the cursor's scratch path and make resident, and pin, every page the change
 * may touch: the path, the siblings balancing may take at each level, overflow chains being freed, and the
 * freelist trunks the allocations may consume. Phase 2 (no I/O): write the cell and let the
 * {@link Balancer} repair overfull or underfull pages bottom-up. Afterwards the cursor is REQUIRESEEK on
 * the key written or deleted.
 */
final class TreeWriter {
    private final BTreeCursor cur;
    private final Pager pager;
    private final BtPage geo;
    private final Balancer balancer;
    private byte[] cell = new byte[64];
    private Page[] held = new Page[32];
    private int nHeld;
    /**
     * The last insert went to the right edge of the tree (after every entry): the next one is tried there
     * first, so ascending keys (CREATE INDEX from its sorter, INSERT of ascending rowids) append without a
     * search from the root (SQLite's OPFLAG_APPEND / USESEEKRESULT, found here without a flag).
     */
    private boolean appending;

    TreeWriter(BTreeCursor cur) {
        this.cur = cur;
        this.pager = cur.pager;
        this.geo = cur.geo;
        this.balancer = new Balancer(cur);
    }

    private void requireWrite() throws SqliteException {
        if (!pager.inWriteTransaction()) {
            throw new SqliteException(ResultCode.SQLITE_MISUSE, "b-tree change outside a write transaction");
        }
    }

    // ---- phase 1 helpers ----

    private void hold(Page p) {
        if (nHeld == held.length) {
            held = java.util.Arrays.copyOf(held, nHeld * 2);
        }
        p.pin();
        held[nHeld++] = p;
    }

    private void releaseHeld() {
        for (int k = 0; k < nHeld; k++) {
            held[k].unpin();
            held[k] = null;
        }
        nHeld = 0;
    }

    private IoPending request(int pgno, IoPending acc) throws SqliteException {
        IoPending r = pager.request(pgno, acc);
        Page p = pager.lastRequested();
        if (p != null) {
            hold(p);
        }
        return r;
    }

    /** Requests the siblings balancing may use at every level of the scratch path. */
    private IoPending requestSiblings(IoPending acc) throws SqliteException {
        for (int l = 1; l <= cur.sLevel; l++) {
            Page parent = cur.spg[l - 1];
            byte[] d = parent.data();
            int hdr = BtPage.hdr(parent.pgno());
            int type = BtPage.type(d, hdr);
            int n = BtPage.nCells(d, hdr);
            int ci = cur.six[l - 1];
            int first = Balancer.firstSibling(ci, n);
            int nOld = Balancer.siblingCount(first, n);
            for (int j = 0; j < nOld; j++) {
                if (first + j != ci) {
                    int pgno = BtPage.child(d, hdr, type, first + j);
                    if (pgno < 2 || pgno > pager.pageCount()) {
                        throw SqliteException.corrupt("child page " + pgno + " out of range");
                    }
                    acc = request(pgno, acc);
                }
            }
        }
        return acc;
    }

    /** Requests the overflow chain starting at {@code ovfl} (stops at the first page not resident). */
    private IoPending requestChain(int ovfl, IoPending acc) throws SqliteException {
        int guard = 0;
        while (ovfl != 0) {
            if (ovfl < 2 || ovfl > pager.pageCount() || guard++ > pager.pageCount()) {
                throw SqliteException.corrupt("overflow chain page " + ovfl);
            }
            acc = request(ovfl, acc);
            Page p = pager.lastRequested();
            if (p == null) {
                return acc;
            }
            ovfl = DbHeader.get4(p.data(), 0);
        }
        return acc;
    }

    private IoPending requestFreelist(int allocations, IoPending acc) throws SqliteException {
        int trunk = pager.freelistTrunk();
        int budget = allocations + 1;
        int guard = 0;
        while (trunk != 0 && budget > 0) {
            if (trunk < 2 || trunk > pager.pageCount() || guard++ > pager.pageCount()) {
                throw SqliteException.corrupt("freelist trunk " + trunk);
            }
            acc = request(trunk, acc);
            Page t = pager.lastRequested();
            if (t == null) {
                return acc;
            }
            budget -= 1 + Math.max(0, DbHeader.get4(t.data(), 4));
            trunk = DbHeader.get4(t.data(), 0);
        }
        return acc;
    }

    private int allocationBound(int overflowPages) {
        return overflowPages + 2 * (cur.sLevel + 2) + 2;
    }

    private void fail(IoPending acc) throws IoPending {
        releaseHeld();
        cur.abortScratch();
        throw acc;
    }

    // ---- cells ----

    /** Builds the leaf cell for the payload into {@code cell}, allocating overflow pages; returns its size. */
    private int buildLeafCell(boolean table, long rowid, byte[] data) throws IoPending, SqliteException {
        int p = data.length;
        int local = geo.localSize(p, table);
        int head = Varint.size(p) + (table ? Varint.size(rowid) : 0);
        int len = Math.max(4, head + local + (p > local ? 4 : 0));
        if (cell.length < len) {
            cell = new byte[Math.max(len, cell.length * 2)];
        }
        int o = Varint.write(cell, 0, p);
        if (table) {
            o += Varint.write(cell, o, rowid);
        }
        System.arraycopy(data, 0, cell, o, local);
        o += local;
        for (int k = o; k < len; k++) {
            cell[k] = 0;
        }
        if (p > local) {
            int at = local;
            int ptrPos = o;
            byte[] ptrPage = cell;
            int per = geo.usable - 4;
            while (at < p) {
                Page ov = pager.allocatePage();
                DbHeader.put4(ptrPage, ptrPos, ov.pgno());
                int k = Math.min(per, p - at);
                System.arraycopy(data, at, ov.data(), 4, k);
                at += k;
                ptrPage = ov.data();
                ptrPos = 0;
            }
        }
        return len;
    }

    private void freeChain(int ovfl) throws IoPending, SqliteException {
        while (ovfl != 0) {
            Page p = pager.getPage(ovfl);
            int next = DbHeader.get4(p.data(), 0);
            pager.freePage(ovfl);
            ovfl = next;
        }
    }

    // ---- operations ----

    void insertTable(long rowid, byte[] record) throws IoPending, SqliteException {
        insert(true, rowid, record);
    }

    void insertIndex(byte[] key) throws IoPending, SqliteException {
        insert(false, 0, key);
    }

    /**
     * Inserts a table row ({@code table}: {@code data} is the record of {@code rowid}) or an index key
     * ({@code data}), replacing an equal entry: makes every page it may need resident, then mutates.
     */
    private void insert(boolean table, long rowid, byte[] data) throws IoPending, SqliteException {
        requireWrite();
        cur.registry.saveOthers(cur, cur.root);
        cur.probe = table ? null : data;
        cur.beginScratch(false);
        boolean found;
        int oldOvfl = 0;
        try {
            if (appending && sRightEdge(table, rowid)) {
                found = false;
            } else {
                found = table ? cur.sDescendTable(rowid) : cur.sDescendIndex(null, 0, Integer.MAX_VALUE, true);
                appending = !found && sAtRightEdge();
            }
            IoPending acc = requestSiblings(null);
            if (found) {
                Page p = cur.spg[cur.sLevel];
                byte[] d = p.data();
                int hdr = BtPage.hdr(p.pgno());
                int type = BtPage.type(d, hdr);
                oldOvfl = cur.payload.firstOverflow(d, BtPage.cellPtr(d, hdr, type, cur.six[cur.sLevel]), type);
                acc = requestChain(oldOvfl, acc);
            }
            acc = requestFreelist(allocationBound(cur.payload.overflowPages(data.length, table)), acc);
            if (acc != null) {
                fail(acc);
            }
        } catch (IoPending | SqliteException e) {
            releaseHeld();
            cur.abortScratch();
            throw e;
        }
        try {
            mutateInsert(table, rowid, data, found, oldOvfl);
        } finally {
            releaseHeld();
            cur.abortScratch();
        }
        cur.requireSeek(rowid, table ? null : data);
    }

    /**
     * Tries the append position: descends the scratch path along right-most children to the last leaf and
     * keeps it (positioned after the last cell) when the new key is larger than every entry; else leaves the
     * scratch path empty and returns false. Changes nothing else (may throw {@link IoPending}).
     */
    private boolean sRightEdge(boolean table, long rowid) throws IoPending, SqliteException {
        Page r = cur.load(cur.root);
        cur.sPush(r, BtPage.nCells(r.data(), BtPage.hdr(r.pgno())));
        cur.sDescend(true);
        Page leaf = cur.spg[cur.sLevel];
        byte[] d = leaf.data();
        int hdr = BtPage.hdr(leaf.pgno());
        int type = BtPage.type(d, hdr);
        int n = BtPage.nCells(d, hdr);
        if (!BtPage.isLeaf(type)) {
            cur.abortScratch();
            return false;
        }
        boolean larger = n == 0 ? cur.sLevel == 0
                : (table ? BTreeCursor.cellRowid(d, BtPage.cellPtr(d, hdr, type, n - 1), type) < rowid
                        : cur.compareCell(leaf, n - 1, null, 0, 0) < 0);
        if (!larger) {
            cur.abortScratch();
            return false;
        }
        cur.six[cur.sLevel] = n;
        return true;
    }

    /** True when the scratch path ends after the last entry of the tree. */
    private boolean sAtRightEdge() {
        for (int l = 0; l <= cur.sLevel; l++) {
            Page p = cur.spg[l];
            if (cur.six[l] != BtPage.nCells(p.data(), BtPage.hdr(p.pgno()))) {
                return false;
            }
        }
        return true;
    }

    private void mutateInsert(boolean table, long rowid, byte[] data, boolean found, int oldOvfl)
            throws SqliteException {
        try {
            int lv = cur.sLevel;
            Page p = cur.spg[lv];
            byte[] d = p.data();
            int hdr = BtPage.hdr(p.pgno());
            int type = BtPage.type(d, hdr);
            int idx = cur.six[lv];
            int len = buildLeafCell(table, rowid, data);
            byte[] c = cell;
            if (!BtPage.isLeaf(type)) {
                // Replacing an index entry that lives in an interior cell: keep its left child.
                byte[] ic = new byte[len + 4];
                System.arraycopy(d, BtPage.cellPtr(d, hdr, type, idx), ic, 0, 4);
                System.arraycopy(cell, 0, ic, 4, len);
                c = ic;
                len = ic.length;
            }
            if (found) {
                freeChain(oldOvfl);
                balancer.dropCell(lv, idx);
            }
            balancer.insertCell(lv, idx, c, len);
            balancer.balanceUpFrom(lv);
        } catch (IoPending e) {
            throw new SqliteException(ResultCode.SQLITE_INTERNAL, "b-tree write needed a page it had not made resident");
        }
    }

    void delete() throws IoPending, SqliteException {
        requireWrite();
        cur.registry.saveOthers(cur, cur.root);
        cur.beginScratch(true);
        int delLevel = cur.sLevel;
        int ovfl;
        long rowid = 0;
        byte[] key = null;
        boolean interior;
        try {
            Page p = cur.spg[delLevel];
            byte[] d = p.data();
            int hdr = BtPage.hdr(p.pgno());
            int type = BtPage.type(d, hdr);
            int c = BtPage.cellPtr(d, hdr, type, cur.six[delLevel]);
            ovfl = cur.payload.firstOverflow(d, c, type);
            interior = !BtPage.isLeaf(type);
            if (cur.index) {
                key = cur.payload();
            } else {
                rowid = BTreeCursor.cellRowid(d, c, type);
            }
            if (interior) {
                cur.sDescend(true);
            }
            IoPending acc = requestSiblings(null);
            acc = requestChain(ovfl, acc);
            acc = requestFreelist(allocationBound(0), acc);
            if (acc != null) {
                fail(acc);
            }
        } catch (IoPending | SqliteException e) {
            releaseHeld();
            cur.abortScratch();
            throw e;
        }
        try {
            mutateDelete(delLevel, ovfl, interior);
        } catch (IoPending e) {
            throw new SqliteException(ResultCode.SQLITE_INTERNAL, "b-tree delete needed a page it had not made resident");
        } finally {
            releaseHeld();
            cur.abortScratch();
        }
        cur.requireSeek(rowid, key);
    }

    private void mutateDelete(int delLevel, int ovfl, boolean interior) throws IoPending, SqliteException {
        freeChain(ovfl);
        int idx = cur.six[delLevel];
        if (!interior) {
            balancer.dropCell(delLevel, idx);
            balancer.balanceUpFrom(delLevel);
            return;
        }
        // The entry lives in an interior page: the largest entry of its left subtree takes its place.
        int leafLevel = cur.sLevel;
        Page leaf = cur.spg[leafLevel];
        byte[] ld = leaf.data();
        int lhdr = BtPage.hdr(leaf.pgno());
        int ltype = BtPage.type(ld, lhdr);
        int last = BtPage.nCells(ld, lhdr) - 1;
        int lc = BtPage.cellPtr(ld, lhdr, ltype, last);
        int lsize = geo.cellSize(ld, lc, ltype);
        Page ip = cur.spg[delLevel];
        byte[] id = ip.data();
        int ihdr = BtPage.hdr(ip.pgno());
        int itype = BtPage.type(id, ihdr);
        byte[] replacement = new byte[lsize + 4];
        System.arraycopy(id, BtPage.cellPtr(id, ihdr, itype, idx), replacement, 0, 4);
        System.arraycopy(ld, lc, replacement, 4, lsize);
        balancer.dropCell(leafLevel, last);
        balancer.dropCell(delLevel, idx);
        balancer.insertCell(delLevel, idx, replacement, replacement.length);
        balancer.balanceUpFrom(leafLevel);
    }
}
