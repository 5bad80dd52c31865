package dev.skerry.engine.pager;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.io.VfsFile;

/**
 * The commit of a write transaction as a re-callable state machine: IDLE → WRITING (every dirty page within
 * the database size written to its place in the database file) → SYNCING (the file forced) → IDLE. Each
 * {@link #step} waits for the completions of the current state, then issues the next state's operations;
 * progress lives only in fields, so re-calling after {@link IoPending} is safe.
 *
 * <p>This writes pages in place without a journal: a crash in WRITING can leave a torn database. It is the
 * stage before the WAL ({@code wal} package) takes over the commit path.
 */
final class CommitWriter {
    private static final int IDLE = 0;
    private static final int WRITING = 1;
    private static final int SYNCING = 2;

    private int state = IDLE;
    private Pager pager;
    private Page[] pages;
    private int nPages;
    private int dbSize;
    private Completion[] pending = new Completion[16];
    private int nPending;

    boolean started() {
        return state != IDLE;
    }

    void start(Pager pager, Page[] pages, int nPages, int dbSize) {
        this.pager = pager;
        this.pages = pages;
        this.nPages = nPages;
        this.dbSize = dbSize;
        VfsFile f = pager.file();
        nPending = 0;
        int ps = pager.pageSize();
        for (int k = 0; k < nPages; k++) {
            Page p = pages[k];
            if (p.pgno <= dbSize) {
                addPending(f.write((long) (p.pgno - 1) * ps, p.data, 0, ps));
            }
        }
        state = WRITING;
    }

    private void addPending(Completion c) {
        if (nPending == pending.length) {
            pending = java.util.Arrays.copyOf(pending, nPending * 2);
        }
        pending[nPending++] = c;
    }

    /** Advances; returns when the commit is durable. */
    void step() throws IoPending, SqliteException {
        while (true) {
            IoPending wait = null;
            for (int k = 0; k < nPending; k++) {
                if (!pending[k].isDone()) {
                    wait = wait == null ? new IoPending() : wait;
                    wait.add(pending[k]);
                }
            }
            if (wait != null) {
                throw wait;
            }
            for (int k = 0; k < nPending; k++) {
                if (pending[k].isFailed()) {
                    int code = pending[k].errorCode();
                    reset();
                    throw new SqliteException(code == 0 ? ResultCode.SQLITE_IOERR : code, "disk I/O error");
                }
            }
            switch (state) {
                case WRITING:
                    nPending = 0;
                    addPending(pager.file().sync());
                    state = SYNCING;
                    break;
                case SYNCING:
                    reset();
                    return;
                default:
                    throw new IllegalStateException("commit step while idle");
            }
        }
    }

    void reset() {
        java.util.Arrays.fill(pending, 0, nPending, null);
        nPending = 0;
        pages = null;
        pager = null;
        state = IDLE;
    }
}
