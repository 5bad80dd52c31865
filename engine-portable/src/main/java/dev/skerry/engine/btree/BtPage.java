package dev.skerry.engine.btree;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.pager.DbHeader;
import dev.skerry.engine.record.Varint;

/**
 * The layout of a b-tree page (fileformat2 §1.6), with the geometry of one database (its usable size).
 *
 * <pre>
 * page header, at offset 100 on page 1, else 0:
 *   0  1  type: 0x02 interior index, 0x05 interior table, 0x0a leaf index, 0x0d leaf table
 *   1  2  first freeblock (0 = none); a freeblock holds [next 2][size 2]
 *   3  2  number of cells
 *   5  2  start of the cell content area (0 means 65536)
 *   7  1  number of fragmented free bytes (holes of 1..3 bytes)
 *   8  4  right-most child (interior pages only)
 * then the cell pointer array (2 bytes per cell, in key order), the unallocated gap, and the cell content
 * area growing down from the end of the usable space.
 *
 * cells:
 *   table leaf      varint payloadSize, varint rowid, local payload, [first overflow page 4]
 *   table interior  left child 4, varint rowid
 *   index leaf      varint payloadSize, local payload, [first overflow page 4]
 *   index interior  left child 4, varint payloadSize, local payload, [first overflow page 4]
 * </pre>
 * Local payload: with U the usable size, X = U−35 for table leaves and ((U−12)·64/255)−23 for index pages,
 * M = ((U−12)·32/255)−23: a payload P ≤ X is all local; else K = M + ((P−M) mod (U−4)) bytes are local when
 * K ≤ X, else M. An overflow page holds the next overflow page number (0 at the end) and U−4 payload bytes.
 * A cell is never smaller than 4 bytes.
 */
final class BtPage {
    static final int INTERIOR_INDEX = 0x02;
    static final int INTERIOR_TABLE = 0x05;
    static final int LEAF_INDEX = 0x0a;
    static final int LEAF_TABLE = 0x0d;

    final int usable;
    final int maxLocalTable;
    final int maxLocalIndex;
    final int minLocal;

    BtPage(int usable) {
        this.usable = usable;
        this.maxLocalTable = usable - 35;
        this.maxLocalIndex = (usable - 12) * 64 / 255 - 23;
        this.minLocal = (usable - 12) * 32 / 255 - 23;
    }

    static int hdr(int pgno) {
        return pgno == 1 ? DbHeader.SIZE : 0;
    }

    static boolean isLeaf(int type) {
        return (type & 8) != 0;
    }

    static boolean isTable(int type) {
        return (type & 4) != 0;
    }

    static int headerSize(int type) {
        return isLeaf(type) ? 8 : 12;
    }

    static int type(byte[] d, int hdr) {
        return d[hdr] & 0xff;
    }

    static int nCells(byte[] d, int hdr) {
        return DbHeader.get2(d, hdr + 3);
    }

    static int cellPtr(byte[] d, int hdr, int type, int i) {
        return DbHeader.get2(d, hdr + headerSize(type) + 2 * i);
    }

    static int contentStart(byte[] d, int hdr) {
        int v = DbHeader.get2(d, hdr + 5);
        return v == 0 ? 65536 : v;
    }

    static int rightChild(byte[] d, int hdr) {
        return DbHeader.get4(d, hdr + 8);
    }

    /** The child page that index {@code i} of an interior page leads to ({@code i == nCells}: right child). */
    static int child(byte[] d, int hdr, int type, int i) {
        if (i >= nCells(d, hdr)) {
            return rightChild(d, hdr);
        }
        return DbHeader.get4(d, cellPtr(d, hdr, type, i));
    }

    static void checkType(int type, int pgno) throws SqliteException {
        if (type != LEAF_TABLE && type != INTERIOR_TABLE && type != LEAF_INDEX && type != INTERIOR_INDEX) {
            throw SqliteException.corrupt("page " + pgno + " has b-tree page type " + type);
        }
    }

    /**
     * Rejects a page header whose cell count or content start cannot be right (SQLite's btreeInitPage
     * checks), so that reading cells never runs off the page.
     */
    static void checkHeader(byte[] d, int hdr, int type, int usable, int pgno) throws SqliteException {
        int n = nCells(d, hdr);
        int ptrEnd = hdr + headerSize(type) + 2 * n;
        int top = contentStart(d, hdr);
        if (ptrEnd > usable || (n > 0 && (top < ptrEnd || top > usable))) {
            throw SqliteException.corrupt("page " + pgno + " header: " + n + " cells, content at " + top);
        }
    }

    /** The number of payload bytes stored in the cell itself for a payload of {@code p} bytes. */
    int localSize(long p, boolean tableLeaf) {
        int max = tableLeaf ? maxLocalTable : maxLocalIndex;
        if (p <= max) {
            return (int) p;
        }
        long k = minLocal + (p - minLocal) % (usable - 4);
        return k <= max ? (int) k : minLocal;
    }

    /** The size of the cell at {@code c} on a page of {@code type}. */
    int cellSize(byte[] d, int c, int type) {
        if (type == INTERIOR_TABLE) {
            return 4 + Varint.sizeAt(d, c + 4);
        }
        int p = c;
        if (type == INTERIOR_INDEX) {
            p += 4;
        }
        long payload = Varint.read(d, p);
        p += Varint.sizeAt(d, p);
        if (type == LEAF_TABLE) {
            p += Varint.sizeAt(d, p);
        }
        int local = localSize(payload, type == LEAF_TABLE);
        int size = p - c + local + (payload > local ? 4 : 0);
        return Math.max(size, 4);
    }

    /** Bytes free on the page: the gap between pointer array and content, freeblocks, fragments. */
    static int freeSpace(byte[] d, int hdr, int type) {
        int n = nCells(d, hdr);
        int gap = contentStart(d, hdr) - (hdr + headerSize(type) + 2 * n);
        int free = gap + (d[hdr + 7] & 0xff);
        int fb = DbHeader.get2(d, hdr + 1);
        int guard = 0;
        while (fb != 0 && guard++ < 20000) {
            free += DbHeader.get2(d, fb + 2);
            fb = DbHeader.get2(d, fb);
        }
        return free;
    }
}
