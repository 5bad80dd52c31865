package dev.skerry.engine.btree;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.pager.DbHeader;
import dev.skerry.engine.pager.Page;
import dev.skerry.engine.pager.Pager;
import dev.skerry.engine.record.RecordReader;
import dev.skerry.engine.record.Varint;
import dev.skerry.engine.value.Mem;

/**
 * A position in one b-tree: the path of pages from the root to the current entry, and the cell index on
 * each. A table cursor ({@code keyInfo == null}) is positioned on leaf cells only; an index cursor may rest
 * on an interior cell, since index entries live in interior pages too.
 *
 * <p><b>States.</b> INVALID (no entry: new, past either end, or an empty tree), VALID (on an entry), and
 * REQUIRESEEK (after an insert or delete changed the tree: the key of the entry is saved and the position
 * is restored by seeking it again at the next access; {@code skip} then says whether the restored
 * position already is the entry after (+1) or before (−1) the deleted one, as SQLite's SKIPNEXT).
 *
 * <p><b>Invariants.</b> Every page on the path {@code pg[0..level]} is pinned exactly once by the cursor.
 * At an interior level, {@code ix} is the child index descended into (equal to nCells for the right
 * child); at the deepest level it is the cell the cursor is on. Moves work on a scratch copy of the path and
 * swap it in only when they finish, so a move that throws {@link IoPending} leaves the cursor unchanged.
 */
public final class BTreeCursor {
    static final int MAX_DEPTH = 20;
    private static final int INVALID = 0;
    private static final int VALID = 1;
    private static final int REQUIRESEEK = 2;

    final Pager pager;
    final int root;
    final KeyInfo keyInfo;
    final boolean index;
    final BtPage geo;

    Page[] pg = new Page[MAX_DEPTH];
    int[] ix = new int[MAX_DEPTH];
    int level = -1;
    Page[] spg = new Page[MAX_DEPTH];
    int[] six = new int[MAX_DEPTH];
    int sLevel = -1;

    private int state = INVALID;
    long savedRowid;
    byte[] savedKey;
    private int skip;

    final Payload payload;
    private final RecordReader reader = new RecordReader();
    private boolean payloadLoaded;
    private final Payload cmpPayload;
    private final Mem cmpMem = new Mem();
    /** The whole-record key of an insert or a restore: seeks given a null Mem key compare with it. */
    byte[] probe;
    private TreeWriter writer;
    final CursorRegistry registry;

    public BTreeCursor(Pager pager, int rootPage, KeyInfo keyInfoOrNullForTables) {
        this.pager = pager;
        this.root = rootPage;
        this.keyInfo = keyInfoOrNullForTables;
        this.index = keyInfoOrNullForTables != null;
        this.geo = new BtPage(pager.usableSize());
        this.payload = new Payload(pager, geo);
        this.cmpPayload = new Payload(pager, geo);
        this.registry = CursorRegistry.of(pager);
        registry.add(this);
    }

    // ---- scratch path ----

    void sPush(Page p, int i) throws SqliteException {
        if (sLevel + 1 >= MAX_DEPTH) {
            throw SqliteException.corrupt("b-tree deeper than " + MAX_DEPTH + " at page " + p.pgno());
        }
        sLevel++;
        p.pin();
        spg[sLevel] = p;
        six[sLevel] = i;
    }

    void sPop() {
        spg[sLevel].unpin();
        spg[sLevel] = null;
        sLevel--;
    }

    void beginScratch(boolean copy) {
        sLevel = -1;
        if (copy) {
            for (int l = 0; l <= level; l++) {
                pg[l].pin();
                spg[l] = pg[l];
                six[l] = ix[l];
            }
            sLevel = level;
        }
    }

    void abortScratch() {
        while (sLevel >= 0) {
            sPop();
        }
    }

    private void commitScratch() {
        releasePath();
        Page[] tp = pg;
        pg = spg;
        spg = tp;
        int[] ti = ix;
        ix = six;
        six = ti;
        level = sLevel;
        sLevel = -1;
        payloadLoaded = false;
        state = level >= 0 ? VALID : INVALID;
    }

    void releasePath() {
        for (int l = 0; l <= level; l++) {
            pg[l].unpin();
            pg[l] = null;
        }
        level = -1;
        payloadLoaded = false;
    }

    /**
     * Loads page {@code pgno} as a page of this tree (checks its type matches the tree's kind). Page 1 exists
     * even in an empty file (size 0): the pager gives it as a new database's page 1, so the schema table reads
     * as empty, as in SQLite.
     */
    Page load(int pgno) throws IoPending, SqliteException {
        if (pgno < 1 || pgno > Math.max(pager.pageCount(), 1)) {
            throw SqliteException.corrupt("child page " + pgno + " out of range");
        }
        Page p = pager.getPage(pgno);
        int type = BtPage.type(p.data(), BtPage.hdr(pgno));
        BtPage.checkType(type, pgno);
        if (BtPage.isTable(type) == index) {
            throw SqliteException.corrupt("page " + pgno + " is of the wrong b-tree kind");
        }
        BtPage.checkHeader(p.data(), BtPage.hdr(pgno), type, geo.usable, pgno);
        return p;
    }

    /**
     * Descends from the top of the scratch path, through its current child index, to a leaf: to the first
     * entry below it, or with {@code toLast} to the last.
     */
    void sDescend(boolean toLast) throws IoPending, SqliteException {
        while (true) {
            Page p = spg[sLevel];
            byte[] d = p.data();
            int hdr = BtPage.hdr(p.pgno());
            int type = BtPage.type(d, hdr);
            if (BtPage.isLeaf(type)) {
                return;
            }
            Page c = load(BtPage.child(d, hdr, type, six[sLevel]));
            sPush(c, toLast ? lastIndex(c) : 0);
        }
    }

    /** The index of a page's last entry: its last cell on a leaf, its right-most child on an interior page. */
    private static int lastIndex(Page p) {
        byte[] d = p.data();
        int hdr = BtPage.hdr(p.pgno());
        int n = BtPage.nCells(d, hdr);
        return BtPage.isLeaf(BtPage.type(d, hdr)) ? n - 1 : n;
    }

    private boolean sLeafEmpty() {
        Page p = spg[sLevel];
        return BtPage.nCells(p.data(), BtPage.hdr(p.pgno())) == 0;
    }

    // ---- moves ----

    /** Moves to the first entry; false when the tree is empty. */
    public boolean first() throws IoPending, SqliteException {
        beginScratch(false);
        try {
            sPush(load(root), 0);
            sDescend(false);
        } catch (IoPending | SqliteException e) {
            abortScratch();
            throw e;
        }
        return finishMove(!sLeafEmpty());
    }

    /** Moves to the last entry; false when the tree is empty. */
    public boolean last() throws IoPending, SqliteException {
        beginScratch(false);
        try {
            Page r = load(root);
            sPush(r, lastIndex(r));
            sDescend(true);
        } catch (IoPending | SqliteException e) {
            abortScratch();
            throw e;
        }
        return finishMove(!sLeafEmpty());
    }

    private boolean finishMove(boolean found) {
        if (found) {
            commitScratch();
            return true;
        }
        abortScratch();
        invalidate();
        return false;
    }

    private void invalidate() {
        releasePath();
        state = INVALID;
    }

    /**
     * Restores a REQUIRESEEK cursor before a move in direction {@code dir} (+1 next, −1 previous); true when
     * the restored position is already past the saved entry that way, so the move is done.
     */
    private boolean restoreForMove(int dir) throws IoPending, SqliteException {
        restore();
        if (state != VALID) {
            return false;
        }
        boolean moved = dir > 0 ? skip > 0 : skip < 0;
        skip = 0;
        return moved;
    }

    /** Moves to the next entry; false (and INVALID) past the last. */
    public boolean next() throws IoPending, SqliteException {
        if (state == REQUIRESEEK && restoreForMove(1)) {
            return true;
        }
        if (state != VALID) {
            return false;
        }
        payloadLoaded = false;
        Page p = pg[level];
        byte[] d = p.data();
        int hdr = BtPage.hdr(p.pgno());
        int type = BtPage.type(d, hdr);
        if (BtPage.isLeaf(type) && ix[level] + 1 < BtPage.nCells(d, hdr)) {
            ix[level]++;
            return true;
        }
        beginScratch(true);
        try {
            if (!BtPage.isLeaf(type)) {
                six[sLevel]++;
                sDescend(false);
                commitScratch();
                return true;
            }
            sPop();
            while (sLevel >= 0 && six[sLevel] >= nCellsAt(spg[sLevel])) {
                sPop();
            }
            if (sLevel < 0) {
                invalidate();
                return false;
            }
            if (!index) {
                six[sLevel]++;
                sDescend(false);
            }
        } catch (IoPending | SqliteException e) {
            abortScratch();
            throw e;
        }
        commitScratch();
        return true;
    }

    /** Moves to the previous entry; false (and INVALID) before the first. */
    public boolean previous() throws IoPending, SqliteException {
        if (state == REQUIRESEEK && restoreForMove(-1)) {
            return true;
        }
        if (state != VALID) {
            return false;
        }
        payloadLoaded = false;
        Page p = pg[level];
        byte[] d = p.data();
        int hdr = BtPage.hdr(p.pgno());
        int type = BtPage.type(d, hdr);
        if (BtPage.isLeaf(type) && ix[level] > 0) {
            ix[level]--;
            return true;
        }
        beginScratch(true);
        try {
            if (!BtPage.isLeaf(type)) {
                sDescend(true);
                commitScratch();
                return true;
            }
            sPop();
            while (sLevel >= 0 && six[sLevel] == 0) {
                sPop();
            }
            if (sLevel < 0) {
                invalidate();
                return false;
            }
            six[sLevel]--;
            if (!index) {
                sDescend(true);
            }
        } catch (IoPending | SqliteException e) {
            abortScratch();
            throw e;
        }
        commitScratch();
        return true;
    }

    private static int nCellsAt(Page p) {
        return BtPage.nCells(p.data(), BtPage.hdr(p.pgno()));
    }

    public boolean isValid() {
        return state != INVALID;
    }

    // ---- seeks ----

    static long cellRowid(byte[] d, int c, int type) {
        if (type == BtPage.INTERIOR_TABLE) {
            return Varint.read(d, c + 4);
        }
        return Varint.read(d, c + Varint.sizeAt(d, c));
    }

    /**
     * Descends the scratch path towards {@code key}. At the leaf, {@code six} is the first cell whose rowid
     * is ≥ key (nCells when none); returns true when that cell's rowid equals the key.
     */
    boolean sDescendTable(long key) throws IoPending, SqliteException {
        sPush(load(root), 0);
        while (true) {
            Page p = spg[sLevel];
            byte[] d = p.data();
            int hdr = BtPage.hdr(p.pgno());
            int type = BtPage.type(d, hdr);
            int lo = 0;
            int hi = BtPage.nCells(d, hdr);
            boolean eq = false;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                long r = cellRowid(d, BtPage.cellPtr(d, hdr, type, mid), type);
                if (r < key) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                    eq = r == key;
                }
            }
            six[sLevel] = lo;
            if (BtPage.isLeaf(type)) {
                return eq && lo < BtPage.nCells(d, hdr)
                        && cellRowid(d, BtPage.cellPtr(d, hdr, type, lo), type) == key;
            }
            sPush(load(BtPage.child(d, hdr, type, lo)), 0);
        }
    }

    /**
     * Table b-trees: moves to the entry with this rowid (returns 0), or next to where it would be: on a
     * larger entry (returns +1) or a smaller one (−1, also for an empty tree, where the cursor is INVALID).
     */
    public int seekRowid(long rowid) throws IoPending, SqliteException {
        beginScratch(false);
        boolean found;
        try {
            found = sDescendTable(rowid);
        } catch (IoPending | SqliteException e) {
            abortScratch();
            throw e;
        }
        skip = 0;
        return landTable(found);
    }

    private int landTable(boolean found) {
        Page p = spg[sLevel];
        int n = nCellsAt(p);
        if (n == 0) {
            abortScratch();
            invalidate();
            return -1;
        }
        if (found) {
            commitScratch();
            return 0;
        }
        if (six[sLevel] < n) {
            commitScratch();
            return 1;
        }
        six[sLevel] = n - 1;
        commitScratch();
        return -1;
    }

    /**
     * Compares the entry in cell {@code i} of {@code p} with {@code key[base .. base+nKey)}, or, when
     * {@code key} is null, with the whole record {@link #probe}: negative, zero or positive as the entry
     * orders before, with or after the key over those fields. Compares the cell's bytes (no decoding).
     */
    int compareCell(Page p, int i, Mem[] key, int base, int nKey) throws IoPending, SqliteException {
        byte[] d = p.data();
        int hdr = BtPage.hdr(p.pgno());
        int type = BtPage.type(d, hdr);
        cmpPayload.load(d, BtPage.cellPtr(d, hdr, type, i), type);
        if (key == null) {
            return RecordCompare.compare(cmpPayload.bytes, cmpPayload.offset, cmpPayload.size, probe, 0, probe.length,
                    Integer.MAX_VALUE, keyInfo, 0);
        }
        return RecordCompare.compareWithKey(cmpPayload.bytes, cmpPayload.offset, cmpPayload.size, key, base, nKey,
                keyInfo);
    }

    /**
     * Descends the scratch path towards {@code key}: on each page, the first cell whose entry is ≥ key. With
     * {@code exact}, an entry equal on all {@code nKey} fields stops the descent there (returns true); else
     * equal entries count as greater, so the search ends at the first of them.
     */
    boolean sDescendIndex(Mem[] key, int base, int nKey, boolean exact) throws IoPending, SqliteException {
        return sDescendIndex(key, base, nKey, exact, false);
    }

    /** As above; with {@code after}, entries equal to the key count as smaller (the search ends past them). */
    private boolean sDescendIndex(Mem[] key, int base, int nKey, boolean exact, boolean after)
            throws IoPending, SqliteException {
        sPush(load(root), 0);
        while (true) {
            Page p = spg[sLevel];
            byte[] d = p.data();
            int hdr = BtPage.hdr(p.pgno());
            int type = BtPage.type(d, hdr);
            int lo = 0;
            int hi = BtPage.nCells(d, hdr);
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                int c = compareCell(p, mid, key, base, nKey);
                if (c == 0 && exact) {
                    six[sLevel] = mid;
                    return true;
                }
                if (c < 0 || (c == 0 && after)) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            six[sLevel] = lo;
            if (BtPage.isLeaf(type)) {
                return false;
            }
            sPush(load(BtPage.child(d, hdr, type, lo)), 0);
        }
    }

    /**
     * Index b-trees: moves to the first entry whose first {@code nKey} fields equal
     * {@code key[keyBase ..]} (returns 0); else to the first larger entry (+1), or, when every entry is
     * smaller, to the last one (−1; an empty tree leaves the cursor INVALID).
     */
    public int seekIndex(Mem[] key, int nKey, int keyBase) throws IoPending, SqliteException {
        return seekIndex(key, nKey, keyBase, false);
    }

    /**
     * Index b-trees: moves to the first entry whose first {@code nKey} fields are greater than
     * {@code key[keyBase ..]} (returns +1), or, when there is none, to the last entry (−1; INVALID for an
     * empty tree). For OP_SeekGT, and for OP_SeekLE/SeekLT with a {@link #previous()} after it.
     */
    public int seekIndexAfter(Mem[] key, int nKey, int keyBase) throws IoPending, SqliteException {
        return seekIndex(key, nKey, keyBase, true);
    }

    /** The seeks above: with {@code after}, entries equal to the key count as smaller. */
    private int seekIndex(Mem[] key, int nKey, int keyBase, boolean after) throws IoPending, SqliteException {
        beginScratch(false);
        int res;
        try {
            sDescendIndex(key, keyBase, nKey, false, after);
            res = landIndex(key, keyBase, nKey);
        } catch (IoPending | SqliteException e) {
            abortScratch();
            throw e;
        }
        skip = 0;
        if (res == Integer.MIN_VALUE) {
            abortScratch();
            invalidate();
            return -1;
        }
        commitScratch();
        return res;
    }

    /** Settles the scratch path after a descent; MIN_VALUE for an empty tree. */
    private int landIndex(Mem[] key, int base, int nKey) throws IoPending, SqliteException {
        Page leaf = spg[sLevel];
        int n = nCellsAt(leaf);
        if (six[sLevel] < n) {
            return compareCell(leaf, six[sLevel], key, base, nKey) == 0 ? 0 : 1;
        }
        if (n == 0) {
            return Integer.MIN_VALUE;
        }
        int l = sLevel - 1;
        while (l >= 0 && six[l] >= nCellsAt(spg[l])) {
            l--;
        }
        if (l < 0) {
            six[sLevel] = n - 1;
            return -1;
        }
        while (sLevel > l) {
            sPop();
        }
        return compareCell(spg[sLevel], six[sLevel], key, base, nKey) == 0 ? 0 : 1;
    }

    /** Seeks the saved key again after the tree changed. */
    private void restore() throws IoPending, SqliteException {
        beginScratch(false);
        int res;
        try {
            if (!index) {
                boolean found = sDescendTable(savedRowid);
                Page p = spg[sLevel];
                int n = nCellsAt(p);
                if (n == 0) {
                    res = Integer.MIN_VALUE;
                } else if (found) {
                    res = 0;
                } else if (six[sLevel] < n) {
                    res = 1;
                } else {
                    six[sLevel] = n - 1;
                    res = -1;
                }
            } else {
                probe = savedKey;
                boolean found = sDescendIndex(null, 0, Integer.MAX_VALUE, true);
                res = found ? 0 : landIndex(null, 0, Integer.MAX_VALUE);
            }
        } catch (IoPending | SqliteException e) {
            abortScratch();
            throw e;
        }
        if (res == Integer.MIN_VALUE) {
            abortScratch();
            invalidate();
            return;
        }
        commitScratch();
        skip = res;
    }

    /**
     * Another cursor is about to change this cursor's tree: keep the key of the current entry and let go
     * of the pages; the position is found again at the next access. May throw {@link IoPending} (an index
     * entry's key can overflow), changing nothing then.
     */
    void saveForChange() throws IoPending, SqliteException {
        if (state != VALID) {
            return;
        }
        if (index) {
            byte[] key = payload();
            requireSeek(0, key);
        } else {
            requireSeek(rowid(), null);
        }
    }

    /** Marks the cursor as needing a seek to {@code rowid}/{@code key} before its next use. */
    void requireSeek(long rowid, byte[] key) {
        releasePath();
        savedRowid = rowid;
        savedKey = key;
        skip = 0;
        state = REQUIRESEEK;
    }

    private void ensurePosition() throws IoPending, SqliteException {
        if (state == REQUIRESEEK) {
            restore();
        }
        if (state != VALID) {
            throw new SqliteException(dev.skerry.engine.ResultCode.SQLITE_MISUSE, "cursor is not on an entry");
        }
    }

    // ---- the current entry ----

    /** The rowid of the current entry (for an index, its last field). */
    public long rowid() throws IoPending, SqliteException {
        ensurePosition();
        if (index) {
            RecordReader r = record();
            int n = r.columnCount();
            if (n == 0) {
                throw SqliteException.corrupt("index entry without rowid");
            }
            r.column(n - 1, cmpMem);
            return cmpMem.longValue();
        }
        Page p = pg[level];
        byte[] d = p.data();
        int hdr = BtPage.hdr(p.pgno());
        int type = BtPage.type(d, hdr);
        return cellRowid(d, BtPage.cellPtr(d, hdr, type, ix[level]), type);
    }

    /** A lazy view of the current entry's record (valid until the cursor moves or the tree changes). */
    public RecordReader record() throws IoPending, SqliteException {
        ensurePosition();
        if (!payloadLoaded) {
            Page p = pg[level];
            byte[] d = p.data();
            int hdr = BtPage.hdr(p.pgno());
            int type = BtPage.type(d, hdr);
            payload.load(d, BtPage.cellPtr(d, hdr, type, ix[level]), type);
            payload.view(reader);
            payloadLoaded = true;
        }
        return reader;
    }

    /** A copy of the current entry's payload (the record). */
    public byte[] payload() throws IoPending, SqliteException {
        record();
        byte[] out = new byte[payload.size];
        System.arraycopy(payload.bytes, payload.offset, out, 0, payload.size);
        return out;
    }

    /**
     * Index b-trees: compares the current entry's first {@code n} fields with {@code key[base .. base+n)}
     * (entry minus key) on the entry's bytes, with the KeyInfo's collations and DESC flags.
     */
    public int compareCurrent(Mem[] key, int base, int n) throws IoPending, SqliteException {
        record();
        return RecordCompare.compareWithKey(payload.bytes, payload.offset, payload.size, key, base, n, keyInfo);
    }

    public int columnCount() throws IoPending, SqliteException {
        return record().columnCount();
    }

    public void column(int i, Mem out) throws IoPending, SqliteException {
        record().column(i, out);
    }

    // ---- writes ----

    private TreeWriter writer() {
        if (writer == null) {
            writer = new TreeWriter(this);
        }
        return writer;
    }

    /** Table b-trees: inserts the row, replacing an existing one with the same rowid. */
    public void insert(long rowid, byte[] record) throws IoPending, SqliteException {
        if (index) {
            throw new SqliteException(dev.skerry.engine.ResultCode.SQLITE_MISUSE, "insert on an index cursor");
        }
        writer().insertTable(rowid, record);
    }

    /** Index b-trees: inserts the key (a record whose last field is the rowid), replacing an equal one. */
    public void insertIndex(byte[] key) throws IoPending, SqliteException {
        if (!index) {
            throw new SqliteException(dev.skerry.engine.ResultCode.SQLITE_MISUSE, "index insert on a table cursor");
        }
        writer().insertIndex(key);
    }

    /** Deletes the current entry; afterwards {@link #next()} gives the entry that followed it. */
    public void delete() throws IoPending, SqliteException {
        ensurePosition();
        writer().delete();
    }

    /** Releases the pages the cursor holds. */
    public void close() {
        abortScratch();
        releasePath();
        state = INVALID;
        registry.remove(this);
    }

    static int get4(byte[] d, int off) {
        return DbHeader.get4(d, off);
    }
}
