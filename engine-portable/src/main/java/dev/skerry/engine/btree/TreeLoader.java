package dev.skerry.engine.btree;

import dev.skerry.engine.pager.DbHeader;
import dev.skerry.engine.record.Varint;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds one b-tree in a {@link PageImage} from its entries given in key order (VACUUM's copy): no key is
 * ever compared, so it serves table b-trees, index b-trees and WITHOUT ROWID tables (index b-trees) alike,
 * whatever their collations.
 *
 * <p>Pages are packed as SQLite's VACUUM leaves them: entries are appended to the current page of each level
 * while they fit; a full table leaf is closed with a divider of its last rowid in its parent (SQLite's
 * balance_quick); on an index leaf and on every interior page, the entry that does not fit becomes the divider
 * in the parent (SQLite's bulk-load balance), unless it is the last one, in which case the closed page gives
 * up its own last entry as the divider. The root page keeps its number: when the level it holds fills up, its
 * content moves to a newly allocated page and the root becomes the first page of a new level above it
 * (balance_deeper). While page 1 is the root it holds 100 bytes less (the database header); a content that
 * does not fit there at the end moves to a new page below it. Overflow chains are allocated as each entry is
 * added.
 *
 * <p>States: ADDING (after construction; {@link #addRow}/{@link #addKey}) → FINISHED ({@link #finish}: every
 * page written). Invariants while ADDING: level {@code top} is the highest level and its current page is the
 * root; for each level {@code l <= top}, {@code cells[l]} is the content of its current (unwritten) page,
 * {@code used[l]} the bytes it takes with its pointers, {@code pending[l]} an entry that did not fit that page
 * (never set for table leaves); every page closed so far is written and has a divider in the level above.
 */
public final class TreeLoader {
    private static final int MAX_LEVELS = BTreeCursor.MAX_DEPTH;

    private final PageImage image;
    private final BtPage geo;
    private final boolean table;
    private final int root;
    private final int extra;
    @SuppressWarnings("unchecked")
    private final List<byte[]>[] cells = new List[MAX_LEVELS];
    private final int[] used = new int[MAX_LEVELS];
    private final int[] pgno = new int[MAX_LEVELS];
    private final byte[][] pending = new byte[MAX_LEVELS][];
    /** The rowid of the last row on the current table leaf (the divider when it closes). */
    private long leafLastRowid;
    /** The page written last at each level (the right child of the page above it). */
    private final int[] lastWritten = new int[MAX_LEVELS];
    private int top;
    private boolean finished;

    /** A loader filling the empty tree of {@code table} kind whose root page {@code root} is already allocated. */
    public TreeLoader(PageImage image, int root, boolean table) {
        this.image = image;
        this.geo = new BtPage(image.usableSize());
        this.table = table;
        this.root = root;
        this.extra = root == 1 ? DbHeader.SIZE : 0;
        cells[0] = new ArrayList<>();
        pgno[0] = root;
    }

    /** True for a table b-tree (rowid keys), false for an index b-tree. */
    public boolean isTable() {
        return table;
    }

    /**
     * Whether page {@code pgno}, whose bytes are {@code data}, is the root of a table b-tree (else of an index
     * b-tree: an index or a WITHOUT ROWID table).
     */
    public static boolean isTableRoot(byte[] data, int pgno) throws dev.skerry.engine.SqliteException {
        int type = BtPage.type(data, BtPage.hdr(pgno));
        BtPage.checkType(type, pgno);
        return BtPage.isTable(type);
    }

    /** Appends a row of a table b-tree: rowids must ascend. */
    public void addRow(long rowid, byte[] payload) {
        add(0, leafCell(rowid, payload), rowid);
    }

    /** Appends an entry of an index b-tree (its whole record): keys must ascend in the index's order. */
    public void addKey(byte[] key) {
        add(0, leafCell(0, key), 0);
    }

    private int type(int level) {
        if (level == 0) {
            return table ? BtPage.LEAF_TABLE : BtPage.LEAF_INDEX;
        }
        return table ? BtPage.INTERIOR_TABLE : BtPage.INTERIOR_INDEX;
    }

    /** The bytes of cells and pointers the current page of {@code level} holds (less below page 1's header). */
    private int capacity(int level) {
        return geo.usable - BtPage.headerSize(type(level)) - (pgno[level] == root ? extra : 0);
    }

    private void add(int level, byte[] cell, long rowid) {
        if (level >= MAX_LEVELS) {
            throw new IllegalStateException("b-tree deeper than " + MAX_LEVELS);
        }
        if (pending[level] != null) {
            separate(level);
        }
        if (cells[level].isEmpty() || used[level] + cell.length + 2 <= capacity(level)) {
            // A cell always fits an empty page other than page 1; page 1's content moves down if it must.
            append(level, cell, rowid);
            return;
        }
        if (level == 0 && table) {
            long sep = leafLastRowid;
            int done = close(0, 0);
            startPage(0);
            append(0, cell, rowid);
            add(1, divider(done, null, sep, true), 0);
            return;
        }
        pending[level] = cell;
    }

    private void append(int level, byte[] cell, long rowid) {
        cells[level].add(cell);
        used[level] += cell.length + 2;
        if (level == 0 && table) {
            // The divider of a closed table leaf is its last rowid.
            leafLastRowid = rowid;
        }
    }

    /** The current page of {@code level} is full and another entry came: the pending one becomes its divider. */
    private void separate(int level) {
        byte[] p = pending[level];
        pending[level] = null;
        closeWithDivider(level, p);
    }

    /** Closes the current page of {@code level}, sending {@code sep} (an entry not on the page) up as divider. */
    private void closeWithDivider(int level, byte[] sep) {
        int right = level > 0 ? DbHeader.get4(sep, 0) : 0;
        int done = close(level, right);
        startPage(level);
        add(level + 1, divider(done, sep, 0, level == 0), 0);
    }

    /** A divider cell for child {@code child}: a table rowid, or the entry {@code sep} (leaf or interior cell). */
    private static byte[] divider(int child, byte[] sep, long rowid, boolean fromLeaf) {
        byte[] d;
        if (sep == null) {
            d = new byte[4 + Varint.size(rowid)];
            Varint.write(d, 4, rowid);
        } else if (fromLeaf) {
            d = new byte[4 + sep.length];
            System.arraycopy(sep, 0, d, 4, sep.length);
        } else {
            d = sep.clone();
        }
        DbHeader.put4(d, 0, child);
        return d;
    }

    /**
     * Writes the current page of {@code level} with right child {@code right}; returns the page number it got.
     * The root's content moves to a new page, and the root starts the level above.
     */
    private int close(int level, int right) {
        int at = pgno[level];
        if (at == root) {
            at = image.allocate();
            top = level + 1;
            cells[top] = new ArrayList<>();
            used[top] = 0;
            pgno[top] = root;
        }
        write(at, level, right);
        return at;
    }

    private void write(int at, int level, int right) {
        List<byte[]> c = cells[level];
        CellEdit.write(geo, image.page(at), BtPage.hdr(at), type(level), c, 0, c.size(), right);
        lastWritten[level] = at;
        c.clear();
        used[level] = 0;
    }

    private void startPage(int level) {
        pgno[level] = image.allocate();
    }

    /** Writes the pages still open, bottom up; the tree is complete afterwards. */
    public void finish() {
        if (finished) {
            return;
        }
        for (int level = 0; level <= top; level++) {
            if (pending[level] != null) {
                // No entry followed the one that did not fit: the page's own last entry becomes the divider.
                byte[] last = cells[level].remove(cells[level].size() - 1);
                used[level] -= last.length + 2;
                byte[] p = pending[level];
                pending[level] = null;
                closeWithDivider(level, last);
                append(level, p, 0);
            }
            int right = level > 0 ? lastWritten[level - 1] : 0;
            if (level == top && used[level] > capacity(level)) {
                // Too much for page 1 below the header: page 1 becomes an interior page over it.
                close(level, right);
                continue;
            }
            write(pgno[level], level, right);
        }
        finished = true;
    }

    /** A leaf cell: payload size, the rowid (tables), the local part, the first overflow page (chain written now). */
    private byte[] leafCell(long rowid, byte[] payload) {
        int n = payload.length;
        int local = geo.localSize(n, table);
        int head = Varint.size(n) + (table ? Varint.size(rowid) : 0);
        byte[] cell = new byte[Math.max(4, head + local + (local < n ? 4 : 0))];
        int at = Varint.write(cell, 0, n);
        if (table) {
            at += Varint.write(cell, at, rowid);
        }
        System.arraycopy(payload, 0, cell, at, local);
        if (local < n) {
            DbHeader.put4(cell, at + local, writeOverflow(payload, local));
        }
        return cell;
    }

    /** Writes {@code payload[from..]} to a new overflow chain; returns its first page. */
    private int writeOverflow(byte[] payload, int from) {
        int per = geo.usable - 4;
        int first = image.allocate();
        int page = first;
        int at = from;
        while (true) {
            int k = Math.min(per, payload.length - at);
            System.arraycopy(payload, at, image.page(page), 4, k);
            at += k;
            if (at >= payload.length) {
                return first;
            }
            int next = image.allocate();
            DbHeader.put4(image.page(page), 0, next);
            page = next;
        }
    }
}
