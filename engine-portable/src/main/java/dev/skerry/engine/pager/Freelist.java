package dev.skerry.engine.pager;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.IoPending;

/**
 * SQLite's freelist (fileformat2 §1.5): unused pages kept for reuse. The header of page 1 holds the first
 * trunk page (offset 32) and the total number of freelist pages (offset 36). A trunk page holds the next
 * trunk's number (0 at the end), a count L, and L leaf page numbers; leaf pages hold nothing of value.
 *
 * <p>Allocation takes the last leaf of the first trunk, or the trunk itself when it has no leaves. Freeing
 * appends to the first trunk while it has room (SQLite's limit usable/4 − 8, kept for old readers), else
 * makes the freed page the new first trunk. Both need only the first trunk resident, and read it before
 * changing anything, so they are safe to re-run after {@link IoPending}.
 */
final class Freelist {
    private Freelist() {
    }

    static Page allocate(Pager pager) throws IoPending, SqliteException {
        byte[] h = pager.page1().data;
        int count = DbHeader.get4(h, DbHeader.FREELIST_COUNT);
        int trunkNo = DbHeader.get4(h, DbHeader.FREELIST_TRUNK);
        if (count <= 0 || trunkNo == 0) {
            return pager.grow();
        }
        checkPgno(pager, trunkNo);
        Page trunk = pager.getPage(trunkNo);
        byte[] t = trunk.data;
        int n = DbHeader.get4(t, 4);
        if (n < 0 || n > pager.usableSize() / 4 - 2) {
            throw SqliteException.corrupt("freelist trunk " + trunkNo + " leaf count " + n);
        }
        pager.markDirty(pager.page1());
        DbHeader.put4(h, DbHeader.FREELIST_COUNT, count - 1);
        if (n > 0) {
            int leaf = DbHeader.get4(t, 8 + 4 * (n - 1));
            checkPgno(pager, leaf);
            pager.markDirty(trunk);
            DbHeader.put4(t, 4, n - 1);
            return pager.pageForOverwrite(leaf);
        }
        DbHeader.put4(h, DbHeader.FREELIST_TRUNK, DbHeader.get4(t, 0));
        return pager.pageForOverwrite(trunkNo);
    }

    static void free(Pager pager, int pgno) throws IoPending, SqliteException {
        checkPgno(pager, pgno);
        byte[] h = pager.page1().data;
        int count = DbHeader.get4(h, DbHeader.FREELIST_COUNT);
        int trunkNo = DbHeader.get4(h, DbHeader.FREELIST_TRUNK);
        if (trunkNo != 0) {
            Page trunk = pager.getPage(trunkNo);
            int n = DbHeader.get4(trunk.data, 4);
            if (n < pager.usableSize() / 4 - 8) {
                pager.markDirty(pager.page1());
                DbHeader.put4(h, DbHeader.FREELIST_COUNT, count + 1);
                pager.markDirty(trunk);
                DbHeader.put4(trunk.data, 8 + 4 * n, pgno);
                DbHeader.put4(trunk.data, 4, n + 1);
                return;
            }
        }
        pager.markDirty(pager.page1());
        DbHeader.put4(h, DbHeader.FREELIST_COUNT, count + 1);
        Page p = pager.pageForOverwrite(pgno);
        DbHeader.put4(p.data, 0, trunkNo);
        DbHeader.put4(h, DbHeader.FREELIST_TRUNK, pgno);
    }

    private static void checkPgno(Pager pager, int pgno) throws SqliteException {
        if (pgno < 2 || pgno > pager.pageCount()) {
            throw SqliteException.corrupt("freelist page " + pgno + " out of range");
        }
    }
}
