package dev.skerry.engine.pager;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.io.VfsFile;
import dev.skerry.engine.wal.Wal;

/**
 * One open database file as an array of pages: reading pages into a bounded cache, write transactions with
 * a dirty set, statement savepoints, the freelist and the header of page 1.
 *
 * <p><b>States.</b> OPENING ({@link #openStep} re-called until it returns) → READY. Within READY the
 * transaction state is NONE → READ ({@link #beginRead}) → WRITE ({@link #beginWrite}) → back to NONE by
 * {@link #commit} (re-callable until durable) or {@link #rollback} (no I/O). {@link #close} is a
 * re-callable state machine ending in CLOSED.
 *
 * <p><b>Invariants.</b> (1) Page 1 is resident and pinned from the end of opening on ({@link #page1()}), so
 * header accessors never do I/O. (2) Every dirty page is in the cache and in {@code dirty[0..nDirty)}, and
 * dirty pages exist only in WRITE. (3) {@code dbSize} is the database size in pages as of the open write
 * transaction (grown by allocation); {@code committedSize} is the size of the last committed image.
 * (4) For every open savepoint, a page changed since it began has its image from that moment kept in that
 * savepoint or in an older one; rolling back to it restores those images and the page count.
 * {@code dbSize} may also shrink in WRITE ({@link #truncate}, VACUUM): pages beyond it are then neither
 * committed nor readable, and the commit records the smaller size, which the checkpoint gives the file.
 * (5) A method that may throw {@link IoPending} changes nothing lasting before its last possible throw.
 */
public final class Pager {
    /** The default page size of a new database (SQLite's since 3.12). */
    public static final int DEFAULT_PAGE_SIZE = 4096;
    private static final int DEFAULT_CACHE_PAGES = 2000;

    private static final int OPEN_START = 0;
    private static final int OPEN_SIZES = 1;
    private static final int OPEN_JOURNAL = 2;
    private static final int OPEN_HEADER = 3;
    private static final int OPEN_WAL = 4;
    private static final int READY = 5;
    private static final int CLOSING_CHECKPOINT = 6;
    private static final int CLOSING_DELETE = 7;
    private static final int CLOSED = 8;

    /** Commits that leave the log at least this many frames long checkpoint it (SQLite's default). */
    public static final int AUTO_CHECKPOINT_FRAMES = 1000;

    private static final int COMMIT_IDLE = 0;
    private static final int COMMIT_WAL = 1;
    private static final int COMMIT_CHECKPOINT = 2;

    private static final int TX_NONE = 0;
    private static final int TX_READ = 1;
    private static final int TX_WRITE = 2;

    private final Vfs vfs;
    private final String path;
    private VfsFile file;
    private int state = OPEN_START;
    private Completion sizeDone;
    private Completion journalSizeDone;
    private Completion journalHeadDone;
    private Completion headerDone;
    private VfsFile journal;
    private final byte[] headBuf = new byte[DbHeader.SIZE];
    private final byte[] journalHead = new byte[8];
    private long fileSize;
    private boolean headerValid;

    private int pageSize = DEFAULT_PAGE_SIZE;
    private int usableSize = DEFAULT_PAGE_SIZE;
    private int dbSize;
    private int committedSize;
    private PageCache cache = new PageCache(DEFAULT_CACHE_PAGES);
    private Page page1;
    private byte[] page1Committed;
    private int tx = TX_NONE;

    private Page[] dirty = new Page[64];
    private int nDirty;
    private final SavepointStack savepoints = new SavepointStack();

    /** The write-ahead log; null until opened (and again after a page size change of an empty database). */
    private Wal wal;
    private boolean walReady;
    private int commitState = COMMIT_IDLE;
    private int[] commitPgnos = new int[64];
    private byte[][] commitPages = new byte[64][];
    private int commitCount;
    private Completion closeDelete;
    private Page lastRequested;
    /** Per-database state of the b-tree layer (its registry of open cursors); the pager only holds it. */
    private Object btreeShared;

    /** SQLite's largest page count ({@code SQLITE_MAX_PAGE_COUNT}). */
    public static final long MAX_PAGE_COUNT = 0xfffffffeL;
    private long maxPageCount = MAX_PAGE_COUNT;

    private Pager(Vfs vfs, String path) {
        this.vfs = vfs;
        this.path = path;
    }

    /** A pager for {@code path}; does no I/O (call {@link #openStep} until it returns). */
    public static Pager open(Vfs vfs, String path) {
        return new Pager(vfs, path);
    }

    /** The VFS the database file lives in (temporary files go there too). */
    public Vfs vfs() {
        return vfs;
    }

    /** The database file's path. */
    public String path() {
        return path;
    }

    VfsFile file() {
        return file;
    }

    /**
     * Advances opening: sizes the file, refuses a hot rollback journal, reads the header (or prepares an
     * empty file as a new database, written at the first commit). Re-call after {@link IoPending}.
     */
    public void openStep() throws IoPending, SqliteException {
        while (true) {
            switch (state) {
                case OPEN_START:
                    file = vfs.open(path, Vfs.CREATE);
                    journal = vfs.open(path + "-journal", 0);
                    sizeDone = file.size();
                    journalSizeDone = journal.size();
                    state = OPEN_SIZES;
                    break;
                case OPEN_SIZES:
                    waitFor(sizeDone, journalSizeDone);
                    if (sizeDone.isFailed()) {
                        throw new SqliteException(ResultCode.SQLITE_CANTOPEN, "unable to open database file");
                    }
                    fileSize = sizeDone.result();
                    if (!journalSizeDone.isFailed() && journalSizeDone.result() > 0 && fileSize > 0) {
                        journalHeadDone = journal.read(0, journalHead, 0, 8);
                        state = OPEN_JOURNAL;
                    } else {
                        journal.close();
                        state = OPEN_JOURNAL;
                        journalHeadDone = null;
                    }
                    break;
                case OPEN_JOURNAL:
                    if (journalHeadDone != null) {
                        waitFor(journalHeadDone);
                        journal.close();
                        if (!journalHeadDone.isFailed() && isHotJournalHeader(journalHead)) {
                            throw new SqliteException(ResultCode.SQLITE_CANTOPEN,
                                    "unable to open database file: hot journal " + path
                                            + "-journal needs rollback (not supported by Skerry)");
                        }
                    }
                    if (fileSize == 0) {
                        dbSize = 0;
                        committedSize = 0;
                        state = OPEN_WAL;
                        break;
                    }
                    headerDone = file.read(0, headBuf, 0, DbHeader.SIZE);
                    state = OPEN_HEADER;
                    break;
                case OPEN_HEADER:
                    waitFor(headerDone);
                    if (headerDone.isFailed()) {
                        throw new SqliteException(headerDone.errorCode(), "disk I/O error");
                    }
                    headerValid = readHeader();
                    state = OPEN_WAL;
                    break;
                case OPEN_WAL:
                    openWal();
                    if (wal.maxFrame() > 0) {
                        // The log's page 1 is the database's header; the file's own may be stale or torn.
                        pageSize = wal.pageSize();
                        dbSize = wal.dbSizeAfterLastCommit();
                        committedSize = dbSize;
                    } else if (!headerValid && fileSize > 0) {
                        throw new SqliteException(ResultCode.SQLITE_NOTADB, "file is not a database");
                    }
                    loadPage1();
                    checkPage1();
                    state = READY;
                    return;
                case READY:
                    loadPage1();
                    return;
                default:
                    throw new SqliteException(ResultCode.SQLITE_MISUSE, "pager is closed");
            }
        }
    }

    /** Opens (and recovers) the log; re-callable. */
    private void openWal() throws IoPending, SqliteException {
        if (wal == null) {
            wal = new Wal(vfs, path + "-wal");
            walReady = false;
        }
        if (!walReady) {
            wal.open(pageSize);
            walReady = true;
        }
    }

    private static boolean isHotJournalHeader(byte[] b) {
        return (b[0] & 0xff) == 0xd9 && (b[1] & 0xff) == 0xd5 && (b[2] & 0xff) == 0x05 && (b[3] & 0xff) == 0xf9;
    }

    /** Reads the file's header; false when it is not a valid one (the log may still hold page 1). */
    private boolean readHeader() throws SqliteException {
        if (!DbHeader.hasMagic(headBuf)) {
            return false;
        }
        int ps = DbHeader.pageSize(headBuf);
        int reserved = headBuf[DbHeader.RESERVED] & 0xff;
        if (ps == 0 || ps - reserved < 480) {
            return false;
        }
        if (headBuf[DbHeader.READ_VERSION] > 2) {
            throw new SqliteException(ResultCode.SQLITE_CANTOPEN, "unable to open database file");
        }
        pageSize = ps;
        usableSize = ps - reserved;
        int inHeader = DbHeader.get4(headBuf, DbHeader.DB_SIZE);
        boolean valid = DbHeader.get4(headBuf, DbHeader.VERSION_VALID_FOR) == DbHeader.get4(headBuf, DbHeader.CHANGE_COUNTER);
        int fromFile = (int) Math.min(Integer.MAX_VALUE, fileSize / ps);
        dbSize = valid && inHeader > 0 ? inHeader : fromFile;
        committedSize = dbSize;
        return true;
    }

    /** Validates the header of page 1 as read (from the file or the log) and takes the usable size from it. */
    private void checkPage1() throws SqliteException {
        if (committedSize == 0) {
            return;
        }
        byte[] h = page1.data;
        int reserved = h[DbHeader.RESERVED] & 0xff;
        if (!DbHeader.hasMagic(h) || DbHeader.pageSize(h) != pageSize || pageSize - reserved < 480) {
            page1.unpin();
            page1 = null;
            throw new SqliteException(ResultCode.SQLITE_NOTADB, "file is not a database");
        }
        int encoding = DbHeader.get4(h, DbHeader.TEXT_ENCODING);
        if (encoding == 2 || encoding == 3) {
            // Records of such a file hold UTF-16 text; the record layer decodes UTF-8 only (UTF-16 is future work).
            page1.unpin();
            page1 = null;
            throw new SqliteException(ResultCode.SQLITE_ERROR, "database text encoding "
                    + (encoding == 2 ? "UTF-16le" : "UTF-16be") + " is not supported (only UTF-8)");
        }
        usableSize = pageSize - reserved;
    }

    private void loadPage1() throws IoPending, SqliteException {
        if (page1 == null) {
            Page p = getPage(1);
            p.pin();
            page1 = p;
        }
    }

    private static void waitFor(Completion a) throws IoPending {
        if (!a.isDone()) {
            throw new IoPending(a);
        }
    }

    private static void waitFor(Completion a, Completion b) throws IoPending {
        if (!a.isDone() || !b.isDone()) {
            IoPending p = new IoPending();
            if (!a.isDone()) {
                p.add(a);
            }
            if (!b.isDone()) {
                p.add(b);
            }
            throw p;
        }
    }

    private void requireReady() throws SqliteException {
        if (state != READY) {
            throw new SqliteException(ResultCode.SQLITE_MISUSE, "pager is not open");
        }
    }

    public int pageSize() {
        return pageSize;
    }

    public int usableSize() {
        return usableSize;
    }

    /** The database size in pages, including pages allocated in the open write transaction. */
    public int pageCount() {
        return dbSize;
    }

    /**
     * Sets the page size of a new database (a power of two in 512..65536). Honoured only while the file is
     * empty and nothing has been written; otherwise ignored, as SQLite's {@code PRAGMA page_size} is.
     */
    public void setPageSize(int size) throws SqliteException {
        if (size < 512 || size > 65536 || (size & (size - 1)) != 0) {
            return;
        }
        if (committedSize != 0 || tx == TX_WRITE || state != READY || size == pageSize) {
            return;
        }
        if (page1 != null) {
            page1.unpin();
            page1 = null;
        }
        cache = new PageCache(DEFAULT_CACHE_PAGES);
        if (wal != null && wal.maxFrame() == 0) {
            // The empty log was opened for the old size; beginWrite reopens it for the new one.
            wal.close();
            wal = null;
        }
        pageSize = size;
        usableSize = size;
        try {
            loadPage1();
        } catch (IoPending e) {
            throw new IllegalStateException("page 1 of an empty database needs no I/O");
        }
    }

    /**
     * Sets the soft limit of resident pages ({@code PRAGMA cache_size}: {@code n > 0} pages, {@code n < 0}
     * {@code -n} KiB); SQLite's minimum of 10 pages applies.
     */
    public void setCacheSize(int n) {
        long pages = n >= 0 ? n : (-(long) n * 1024) / (pageSize + 136);
        cache.setLimit((int) Math.max(10, Math.min(pages, 1 << 20)));
    }

    /** The largest number of pages the database may grow to ({@code PRAGMA max_page_count}). */
    public long maxPageCount() {
        return maxPageCount;
    }

    /**
     * Sets the largest number of pages, never below the current size, as SQLite's
     * {@code sqlite3PagerMaxPageCount}; {@code n <= 0} leaves it unchanged. Returns the limit now in force.
     */
    public long setMaxPageCount(long n) {
        if (n > 0) {
            maxPageCount = Math.min(Math.max(n, dbSize), MAX_PAGE_COUNT);
        }
        return maxPageCount;
    }

    /** The database's path as it was opened. */
    public String filename() {
        return path;
    }

    /** 0 none, 1 full, 2 incremental: the auto-vacuum mode of the database header ({@code PRAGMA auto_vacuum}). */
    public int autoVacuum() {
        if (DbHeader.get4(page1.data, DbHeader.AUTOVACUUM_ROOT) == 0) {
            return 0;
        }
        return DbHeader.get4(page1.data, DbHeader.INCREMENTAL_VACUUM) != 0 ? 2 : 1;
    }

    /**
     * True when the database is in WAL format (or new); false for a rollback-journal file SQLite made, which
     * Skerry turns into WAL at its first write.
     */
    public boolean walFormat() {
        return committedSize == 0 || page1.data[DbHeader.WRITE_VERSION] == 2 || walFrames() > 0;
    }

    /** The number of frames in the write-ahead log (0 when it is empty or not open). */
    public int walFrames() {
        return wal == null || !walReady ? 0 : wal.maxFrame();
    }

    /**
     * Copies the log into the database file and empties it ({@code PRAGMA wal_checkpoint}), outside any
     * write transaction. Re-callable after {@link IoPending} until it returns.
     */
    public void checkpoint() throws IoPending, SqliteException {
        requireReady();
        if (tx == TX_WRITE) {
            throw new SqliteException(ResultCode.SQLITE_LOCKED, "database table is locked");
        }
        if (wal != null && walReady) {
            wal.checkpoint(file);
        }
    }

    /** The b-tree layer's per-database state ({@code btree.CursorRegistry}), or null before its first cursor. */
    public Object btreeShared() {
        return btreeShared;
    }

    public void setBtreeShared(Object shared) {
        btreeShared = shared;
    }

    /** Page 1 (always resident once open). */
    Page page1() {
        return page1;
    }

    /** The resident page {@code pgno}, or starts its read and throws {@link IoPending}. */
    public Page getPage(int pgno) throws IoPending, SqliteException {
        Page p = cache.get(pgno);
        if (p != null) {
            if (p.loading != null) {
                finishLoad(p);
            }
            return p;
        }
        if (pgno < 1 || pgno > Math.max(dbSize, 1)) {
            throw SqliteException.corrupt("page " + pgno + " beyond database size " + dbSize);
        }
        cache.makeRoom();
        p = new Page(pgno, pageSize);
        if (pgno > committedSize) {
            if (pgno == 1) {
                DbHeader.initialise(p.data, pageSize);
            }
            cache.put(p);
            return p;
        }
        int frame = wal == null ? 0 : wal.findFrame(pgno);
        p.loading = frame > 0 ? wal.readFrame(frame, p.data)
                : file.read((long) (pgno - 1) * pageSize, p.data, 0, pageSize);
        cache.put(p);
        finishLoad(p);
        return p;
    }

    /**
     * Requests page {@code pgno} without throwing {@link IoPending}: when it is resident,
     * {@link #lastRequested()} is the page; else its read is started, {@link #lastRequested()} is null and
     * the completion is added to {@code acc} (created when null). Returns the accumulator. For gathering a
     * set of pages in one round of I/O.
     */
    public IoPending request(int pgno, IoPending acc) throws SqliteException {
        try {
            lastRequested = getPage(pgno);
            return acc;
        } catch (IoPending e) {
            lastRequested = null;
            IoPending r = acc == null ? new IoPending() : acc;
            for (Completion c : e.completions()) {
                r.add(c);
            }
            return r;
        }
    }

    /** The page found by the last {@link #request}, or null when it was not resident. */
    public Page lastRequested() {
        return lastRequested;
    }

    private void finishLoad(Page p) throws IoPending, SqliteException {
        Completion c = p.loading;
        if (!c.isDone()) {
            throw new IoPending(c);
        }
        if (c.isFailed()) {
            cache.remove(p.pgno);
            throw new SqliteException(ResultCode.SQLITE_IOERR_READ, "disk I/O error");
        }
        p.loading = null;
    }

    /**
     * The page object for {@code pgno} with its content to be overwritten: no read; zero-filled; dirty.
     * Used for pages taken from the freelist or added at the end of the file.
     */
    Page pageForOverwrite(int pgno) throws SqliteException {
        Page p = cache.get(pgno);
        if (p == null || p.loading != null) {
            if (p != null && p.isPinned()) {
                throw SqliteException.corrupt("page " + pgno + " reused while in use");
            }
            cache.makeRoom();
            p = new Page(pgno, pageSize);
            cache.put(p);
        }
        markDirty(p);
        java.util.Arrays.fill(p.data, (byte) 0);
        return p;
    }

    /** Marks {@code page} as changed in the open write transaction (call before changing its bytes). */
    public void markDirty(Page page) throws SqliteException {
        if (tx != TX_WRITE) {
            throw new SqliteException(ResultCode.SQLITE_MISUSE, "page change outside a write transaction");
        }
        savepoints.capture(page);
        if (!page.dirty) {
            page.dirty = true;
            if (nDirty == dirty.length) {
                Page[] nd = new Page[nDirty * 2];
                System.arraycopy(dirty, 0, nd, 0, nDirty);
                dirty = nd;
            }
            dirty[nDirty++] = page;
        }
    }

    /** The page number SQLite never uses: the one holding the lock bytes at offset 2^30. */
    private int pendingBytePage() {
        return (int) (0x40000000L / pageSize) + 1;
    }

    /** Adds a page at the end of the file. */
    Page grow() throws SqliteException {
        int pgno = dbSize + 1;
        if (pgno == pendingBytePage()) {
            pgno++;
        }
        if (pgno <= 0 || (pgno & 0xffffffffL) > maxPageCount) {
            throw new SqliteException(ResultCode.SQLITE_FULL, "database or disk is full");
        }
        Page p = pageForOverwrite(pgno);
        dbSize = pgno;
        return p;
    }

    /**
     * VACUUM: page {@code pgno} (at most one past the current size, which it then extends) as a zeroed dirty
     * page whose old content is not read, for the caller to fill with the page's new image. Write transaction
     * required; no I/O.
     */
    public Page rewritePage(int pgno) throws SqliteException {
        if (tx != TX_WRITE) {
            throw new SqliteException(ResultCode.SQLITE_MISUSE, "page rewrite outside a write transaction");
        }
        if (pgno < 1 || pgno > dbSize + 1) {
            throw new SqliteException(ResultCode.SQLITE_MISUSE, "page " + pgno + " rewritten beyond the database end");
        }
        Page p = pageForOverwrite(pgno);
        dbSize = Math.max(dbSize, pgno);
        return p;
    }

    /**
     * VACUUM: makes the database {@code nPages} long in the open write transaction (no larger than now).
     * Pages beyond it are dropped at commit, which records the new size in the log; the database file
     * shrinks at the next checkpoint. Rolled back with the transaction (or a savepoint). No I/O.
     */
    public void truncate(int nPages) throws SqliteException {
        if (tx != TX_WRITE) {
            throw new SqliteException(ResultCode.SQLITE_MISUSE, "truncate outside a write transaction");
        }
        if (nPages < 1 || nPages > dbSize) {
            throw new SqliteException(ResultCode.SQLITE_MISUSE, "truncate to " + nPages + " of " + dbSize + " pages");
        }
        dbSize = nPages;
    }

    /** A zeroed, dirty page: from the freelist when it has one, else at the end of the file. */
    public Page allocatePage() throws IoPending, SqliteException {
        if (tx != TX_WRITE) {
            throw new SqliteException(ResultCode.SQLITE_MISUSE, "allocation outside a write transaction");
        }
        return Freelist.allocate(this);
    }

    /** Puts page {@code pgno} on the freelist. */
    public void freePage(int pgno) throws IoPending, SqliteException {
        if (tx != TX_WRITE) {
            throw new SqliteException(ResultCode.SQLITE_MISUSE, "free outside a write transaction");
        }
        Freelist.free(this, pgno);
    }

    public int freelistCount() {
        return DbHeader.get4(page1.data, DbHeader.FREELIST_COUNT);
    }

    public int freelistTrunk() {
        return DbHeader.get4(page1.data, DbHeader.FREELIST_TRUNK);
    }

    // ---- transactions ----

    /** Starts a read transaction (a no-op when one is open). */
    public void beginRead() throws IoPending, SqliteException {
        requireReady();
        loadPage1();
        if (tx == TX_NONE) {
            tx = TX_READ;
        }
    }

    /** Starts a write transaction (upgrading a read transaction). */
    public void beginWrite() throws IoPending, SqliteException {
        requireReady();
        loadPage1();
        if (tx == TX_WRITE) {
            return;
        }
        openWal();
        if (DbHeader.get4(page1.data, DbHeader.AUTOVACUUM_ROOT) != 0) {
            throw new SqliteException(ResultCode.SQLITE_READONLY,
                    "attempt to write a readonly database (auto-vacuum databases are read-only in Skerry)");
        }
        page1Committed = page1.data.clone();
        tx = TX_WRITE;
        if (dbSize == 0) {
            markDirty(page1);
            dbSize = 1;
        }
    }

    public boolean inWriteTransaction() {
        return tx == TX_WRITE;
    }

    public boolean inReadTransaction() {
        return tx != TX_NONE;
    }

    /**
     * Makes the write transaction durable: the changed pages go to the WAL as one transaction; when the log
     * has grown to {@link #AUTO_CHECKPOINT_FRAMES} frames it is then checkpointed into the database file.
     * Re-call after {@link IoPending} until it returns. A read transaction just ends.
     */
    public void commit() throws IoPending, SqliteException {
        requireReady();
        if (commitState == COMMIT_IDLE) {
            if (tx != TX_WRITE) {
                tx = TX_NONE;
                return;
            }
            savepoints.clear();
            prepareHeaderForCommit();
            collectCommitPages();
            commitState = COMMIT_WAL;
        }
        if (commitState == COMMIT_WAL) {
            try {
                wal.commit(commitPgnos, commitPages, commitCount, dbSize);
            } catch (SqliteException e) {
                commitState = COMMIT_IDLE;
                throw e;
            }
            finishCommit();
            commitState = wal.maxFrame() >= AUTO_CHECKPOINT_FRAMES ? COMMIT_CHECKPOINT : COMMIT_IDLE;
        }
        if (commitState == COMMIT_CHECKPOINT) {
            try {
                wal.checkpoint(file);
            } catch (SqliteException e) {
                // The transaction is durable in the log; as SQLite's auto-checkpoint, a failed checkpoint
                // is not an error of the commit. The log stays valid and is checkpointed later.
                commitState = COMMIT_IDLE;
                return;
            }
            commitState = COMMIT_IDLE;
        }
    }

    private void collectCommitPages() {
        commitCount = 0;
        if (commitPgnos.length < nDirty) {
            commitPgnos = new int[nDirty];
            commitPages = new byte[nDirty][];
        }
        for (int k = 0; k < nDirty; k++) {
            Page p = dirty[k];
            if (p.pgno <= dbSize) {
                commitPgnos[commitCount] = p.pgno;
                commitPages[commitCount] = p.data;
                commitCount++;
            }
        }
    }

    private void finishCommit() {
        for (int k = 0; k < nDirty; k++) {
            dirty[k].dirty = false;
            dirty[k] = null;
        }
        nDirty = 0;
        java.util.Arrays.fill(commitPages, 0, commitCount, null);
        commitCount = 0;
        cache.dropDirtyAndBeyond(dbSize);
        committedSize = dbSize;
        page1Committed = null;
        tx = TX_NONE;
    }

    private void prepareHeaderForCommit() throws SqliteException {
        markDirty(page1);
        byte[] h = page1.data;
        int counter = DbHeader.get4(h, DbHeader.CHANGE_COUNTER) + 1;
        DbHeader.put4(h, DbHeader.CHANGE_COUNTER, counter);
        DbHeader.put4(h, DbHeader.VERSION_VALID_FOR, counter);
        DbHeader.put4(h, DbHeader.DB_SIZE, dbSize);
        DbHeader.put4(h, DbHeader.SQLITE_VERSION, DbHeader.VERSION_NUMBER);
        h[DbHeader.WRITE_VERSION] = 2;
        h[DbHeader.READ_VERSION] = 2;
    }

    /** Abandons the write transaction: changed pages go back to their committed images. No I/O. */
    public void rollback() {
        if (tx == TX_WRITE) {
            savepoints.clear();
            commitState = COMMIT_IDLE;
            for (int k = 0; k < nDirty; k++) {
                dirty[k] = null;
            }
            nDirty = 0;
            page1.unpin();
            cache.dropDirtyAndBeyond(committedSize);
            System.arraycopy(page1Committed, 0, page1.data, 0, pageSize);
            page1.dirty = false;
            page1.loading = null;
            page1.pin();
            cache.put(page1);
            page1Committed = null;
            dbSize = committedSize;
        }
        tx = TX_NONE;
    }

    // ---- statement savepoints ----

    /** Opens a savepoint (write transaction required); returns its index for rollbackTo/release. */
    public int savepoint() throws SqliteException {
        if (tx != TX_WRITE) {
            throw new SqliteException(ResultCode.SQLITE_MISUSE, "savepoint outside a write transaction");
        }
        return savepoints.open(dbSize);
    }

    /** Undoes every change since savepoint {@code index} began; the savepoint stays open. No I/O. */
    public void rollbackTo(int index) {
        dbSize = savepoints.rollbackTo(index);
    }

    /** Closes savepoint {@code index} and those opened after it, keeping their changes. */
    public void release(int index) {
        savepoints.release(index);
    }

    // ---- header fields ----

    public int schemaCookie() {
        return DbHeader.get4(page1.data, DbHeader.SCHEMA_COOKIE);
    }

    public void setSchemaCookie(int v) throws SqliteException {
        setHeader4(DbHeader.SCHEMA_COOKIE, v);
    }

    public int userVersion() {
        return DbHeader.get4(page1.data, DbHeader.USER_VERSION);
    }

    public void setUserVersion(int v) throws SqliteException {
        setHeader4(DbHeader.USER_VERSION, v);
    }

    public int applicationId() {
        return DbHeader.get4(page1.data, DbHeader.APPLICATION_ID);
    }

    public void setApplicationId(int v) throws SqliteException {
        setHeader4(DbHeader.APPLICATION_ID, v);
    }

    /** 1 UTF-8, 2 UTF-16le, 3 UTF-16be (0 in a new database's header is read as 1). */
    public int textEncoding() {
        int e = DbHeader.get4(page1.data, DbHeader.TEXT_ENCODING);
        return e == 0 ? 1 : e;
    }

    public int schemaFormat() {
        return DbHeader.get4(page1.data, DbHeader.SCHEMA_FORMAT);
    }

    public int defaultCacheSize() {
        return DbHeader.get4(page1.data, DbHeader.DEFAULT_CACHE_SIZE);
    }

    public void setDefaultCacheSize(int v) throws SqliteException {
        setHeader4(DbHeader.DEFAULT_CACHE_SIZE, v);
    }

    /** Sets the schema format number (SQLite writes 4 for new databases; older files may hold 1..3). */
    public void setSchemaFormat(int v) throws SqliteException {
        setHeader4(DbHeader.SCHEMA_FORMAT, v);
    }

    public int changeCounter() {
        return DbHeader.get4(page1.data, DbHeader.CHANGE_COUNTER);
    }

    private void setHeader4(int off, int v) throws SqliteException {
        markDirty(page1);
        DbHeader.put4(page1.data, off, v);
    }

    // ---- close ----

    /**
     * Closes the database: rolls back an open write transaction, checkpoints the log into the database file,
     * deletes the log, closes the file. Re-callable after {@link IoPending}.
     */
    public void close() throws IoPending, SqliteException {
        if (state == CLOSED) {
            return;
        }
        if (state != CLOSING_CHECKPOINT && state != CLOSING_DELETE) {
            if (state == READY) {
                rollback();
            }
            state = CLOSING_CHECKPOINT;
        }
        if (state == CLOSING_CHECKPOINT) {
            if (wal != null && walReady) {
                wal.checkpoint(file);
            }
            if (wal != null) {
                wal.close();
                if (walReady) {
                    closeDelete = vfs.delete(path + "-wal");
                }
            }
            state = CLOSING_DELETE;
        }
        if (closeDelete != null) {
            waitFor(closeDelete);
            closeDelete = null;
        }
        if (file != null) {
            file.close();
        }
        cache.clearUnpinned();
        state = CLOSED;
    }
}
