package dev.skerry.engine.btree;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.pager.DbHeader;
import java.util.List;

/**
 * Changes to one b-tree page's bytes in place: inserting a cell that fits (defragmenting first when only
 * scattered space is left), dropping a cell (its space joins the sorted freeblock list, merged with
 * neighbours; holes under 4 bytes count as fragmented bytes), and rewriting a page from a list of cells.
 * Callers have marked the page dirty. Keeps the page valid by SQLite's integrity rules: freeblocks sorted,
 * non-overlapping, at least 4 bytes; fragment count at most 60 (defragmentation resets it).
 */
final class CellEdit {
    private CellEdit() {
    }

    /** Inserts {@code cell[0..len)} as cell {@code idx}; the caller checked it fits (freeSpace ≥ len + 2). */
    static void insert(BtPage geo, byte[] d, int hdr, int idx, byte[] cell, int len, byte[] scratch) {
        int type = BtPage.type(d, hdr);
        int n = BtPage.nCells(d, hdr);
        int hs = BtPage.headerSize(type);
        int ptrEnd = hdr + hs + 2 * n;
        int top = BtPage.contentStart(d, hdr);
        if (top - ptrEnd < len + 2 || (d[hdr + 7] & 0xff) > 57) {
            defragment(geo, d, hdr, scratch);
            top = BtPage.contentStart(d, hdr);
        }
        int at = top - len;
        System.arraycopy(cell, 0, d, at, len);
        DbHeader.put2(d, hdr + 5, at);
        int ptr = hdr + hs + 2 * idx;
        System.arraycopy(d, ptr, d, ptr + 2, 2 * (n - idx));
        DbHeader.put2(d, ptr, at);
        DbHeader.put2(d, hdr + 3, n + 1);
    }

    /** Removes cell {@code idx} (of {@code size} bytes) from the page. */
    static void drop(byte[] d, int hdr, int idx, int size) throws SqliteException {
        int type = BtPage.type(d, hdr);
        int n = BtPage.nCells(d, hdr);
        int hs = BtPage.headerSize(type);
        int ptr = hdr + hs + 2 * idx;
        int at = DbHeader.get2(d, ptr);
        System.arraycopy(d, ptr + 2, d, ptr, 2 * (n - idx - 1));
        DbHeader.put2(d, hdr + 3, n - 1);
        freeSlot(d, hdr, at, size);
    }

    /** Returns {@code [start, start+size)} to the page's free space. */
    private static void freeSlot(byte[] d, int hdr, int start, int size) throws SqliteException {
        int prev = hdr + 1;
        int next = DbHeader.get2(d, prev);
        while (next != 0 && next < start) {
            prev = next;
            next = DbHeader.get2(d, next);
        }
        int end = start + size;
        int frag = 0;
        if (next != 0 && next <= end + 3) {
            if (next < end) {
                throw SqliteException.corrupt("freeblock overlaps a cell");
            }
            frag += next - end;
            end = next + DbHeader.get2(d, next + 2);
            next = DbHeader.get2(d, next);
        }
        if (prev != hdr + 1) {
            int prevEnd = prev + DbHeader.get2(d, prev + 2);
            if (prevEnd + 3 >= start) {
                if (prevEnd > start) {
                    throw SqliteException.corrupt("freeblock overlaps a cell");
                }
                frag += start - prevEnd;
                start = prev;
            }
        }
        int fragNow = (d[hdr + 7] & 0xff) - frag;
        if (fragNow < 0) {
            throw SqliteException.corrupt("fragment count below zero");
        }
        d[hdr + 7] = (byte) fragNow;
        if (start == BtPage.contentStart(d, hdr)) {
            DbHeader.put2(d, hdr + 1, next);
            DbHeader.put2(d, hdr + 5, end);
            return;
        }
        if (start != prev) {
            DbHeader.put2(d, prev, start);
        }
        DbHeader.put2(d, start, next);
        DbHeader.put2(d, start + 2, end - start);
    }

    /** Moves every cell to the end of the usable space: no freeblocks, no fragments, one gap. */
    static void defragment(BtPage geo, byte[] d, int hdr, byte[] scratch) {
        int type = BtPage.type(d, hdr);
        int n = BtPage.nCells(d, hdr);
        int hs = BtPage.headerSize(type);
        System.arraycopy(d, 0, scratch, 0, geo.usable);
        int top = geo.usable;
        for (int i = 0; i < n; i++) {
            int ptr = hdr + hs + 2 * i;
            int c = DbHeader.get2(scratch, ptr);
            int len = geo.cellSize(scratch, c, type);
            top -= len;
            System.arraycopy(scratch, c, d, top, len);
            DbHeader.put2(d, ptr, top);
        }
        DbHeader.put2(d, hdr + 1, 0);
        DbHeader.put2(d, hdr + 5, top == 65536 ? 0 : top);
        d[hdr + 7] = 0;
    }

    /** The space cells {@code [from, to)} take on a page, pointers included. */
    static int spaceOf(List<byte[]> cells, int from, int to) {
        int s = 0;
        for (int i = from; i < to; i++) {
            s += cells.get(i).length + 2;
        }
        return s;
    }

    /** Whether cells {@code [from, to)} fit on a page of {@code type} with header at {@code hdr}. */
    static boolean fits(BtPage geo, int hdr, int type, List<byte[]> cells, int from, int to) {
        return hdr + BtPage.headerSize(type) + spaceOf(cells, from, to) <= geo.usable;
    }

    /** Rewrites the page as {@code type} holding cells {@code [from, to)} (they fit) and a right child. */
    static void write(BtPage geo, byte[] d, int hdr, int type, List<byte[]> cells, int from, int to, int rightChild) {
        int hs = BtPage.headerSize(type);
        java.util.Arrays.fill(d, hdr, hdr + hs, (byte) 0);
        d[hdr] = (byte) type;
        int n = to - from;
        DbHeader.put2(d, hdr + 3, n);
        if (!BtPage.isLeaf(type)) {
            DbHeader.put4(d, hdr + 8, rightChild);
        }
        int top = geo.usable;
        for (int i = 0; i < n; i++) {
            byte[] c = cells.get(from + i);
            top -= c.length;
            System.arraycopy(c, 0, d, top, c.length);
            DbHeader.put2(d, hdr + hs + 2 * i, top);
        }
        DbHeader.put2(d, hdr + 5, top == 65536 ? 0 : top);
    }
}
