package dev.skerry.engine.vdbe;

import java.util.Arrays;

/**
 * A set of 64-bit integers (rowids) held by a register (SQLite's {@code rowset.c}), for the RowSetAdd,
 * RowSetRead and RowSetTest instructions.
 *
 * <p>Values arrive in <em>batches</em> (SQLite's sets, numbered by RowSetTest's P4), each batch holding no
 * duplicates. State: {@code merged[0..nMerged)} holds the values of the batches before the current one,
 * sorted ascending without duplicates; {@code pending[0..nPending)} holds the current batch's values in
 * arrival order. A test only searches {@code merged} (a value is never tested against its own batch); a
 * test of a new batch first sorts the pending values into {@code merged}. Reading ({@link #next}) sorts
 * everything once and then hands out the values in ascending order from {@code readPos}; values are not
 * added after the first read (SQLite's contract).
 */
final class RowSet {
    private long[] merged = new long[16];
    private int nMerged;
    private long[] pending = new long[16];
    private int nPending;
    private int batch;
    private int readPos = -1;

    /** RowSetAdd: adds {@code v} to the current batch. */
    void add(long v) {
        if (nPending == pending.length) {
            pending = Arrays.copyOf(pending, nPending * 2);
        }
        pending[nPending++] = v;
    }

    /**
     * RowSetTest: true when {@code v} is in a batch before {@code set}; else adds it to batch {@code set}
     * (unless {@code set} is -1, the last batch, whose values are never tested). Batch 0 is the first: its
     * values are not looked for.
     */
    boolean testAndAdd(long v, int set) {
        if (set != 0) {
            if (set != batch) {
                mergePending();
                batch = set;
            }
            if (Arrays.binarySearch(merged, 0, nMerged, v) >= 0) {
                return true;
            }
        }
        if (set >= 0) {
            add(v);
        }
        return false;
    }

    /** RowSetRead: moves to the smallest value not read yet ({@link #value}), or false when none is left. */
    boolean next() {
        if (readPos < 0) {
            mergePending();
            readPos = 0;
        }
        if (readPos >= nMerged) {
            return false;
        }
        readPos++;
        return true;
    }

    /** The value {@link #next} moved to. */
    long value() {
        return merged[readPos - 1];
    }

    /** Sorts the pending values into {@code merged}, dropping duplicates. */
    private void mergePending() {
        if (nPending == 0) {
            return;
        }
        Arrays.sort(pending, 0, nPending);
        long[] out = new long[Math.max(16, nMerged + nPending)];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < nMerged || j < nPending) {
            long v;
            if (j >= nPending || i < nMerged && merged[i] <= pending[j]) {
                v = merged[i++];
            } else {
                v = pending[j++];
            }
            if (n == 0 || out[n - 1] != v) {
                out[n++] = v;
            }
        }
        merged = out;
        nMerged = n;
        nPending = 0;
    }
}
