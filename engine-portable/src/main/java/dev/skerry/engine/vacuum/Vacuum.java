package dev.skerry.engine.vacuum;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.btree.BTreeCursor;
import dev.skerry.engine.btree.KeyInfo;
import dev.skerry.engine.btree.PageImage;
import dev.skerry.engine.btree.TreeLoader;
import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.io.VfsFile;
import dev.skerry.engine.pager.DbHeader;
import dev.skerry.engine.pager.Pager;
import dev.skerry.engine.record.RecordReader;
import dev.skerry.engine.record.RecordWriter;
import dev.skerry.engine.value.Mem;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of VACUUM or VACUUM INTO on one database (main or attached): a re-callable state machine (the VM's Vacuum opcode
 * calls {@link #step} until it returns; every {@link IoPending} leaves the progress in the fields below).
 *
 * <p>Steps: TARGET (VACUUM INTO: open the file, refuse one that is not empty) → SCHEMA (read every
 * {@code sqlite_schema} row) → PLAN (allocate the new root pages and write the new {@code sqlite_schema} in
 * SQLite's order, see {@link SchemaOrder}) → COPY (each b-tree, entry by entry in key order, into its new root
 * with a {@link TreeLoader}) → HEADER (page 1's header fields) → INSTALL (VACUUM: the new pages replace the
 * database's in its open write transaction, which shrinks to the new size; the statement's Halt commits it
 * through the log, and the checkpoint shrinks the file) or WRITE, SYNC (VACUUM INTO: the pages written to the
 * file, synced, closed) → DONE.
 *
 * <p>Invariants: while COPY runs, {@code cursor} is on the entry of job {@code job} that comes next, and
 * {@code taken} says whether that entry is already in the new tree (so a re-run after the cursor's
 * {@code next()} threw does not add it twice); the new image ({@link PageImage}) is in memory and changed only
 * by code that cannot throw {@link IoPending}. The database is changed only in INSTALL, which does no I/O.
 */
public final class Vacuum {
    private enum Step { TARGET, TARGET_SIZE, SCHEMA, PLAN, COPY, HEADER, INSTALL, WRITE, SYNC, DONE }

    /** Pages per batch of writes to the VACUUM INTO file. */
    private static final int WRITE_BATCH = 64;
    private static final KeyInfo ANY_ORDER = KeyInfo.binary(0);

    private final Pager pager;
    /** The VFS the VACUUM INTO file is opened through. */
    private final Vfs targetVfs;
    private final VacuumPlan plan;
    /** The VACUUM INTO file, "" for a discarded copy (SQLite's temporary file), or null for VACUUM. */
    private final String into;
    private final int pageSize;
    private Step step;

    private VfsFile target;
    private Completion pending;
    private final List<Completion> writes = new ArrayList<>();
    private int nextWrite;

    private final List<SchemaRow> rows = new ArrayList<>();
    private BTreeCursor cursor;
    private boolean started;
    private boolean valid;
    private boolean taken;

    private PageImage image;
    private SchemaOrder order;
    private int job;
    private TreeLoader loader;
    private long nextRowid;

    /**
     * A VACUUM of {@code pager} (its write transaction open) when {@code into} is null, else a VACUUM INTO that
     * file of {@code targetVfs} (a read transaction open); {@code pageSize} is the page size asked for the new
     * file by {@code PRAGMA page_size} (0 or an invalid size: the database's own; plain VACUUM of a WAL
     * database keeps its page size, as SQLite).
     */
    public Vacuum(Pager pager, Vfs targetVfs, VacuumPlan plan, String into, int pageSize) {
        this.pager = pager;
        this.targetVfs = targetVfs;
        this.plan = plan;
        this.into = into;
        boolean valid = pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) == 0;
        this.pageSize = into != null && valid ? pageSize : pager.pageSize();
        this.step = into != null && !into.isEmpty() ? Step.TARGET : Step.SCHEMA;
    }

    /** Advances the run; returns when it is complete. Re-call after {@link IoPending}. */
    public void step() throws IoPending, SqliteException {
        while (true) {
            switch (step) {
                case TARGET:
                    target = targetVfs.open(into, Vfs.CREATE);
                    pending = target.size();
                    step = Step.TARGET_SIZE;
                    break;
                case TARGET_SIZE:
                    await(pending);
                    if (pending.isFailed()) {
                        throw new SqliteException(ResultCode.SQLITE_CANTOPEN, "unable to open database: " + into);
                    }
                    if (pending.result() > 0) {
                        throw SqliteException.error("output file already exists");
                    }
                    step = Step.SCHEMA;
                    break;
                case SCHEMA:
                    readSchema();
                    step = Step.PLAN;
                    break;
                case PLAN:
                    plan();
                    step = Step.COPY;
                    break;
                case COPY:
                    copy();
                    step = Step.HEADER;
                    break;
                case HEADER:
                    header();
                    step = into == null ? Step.INSTALL : into.isEmpty() ? Step.DONE : Step.WRITE;
                    break;
                case INSTALL:
                    install();
                    step = Step.DONE;
                    break;
                case WRITE:
                    write();
                    break;
                case SYNC:
                    await(pending);
                    failIfFailed(pending, ResultCode.SQLITE_IOERR_FSYNC);
                    target.close();
                    target = null;
                    step = Step.DONE;
                    break;
                default:
                    return;
            }
        }
    }

    /** Releases what an unfinished run holds (its cursor, the VACUUM INTO file); no I/O. */
    public void close() {
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
        if (target != null) {
            target.close();
            target = null;
        }
    }

    private static void await(Completion c) throws IoPending {
        if (!c.isDone()) {
            throw new IoPending(c);
        }
    }

    private static void failIfFailed(Completion c, int code) throws SqliteException {
        if (c.isFailed()) {
            throw new SqliteException(c.errorCode() != 0 ? c.errorCode() : code, null);
        }
    }

    // ---- SCHEMA ----

    private void readSchema() throws IoPending, SqliteException {
        if (cursor == null) {
            cursor = new BTreeCursor(pager, 1, null);
            started = false;
        }
        if (!started) {
            valid = cursor.first();
            started = true;
            taken = false;
        }
        while (valid) {
            if (!taken) {
                RecordReader r = cursor.record();
                Mem[] v = new Mem[5];
                for (int i = 0; i < 5; i++) {
                    v[i] = new Mem();
                    if (i < r.columnCount()) {
                        r.column(i, v[i]);
                    }
                }
                rows.add(new SchemaRow(v));
                taken = true;
            }
            valid = cursor.next();
            taken = false;
        }
        cursor.close();
        cursor = null;
    }

    // ---- PLAN ----

    private void plan() throws IoPending, SqliteException {
        byte[] h = pager.getPage(1).data();
        if (DbHeader.get4(h, DbHeader.AUTOVACUUM_ROOT) != 0) {
            throw new SqliteException(ResultCode.SQLITE_READONLY,
                    "attempt to write a readonly database (auto-vacuum databases are read-only in Skerry)");
        }
        image = new PageImage(pageSize, h[DbHeader.RESERVED] & 0xff);
        DbHeader.initialise(image.page(1), pageSize);
        order = new SchemaOrder(rows, plan, into == null);
        TreeLoader schema = new TreeLoader(image, 1, true);
        order.build(image, schema);
        schema.finish();
        job = 0;
    }

    // ---- COPY ----

    private void copy() throws IoPending, SqliteException {
        while (job < order.jobCount()) {
            int src = order.source(job);
            int dst = order.target(job);
            if (loader == null) {
                if (src == 0) {
                    new TreeLoader(image, dst, true).finish();
                    job++;
                    continue;
                }
                if (src < 2 || src > pager.pageCount()) {
                    throw SqliteException.corrupt("root page " + src + " out of range");
                }
                boolean table = TreeLoader.isTableRoot(pager.getPage(src).data(), src);
                cursor = new BTreeCursor(pager, src, table ? null : ANY_ORDER);
                loader = new TreeLoader(image, dst, table);
                started = false;
                nextRowid = 1;
            }
            if (!started) {
                valid = cursor.first();
                started = true;
                taken = false;
            }
            boolean table = loader.isTable();
            boolean renumber = order.renumbers(job);
            while (valid) {
                if (!taken) {
                    if (table) {
                        long rowid = renumber ? nextRowid : cursor.rowid();
                        loader.addRow(rowid, cursor.payload());
                        nextRowid++;
                    } else {
                        loader.addKey(cursor.payload());
                    }
                    taken = true;
                }
                valid = cursor.next();
                taken = false;
            }
            loader.finish();
            loader = null;
            cursor.close();
            cursor = null;
            job++;
        }
    }

    // ---- HEADER ----

    /**
     * Page 1's header as SQLite's VACUUM leaves it: the schema cookie one more than the database's, the
     * default cache size, text encoding, user version and application id copied, schema format 4 when the file
     * has a table (0 when it holds none), no freelist. A VACUUM INTO file is a rollback-journal file with
     * change counter 1, as SQLite writes it.
     */
    private void header() throws IoPending, SqliteException {
        byte[] src = pager.getPage(1).data();
        byte[] h = image.page(1);
        int n = image.pageCount();
        h[DbHeader.RESERVED] = src[DbHeader.RESERVED];
        DbHeader.put4(h, DbHeader.DB_SIZE, n);
        DbHeader.put4(h, DbHeader.FREELIST_TRUNK, 0);
        DbHeader.put4(h, DbHeader.FREELIST_COUNT, 0);
        DbHeader.put4(h, DbHeader.SCHEMA_COOKIE, DbHeader.get4(src, DbHeader.SCHEMA_COOKIE) + 1);
        DbHeader.put4(h, DbHeader.SCHEMA_FORMAT, order.hasTable() ? 4 : 0);
        int[] copied = {DbHeader.DEFAULT_CACHE_SIZE, DbHeader.TEXT_ENCODING, DbHeader.USER_VERSION, DbHeader.APPLICATION_ID};
        for (int off : copied) {
            DbHeader.put4(h, off, DbHeader.get4(src, off));
        }
        int counter = into == null ? DbHeader.get4(src, DbHeader.CHANGE_COUNTER) : 1;
        DbHeader.put4(h, DbHeader.CHANGE_COUNTER, counter);
        DbHeader.put4(h, DbHeader.VERSION_VALID_FOR, counter);
        byte version = (byte) (into == null ? 2 : 1);
        h[DbHeader.WRITE_VERSION] = version;
        h[DbHeader.READ_VERSION] = version;
    }

    // ---- INSTALL / WRITE ----

    /** The new pages replace the database's in its write transaction; no I/O. */
    private void install() throws SqliteException {
        int n = image.pageCount();
        for (int pgno = 1; pgno <= n; pgno++) {
            byte[] d = pager.rewritePage(pgno).data();
            System.arraycopy(image.page(pgno), 0, d, 0, d.length);
        }
        if (n < pager.pageCount()) {
            pager.truncate(n);
        }
        image = null;
    }

    private void write() throws IoPending, SqliteException {
        for (Completion c : writes) {
            await(c);
        }
        for (Completion c : writes) {
            failIfFailed(c, ResultCode.SQLITE_IOERR_WRITE);
        }
        writes.clear();
        int n = image.pageCount();
        if (nextWrite >= n) {
            pending = target.sync();
            step = Step.SYNC;
            return;
        }
        int end = Math.min(n, nextWrite + WRITE_BATCH);
        for (int i = nextWrite; i < end; i++) {
            writes.add(target.write((long) i * pageSize, image.page(i + 1), 0, pageSize));
        }
        nextWrite = end;
    }
}
