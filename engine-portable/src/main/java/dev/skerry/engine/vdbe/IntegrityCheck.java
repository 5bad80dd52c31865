package dev.skerry.engine.vdbe;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.btree.BTreeCursor;
import dev.skerry.engine.btree.KeyInfo;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.pager.DbHeader;
import dev.skerry.engine.pager.Page;
import dev.skerry.engine.pager.Pager;
import dev.skerry.engine.record.Varint;
import dev.skerry.engine.value.Mem;
import dev.skerry.engine.value.ValueCompare;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code PRAGMA integrity_check} and {@code quick_check} for the {@code IntegrityCk} opcode: SQLite's
 * {@code sqlite3BtreeIntegrityCheck} (the freelist, every b-tree page by page, every page used exactly once)
 * followed by the row checks {@code pragma.c} codes in bytecode (NOT NULL columns; unless quick: every row
 * has its entry in every index, UNIQUE indexes hold no duplicate key, each index has as many entries as its
 * table has rows). Messages are SQLite's.
 *
 * <p><b>States.</b> FREELIST → TREES → UNUSED → ROWS → DONE, advanced by {@link #step}, which the opcode
 * calls again after {@link IoPending}. Every page visit first makes its page resident and only then changes
 * the state (marks the page, pops or pushes a frame, records messages), so a re-call after IoPending
 * continues where the last one stopped. The b-tree walk is SQLite's recursive {@code checkTreePage} made
 * iterative: a stack of {@link Frame}s, each at a point of its page's cell loop.
 *
 * <p><b>Invariants.</b> {@code referenced[p]} is set once page p has been reached by a pointer; at most
 * {@link Plan#maxErrors} messages are recorded; after DONE, {@link #next} hands out the result rows: the
 * b-tree messages as one row prefixed {@code *** in database main ***}, then one row per row-check message.
 */
public final class IntegrityCheck {
    /** What to check, built by the translator from the schema: the tables in SQLite's order, with their indexes. */
    public static final class Plan {
        final boolean quick;
        /** The name of the database checked, in the heading of the b-tree problems ({@code main} unless set). */
        String dbName = "main";
        final int maxErrors;
        final boolean checkFreelist;
        final boolean checkUnused;
        final List<TablePlan> tables = new ArrayList<>();

        /**
         * @param quick     {@code quick_check}: no index checks
         * @param maxErrors the most problems to report
         * @param oneTable  {@code integrity_check(TABLE)}: the freelist is checked only for
         *                  {@code sqlite_schema}, unused pages not at all
         * @param schemaTable the one table is {@code sqlite_schema}
         */
        /** Names the database checked (its b-tree problems are headed {@code *** in database NAME ***}). */
        public void setDatabaseName(String name) {
            dbName = name;
        }

        public Plan(boolean quick, int maxErrors, boolean oneTable, boolean schemaTable) {
            this.quick = quick;
            this.maxErrors = maxErrors;
            this.checkFreelist = !oneTable || schemaTable;
            this.checkUnused = !oneTable;
        }

        /** Adds a table; NOT NULL columns are given with {@link TablePlan#notNull}, indexes with {@link TablePlan#index}. */
        public TablePlan table(String name, int root, int rowidAlias) {
            TablePlan t = new TablePlan(name, root, rowidAlias);
            tables.add(t);
            return t;
        }
    }

    /** One table of a {@link Plan}. */
    public static final class TablePlan {
        final String name;
        final int root;
        final int rowidAlias;
        final List<Integer> notNullColumns = new ArrayList<>();
        final List<String> notNullNames = new ArrayList<>();
        final List<IndexPlan> indexes = new ArrayList<>();

        TablePlan(String name, int root, int rowidAlias) {
            this.name = name;
            this.root = root;
            this.rowidAlias = rowidAlias;
        }

        /** The value of each record field when a record is too short to hold it (null: NULL), or null. */
        Object[] fieldDefaults;
        /** For a WITHOUT ROWID table: the order of its b-tree (an index b-tree of rows); null for a rowid table. */
        KeyInfo keyInfo;

        /**
         * Makes this a WITHOUT ROWID table whose b-tree is ordered by {@code keyInfo}; its indexes are then
         * given with {@link #index(String, int, int[], int[], KeyInfo, boolean, boolean[])}.
         */
        public void withoutRowid(KeyInfo keyInfo) {
            this.keyInfo = keyInfo;
        }

        /** Sets the values short records read for their missing fields (the columns' DEFAULTs, see {@code Column}). */
        public void fieldDefaults(Object[] defaults) {
            fieldDefaults = defaults;
        }

        public void notNull(int column, String columnName) {
            notNullColumns.add(column);
            notNullNames.add(columnName);
        }

        /**
         * Adds an index: its key columns (record fields of the table; -1 for a VIRTUAL generated column, whose
         * value is not in the record: the row's entry is then not looked for), their key comparison, whether it is UNIQUE and
         * which key columns are declared NOT NULL.
         */
        public void index(String name, int root, int[] columns, KeyInfo keyInfo, boolean unique, boolean[] notNull) {
            indexes.add(new IndexPlan(name, root, columns, keyInfo, unique, notNull));
        }

        /**
         * Adds an index of a WITHOUT ROWID table: as {@link #index(String, int, int[], KeyInfo, boolean, boolean[])},
         * its entries ending with the record fields {@code suffix} (PRIMARY KEY columns) instead of a rowid.
         */
        public void index(String name, int root, int[] columns, int[] suffix, KeyInfo keyInfo, boolean unique,
                boolean[] notNull) {
            IndexPlan ix = new IndexPlan(name, root, columns, keyInfo, unique, notNull);
            ix.suffix = suffix;
            indexes.add(ix);
        }

        /**
         * Adds a partial index or an index on expressions: its b-tree is walked with the others, but its
         * entries are checked against the rows by the translator's own code (its keys need expressions).
         */
        public void computedIndex(String name, int root, KeyInfo keyInfo) {
            indexes.add(new IndexPlan(name, root, null, keyInfo, false, null));
        }
    }

    static final class IndexPlan {
        final String name;
        final int root;
        /** The key's table columns; null for an index whose entries the translator's code checks. */
        final int[] columns;
        final KeyInfo keyInfo;
        final boolean unique;
        final boolean[] notNull;
        /** For an index of a WITHOUT ROWID table: the record fields ending its entries; null: the rowid. */
        int[] suffix;

        IndexPlan(String name, int root, int[] columns, KeyInfo keyInfo, boolean unique, boolean[] notNull) {
            this.name = name;
            this.root = root;
            this.columns = columns;
            this.keyInfo = keyInfo;
            this.unique = unique;
            this.notNull = notNull;
        }
    }

    /** One page of the b-tree walk: where its cell loop stands, and what its parent passed down. */
    private static final class Frame {
        final int pgno;
        final int root;
        /** The key bound from the parent; becomes the smallest key seen as cells are checked right to left. */
        long maxKey;
        boolean keyCanBeEqual = true;
        int step = START;
        int cell;
        int depth = -1;
        /** The depth of the subtree a child just returned, and the smallest key in it. */
        int childDepth;
        long childMinKey;
        /** The message prefix in force when this page is reached (its parent's cell, or none for a root). */
        final String refPrefix;
        /** The cell number SQLite's prefix shows before this page's own cell loop (inherited from the parent). */
        final int inheritedCell;

        Frame(int pgno, int root, long maxKey, String refPrefix, int inheritedCell) {
            this.pgno = pgno;
            this.root = root;
            this.maxKey = maxKey;
            this.refPrefix = refPrefix;
            this.inheritedCell = inheritedCell;
        }
    }

    private static final int START = 0;
    private static final int AFTER_RIGHT = 1;
    private static final int CELL = 2;
    private static final int AFTER_OVERFLOW = 3;
    private static final int AFTER_CHILD = 4;

    /** A chain of pages being walked: the freelist (trunks) or an overflow list. */
    private static final class Chain {
        final boolean freelist;
        final String prefix;
        final long expected;
        long n;
        int page;
        final int errorsAtStart;

        Chain(boolean freelist, String prefix, int first, long expected, int errorsAtStart) {
            this.freelist = freelist;
            this.prefix = prefix;
            this.page = first;
            this.expected = expected;
            this.n = expected;
            this.errorsAtStart = errorsAtStart;
        }
    }

    private static final int FREELIST = 0;
    private static final int TREES = 1;
    private static final int UNUSED = 2;
    private static final int ROWS = 3;
    private static final int DONE = 4;

    private final Pager pager;
    private final Plan plan;
    private final int nPage;
    private final int usable;
    private final boolean[] referenced;
    private final List<int[]> roots = new ArrayList<>();
    private int phase = FREELIST;
    private int rootIndex;
    private final ArrayList<Frame> stack = new ArrayList<>();
    private Chain chain;
    private int unusedPage = 1;
    private int errorsLeft;
    private int treeErrors;
    private final StringBuilder treeText = new StringBuilder();
    private final List<String> rowMessages = new ArrayList<>();
    private int rowsLeft;
    private int outIndex = -1;

    private final RowCheck rows;

    public IntegrityCheck(Pager pager, Plan plan) {
        this.pager = pager;
        this.plan = plan;
        this.nPage = pager.pageCount();
        this.usable = pager.usableSize();
        this.referenced = new boolean[nPage + 2];
        this.errorsLeft = plan.maxErrors;
        int pending = (int) (0x40000000L / pager.pageSize()) + 1;
        if (pending <= nPage) {
            referenced[pending] = true;
        }
        for (TablePlan t : plan.tables) {
            roots.add(new int[] {t.root});
            for (IndexPlan ix : t.indexes) {
                roots.add(new int[] {ix.root});
            }
        }
        this.rows = new RowCheck();
    }

    /** Runs the checks to the end; re-call after {@link IoPending}. */
    public void step() throws IoPending, SqliteException {
        if (nPage == 0) {
            phase = DONE;
        }
        while (phase != DONE) {
            switch (phase) {
                case FREELIST:
                    if (!plan.checkFreelist) {
                        phase = TREES;
                        break;
                    }
                    if (chain == null) {
                        chain = new Chain(true, "Freelist: ", pager.freelistTrunk(),
                                pager.freelistCount() & 0xffffffffL, treeErrors);
                    }
                    walkChain();
                    chain = null;
                    phase = TREES;
                    break;
                case TREES:
                    walkTrees();
                    phase = UNUSED;
                    break;
                case UNUSED:
                    while (plan.checkUnused && unusedPage <= nPage && errorsLeft > 0) {
                        if (!referenced[unusedPage]) {
                            treeMessage(null, "Page " + unusedPage + ": never used");
                        }
                        unusedPage++;
                    }
                    rowsLeft = errorsLeft;
                    phase = ROWS;
                    break;
                case ROWS:
                    rows.run();
                    phase = DONE;
                    break;
                default:
                    break;
            }
        }
    }

    /** After {@link #step} returned: the next result row, or null when all were handed out. */
    public String next() {
        if (outIndex < 0) {
            outIndex = 0;
            if (treeErrors > 0) {
                return "*** in database " + plan.dbName + " ***\n" + treeText;
            }
        }
        return outIndex < rowMessages.size() ? rowMessages.get(outIndex++) : null;
    }

    // ---- b-tree structure (sqlite3BtreeIntegrityCheck) ----

    private void treeMessage(String prefix, String message) {
        if (errorsLeft == 0) {
            return;
        }
        errorsLeft--;
        treeErrors++;
        if (treeText.length() > 0) {
            treeText.append('\n');
        }
        if (prefix != null) {
            treeText.append(prefix);
        }
        treeText.append(message);
    }

    /** SQLite's {@code checkRef} for a page reached by a pointer: false (and a message) when it is bad. */
    private boolean refOk(String prefix, int pgno) {
        if (pgno == 0) {
            return false;
        }
        if (pgno < 0 || pgno > nPage) {
            treeMessage(prefix, "invalid page number " + (pgno & 0xffffffffL));
            return false;
        }
        if (referenced[pgno]) {
            treeMessage(prefix, "2nd reference to page " + pgno);
            return false;
        }
        return true;
    }

    /** SQLite's {@code checkList}: walks {@link #chain}; the page is made resident before anything changes. */
    private void walkChain() throws IoPending, SqliteException {
        Chain c = chain;
        while (c.page != 0 && errorsLeft > 0) {
            int pgno = c.page;
            if (!refOk(c.prefix, pgno)) {
                break;
            }
            Page page = pager.getPage(pgno);
            byte[] d = page.data();
            referenced[pgno] = true;
            c.n--;
            if (c.freelist) {
                long leaves = DbHeader.get4(d, 4) & 0xffffffffL;
                if (leaves > usable / 4 - 2) {
                    treeMessage(c.prefix, "freelist leaf count too big on page " + pgno);
                    c.n--;
                } else {
                    for (int i = 0; i < leaves; i++) {
                        int leaf = DbHeader.get4(d, 8 + 4 * i);
                        if (refOk(c.prefix, leaf)) {
                            referenced[leaf] = true;
                        }
                    }
                    c.n -= leaves;
                }
            }
            c.page = DbHeader.get4(d, 0);
        }
        if (c.n != 0 && treeErrors == c.errorsAtStart) {
            treeMessage(c.prefix, (c.freelist ? "size" : "overflow list length") + " is "
                    + ((c.expected - c.n) & 0xffffffffL) + " but should be " + c.expected);
        }
    }

    private void walkTrees() throws IoPending, SqliteException {
        while (true) {
            if (chain != null) {
                walkChain();
                chain = null;
                stack.get(stack.size() - 1).step = AFTER_OVERFLOW;
            }
            if (stack.isEmpty()) {
                if (rootIndex >= roots.size() || errorsLeft == 0) {
                    return;
                }
                int root = roots.get(rootIndex)[0];
                stack.add(new Frame(root, root, Long.MAX_VALUE, null, 0));
                rootIndex++;
            }
            visit(stack.get(stack.size() - 1));
        }
    }

    private static String cellPrefix(Frame f) {
        return "Tree " + f.root + " page " + f.pgno + " cell " + f.cell + ": ";
    }

    /** Advances the top frame by one step of SQLite's {@code checkTreePage}. */
    private void visit(Frame f) throws IoPending, SqliteException {
        if (f.step == START) {
            if (!refOk(f.refPrefix, f.pgno)) {
                finish(f, 0);
                return;
            }
            byte[] d = pager.getPage(f.pgno).data();
            referenced[f.pgno] = true;
            int hdr = f.pgno == 1 ? 100 : 0;
            int type = d[hdr] & 0xff;
            if (type != 2 && type != 5 && type != 10 && type != 13) {
                treeMessage("Tree " + f.root + " page " + f.pgno + ": ", "btreeInitPage() returns error code 11");
                finish(f, 0);
                return;
            }
            f.cell = DbHeader.get2(d, hdr + 3) - 1;
            if (type == 2 || type == 5) {
                f.step = AFTER_RIGHT;
                stack.add(new Frame(DbHeader.get4(d, hdr + 8), f.root, f.maxKey,
                        "Tree " + f.root + " page " + f.pgno + " cell " + f.inheritedCell + ": ", f.inheritedCell));
                return;
            }
            f.step = CELL;
            return;
        }
        if (f.step == AFTER_RIGHT) {
            f.depth = f.childDepth;
            f.maxKey = f.childMinKey;
            f.keyCanBeEqual = false;
            f.step = CELL;
            return;
        }
        byte[] d = pager.getPage(f.pgno).data();
        int hdr = f.pgno == 1 ? 100 : 0;
        int type = d[hdr] & 0xff;
        boolean leaf = type == 10 || type == 13;
        boolean intKey = type == 5 || type == 13;
        if (f.step == AFTER_CHILD) {
            f.maxKey = f.childMinKey;
            f.keyCanBeEqual = false;
            if (f.childDepth != f.depth) {
                treeMessage(cellPrefix(f), "Child page depth differs");
                f.depth = f.childDepth;
            }
            f.cell--;
            f.step = CELL;
            return;
        }
        if (f.step == AFTER_OVERFLOW) {
            if (!leaf) {
                f.step = AFTER_CHILD;
                int pc = DbHeader.get2(d, hdr + 12 + 2 * f.cell);
                stack.add(new Frame(DbHeader.get4(d, pc), f.root, f.maxKey, cellPrefix(f), f.cell));
            } else {
                f.cell--;
                f.step = CELL;
            }
            return;
        }
        if (f.cell < 0 || errorsLeft == 0) {
            finish(f, leaf ? 0 : f.depth + 1);
            return;
        }
        int cellStart = hdr + (leaf ? 8 : 12);
        int pc = DbHeader.get2(d, cellStart + 2 * f.cell);
        int contentStart = ((DbHeader.get2(d, hdr + 5) - 1) & 0xffff) + 1;
        if (pc < contentStart || pc > usable - 4) {
            treeMessage(cellPrefix(f), "Offset " + pc + " out of range " + contentStart + ".." + (usable - 4));
            f.cell--;
            return;
        }
        int p = pc + (leaf ? 0 : 4);
        long payload = 0;
        if (type != 5) {
            payload = Varint.read(d, p);
            p += Varint.sizeAt(d, p);
        }
        long key = 0;
        if (intKey) {
            key = Varint.read(d, p);
            p += Varint.sizeAt(d, p);
        }
        long local = type == 5 ? 0 : localSize(payload, type == 13);
        int size = (int) (p - pc + local + (payload > local ? 4 : 0));
        if (pc + size > usable) {
            treeMessage(cellPrefix(f), "Extends off end of page");
            f.cell--;
            return;
        }
        if (intKey) {
            if (f.keyCanBeEqual ? key > f.maxKey : key >= f.maxKey) {
                treeMessage(cellPrefix(f), "Rowid " + key + " out of order");
            }
            f.maxKey = key;
            f.keyCanBeEqual = false;
        }
        f.step = AFTER_OVERFLOW;
        if (payload > local) {
            long pages = (payload - local + usable - 5) / (usable - 4);
            chain = new Chain(false, cellPrefix(f), DbHeader.get4(d, (int) (p + local)), pages, treeErrors);
        }
    }

    /**
     * Pops {@code f}, handing its depth and smallest key to the frame below. As SQLite's, a leaf and a page
     * that could not be checked both count as depth 0 (an unreadable child is thus no depth difference
     * among leaves), and a page left early hands back the bound it was given.
     */
    private void finish(Frame f, int depth) {
        stack.remove(stack.size() - 1);
        if (!stack.isEmpty()) {
            Frame parent = stack.get(stack.size() - 1);
            parent.childDepth = depth;
            parent.childMinKey = f.maxKey;
        }
    }

    /** The bytes of a payload of {@code p} bytes kept on a b-tree page (fileformat2 §1.6). */
    private long localSize(long p, boolean tableLeaf) {
        long u = usable;
        long x = tableLeaf ? u - 35 : ((u - 12) * 64 / 255) - 23;
        if (p <= x) {
            return p;
        }
        long m = ((u - 12) * 32 / 255) - 23;
        long k = m + ((p - m) % (u - 4));
        return k <= x ? k : m;
    }

    // ---- rows against their constraints and indexes (pragma.c) ----

    /** The row checks, table by table, resumable: each move or seek is retried until it completes. */
    private final class RowCheck {
        private int table = -1;
        private BTreeCursor cursor;
        private BTreeCursor[] indexCursors;
        private boolean started;
        private boolean onRow;
        private boolean rowDone;
        private int nextIndex;
        private long rowCount;
        private int countIndex;
        private long countEntries;
        private boolean counting;
        private Mem[] key = new Mem[0];
        private final Mem a = new Mem();
        private final Mem b = new Mem();

        void run() throws IoPending, SqliteException {
            while (rowsLeft > 0) {
                if (cursor == null) {
                    if (!openNextTable()) {
                        return;
                    }
                }
                TablePlan t = plan.tables.get(table);
                if (!onRow) {
                    boolean more = started ? cursor.next() : cursor.first();
                    started = true;
                    if (!more) {
                        if (!countEntries(t)) {
                            return;
                        }
                        cursor = null;
                        continue;
                    }
                    onRow = true;
                    rowDone = false;
                    nextIndex = 0;
                    rowCount++;
                }
                if (!rowDone) {
                    checkNotNull(t);
                    rowDone = true;
                }
                if (!plan.quick) {
                    while (nextIndex < t.indexes.size() && rowsLeft > 0) {
                        checkIndexEntry(t, nextIndex);
                        nextIndex++;
                    }
                }
                onRow = false;
            }
        }

        private boolean openNextTable() {
            table++;
            if (table >= plan.tables.size()) {
                return false;
            }
            TablePlan t = plan.tables.get(table);
            cursor = new BTreeCursor(pager, t.root, t.keyInfo);
            indexCursors = new BTreeCursor[t.indexes.size()];
            for (int k = 0; k < indexCursors.length; k++) {
                IndexPlan ix = t.indexes.get(k);
                indexCursors[k] = new BTreeCursor(pager, ix.root, ix.keyInfo);
            }
            started = false;
            onRow = false;
            rowDone = true;
            rowCount = 0;
            countIndex = 0;
            countEntries = 0;
            counting = false;
            return true;
        }

        private void message(String m) {
            if (rowsLeft > 0) {
                rowMessages.add(m);
                rowsLeft--;
            }
        }

        private void column(TablePlan t, int c, Mem out) throws IoPending, SqliteException {
            if (c == t.rowidAlias) {
                out.setLong(cursor.rowid());
            } else if (c < cursor.columnCount()) {
                cursor.column(c, out);
            } else if (t.fieldDefaults != null && c < t.fieldDefaults.length) {
                CursorOps.setValue(out, t.fieldDefaults[c]);
            } else {
                out.setNull();
            }
        }

        private void checkNotNull(TablePlan t) throws IoPending, SqliteException {
            Mem[] values = new Mem[t.notNullColumns.size()];
            for (int k = 0; k < values.length; k++) {
                values[k] = new Mem();
                column(t, t.notNullColumns.get(k), values[k]);
            }
            for (int k = 0; k < values.length; k++) {
                if (values[k].type() == Mem.NULL) {
                    message("NULL value in " + t.name + "." + t.notNullNames.get(k));
                }
            }
        }

        /** Seeks the row's entry in index {@code k}; reports it missing, or a duplicate key after it. */
        private void checkIndexEntry(TablePlan t, int k) throws IoPending, SqliteException {
            IndexPlan ix = t.indexes.get(k);
            if (ix.columns == null) {
                return;
            }
            int n = ix.columns.length;
            for (int c : ix.columns) {
                if (c < 0) {
                    return;
                }
            }
            int extra = ix.suffix == null ? 1 : ix.suffix.length;
            if (key.length < n + extra) {
                key = new Mem[n + extra];
                for (int i = 0; i < key.length; i++) {
                    key[i] = new Mem();
                }
            }
            for (int i = 0; i < n; i++) {
                column(t, ix.columns[i], key[i]);
            }
            long rowid;
            if (ix.suffix == null) {
                rowid = cursor.rowid();
                key[n].setLong(rowid);
            } else {
                rowid = rowCount;
                for (int m = 0; m < extra; m++) {
                    column(t, ix.suffix[m], key[n + m]);
                }
            }
            BTreeCursor ic = indexCursors[k];
            if (ic.seekIndex(key, n + extra, 0) != 0) {
                message("row " + rowid + " missing from index " + ix.name);
                return;
            }
            if (!ix.unique) {
                return;
            }
            for (int i = 0; i < n; i++) {
                if (!ix.notNull[i] && key[i].type() == Mem.NULL) {
                    return;
                }
            }
            if (!ic.next()) {
                return;
            }
            for (int i = 0; i < n; i++) {
                ic.column(i, a);
                b.copyFrom(key[i]);
                if (ValueCompare.compare(a, b, ix.keyInfo.collation(i)) != 0) {
                    return;
                }
            }
            message("non-unique entry in index " + ix.name);
        }

        /** After the last row: each index must hold as many entries as the table has rows. */
        private boolean countEntries(TablePlan t) throws IoPending, SqliteException {
            if (plan.quick) {
                return true;
            }
            while (countIndex < t.indexes.size()) {
                if (t.indexes.get(countIndex).columns == null) {
                    countIndex++;
                    continue;
                }
                BTreeCursor ic = indexCursors[countIndex];
                boolean more = counting ? ic.next() : ic.first();
                counting = true;
                if (more) {
                    countEntries++;
                    continue;
                }
                if (countEntries != rowCount) {
                    message("wrong # of entries in index " + t.indexes.get(countIndex).name);
                    if (rowsLeft == 0) {
                        return false;
                    }
                }
                countIndex++;
                countEntries = 0;
                counting = false;
            }
            return true;
        }
    }
}
