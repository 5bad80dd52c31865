package dev.skerry.engine.pager;

import dev.skerry.engine.io.Completion;

/**
 * One page of the database in memory: its number, its bytes, and its cache bookkeeping.
 *
 * <p>States: LOADING ({@code loading} is a pending completion filling {@code data}) → CLEAN (bytes equal
 * the latest committed image) → DIRTY (changed in the open write transaction; listed in the pager's dirty
 * set) → CLEAN again at commit. Invariants: a DIRTY or pinned page is never evicted; {@code data} is
 * exactly the page size long; only the b-tree layer writes {@code data}, and only after
 * {@link Pager#markDirty}.
 */
public final class Page {
    final int pgno;
    final byte[] data;
    boolean dirty;
    int pins;
    Completion loading;
    /** Clock bit for eviction: set on use, cleared as the clock hand passes. */
    boolean referenced;
    /** The id of the savepoint that holds this page's image from before its first change in it; 0 none. */
    int savepointId;

    Page(int pgno, int pageSize) {
        this.pgno = pgno;
        this.data = new byte[pageSize];
    }

    public int pgno() {
        return pgno;
    }

    public byte[] data() {
        return data;
    }

    public boolean isDirty() {
        return dirty;
    }

    /** Keeps the page resident until a matching {@link #unpin()}. */
    public void pin() {
        pins++;
    }

    public void unpin() {
        if (pins <= 0) {
            throw new IllegalStateException("unpin of unpinned page " + pgno);
        }
        pins--;
    }

    public boolean isPinned() {
        return pins > 0;
    }
}
