package dev.skerry.engine.vdbe;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.btree.KeyInfo;
import dev.skerry.engine.btree.RecordCompare;
import dev.skerry.engine.io.Completion;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.io.Vfs;
import dev.skerry.engine.io.VfsFile;
import dev.skerry.engine.record.RecordReader;

/**
 * The sorter of ORDER BY, GROUP BY and CREATE INDEX (SorterOpen; SQLite's {@code vdbesort.c}): records are
 * collected by SorterInsert, sorted by SorterSort on their first {@code KeyInfo.nKeyFields()} fields
 * (collations and DESC from the KeyInfo; equal keys keep their insertion order), then read in order.
 *
 * <p><b>External sort.</b> While the records held in memory exceed the connection's sort memory limit
 * ({@link ConnectionState#sortMemoryLimit}), they are sorted and written as one run to a temporary file of
 * the database's VFS ({@code <db>-sort<n>}, no journal); the writes are not waited for. SorterSort sorts what
 * is left in memory, waits for the writes, and opens a reader per run; reads then merge the runs with the
 * in-memory rest through a binary heap of run numbers (ties go to the earlier run, which keeps the sort
 * stable). The temporary file is deleted when the cursor closes.
 *
 * <p><b>States.</b> COLLECTING (inserts) → SORTED (after {@link #sort()} without spilling: the in-memory
 * array is read by position) or COLLECTING → MERGING (after spilling: {@code readers} and {@code heap}).
 * SorterSort and SorterNext follow the re-run rule: {@link #sort()} keeps its progress in {@code
 * tailSorted} and in each reader's {@code started}, and {@link #next()} moves the heap only after the
 * reader of the smallest run advanced, so a throw of {@link IoPending} leaves the position unchanged.
 * Memory: the in-memory records; while merging, one buffer per run (the limit shared among the runs, but
 * at least 512 bytes each, and grown for a record larger than that: there is no multi-level merge); one
 * array of references during a sort.
 */
final class SorterCursor extends RecordArrayCursor {
    private static final int COLLECTING = 0;
    private static final int SORTED = 1;
    private static final int MERGING = 2;
    private static final int RUN_BUFFER = 16 * 1024;
    private static final int MIN_RUN_BUFFER = 512;

    private final KeyInfo order;
    private final ConnectionState db;
    private final RecordReader recordReader = new RecordReader();
    private int state = COLLECTING;
    private SortBuffer mem;
    private int pos;
    private long count;

    private String tempPath;
    private VfsFile temp;
    private long tempSize;
    private long[] runStart = new long[8];
    private int nRuns;
    private Completion[] writes = new Completion[8];
    private int nWrites;
    private boolean tailSorted;
    private SortRunReader[] readers;
    /** A binary min-heap of source numbers: 0 .. nRuns-1 are file runs, nRuns is the in-memory rest. */
    private int[] heap;
    private int heapSize;
    private byte[] current;

    SorterCursor(KeyInfo order, ConnectionState db) {
        this.order = order;
        this.db = db;
        this.mem = new SortBuffer(order);
    }

    /** Adds a record; after an in-memory sort the sorter collects again (the next sort sorts all). */
    void insert(byte[] record) throws SqliteException {
        if (state == MERGING) {
            throw new SqliteException(dev.skerry.engine.ResultCode.SQLITE_INTERNAL, "SorterInsert after a merge began");
        }
        state = COLLECTING;
        mem.add(record);
        count++;
        if (mem.bytes > db.sortMemoryLimit && mem.size > 1) {
            spill();
        }
    }

    /** Sorts the in-memory records and starts writing them as a new run at the end of the temporary file. */
    private void spill() throws SqliteException {
        mem.sort();
        byte[] run = mem.serialize();
        if (temp == null) {
            tempPath = db.tempPath("sort");
            temp = db.pager.vfs().open(tempPath, Vfs.CREATE);
        }
        if (nRuns + 1 >= runStart.length) {
            runStart = java.util.Arrays.copyOf(runStart, runStart.length * 2);
        }
        runStart[nRuns] = tempSize;
        Completion w = temp.write(tempSize, run, 0, run.length);
        tempSize += run.length;
        nRuns++;
        runStart[nRuns] = tempSize;
        if (nWrites == writes.length) {
            writes = java.util.Arrays.copyOf(writes, nWrites * 2);
        }
        writes[nWrites++] = w;
        mem.clear();
    }

    /** Sorts the records and positions on the first; false when there are none. Re-callable after IoPending. */
    boolean sort() throws IoPending, SqliteException {
        if (nRuns == 0) {
            if (state == COLLECTING) {
                mem.sort();
                state = SORTED;
            }
            return first();
        }
        if (!tailSorted) {
            mem.sort();
            tailSorted = true;
        }
        IoPending wait = null;
        for (int k = 0; k < nWrites; k++) {
            Completion w = writes[k];
            if (!w.isDone()) {
                wait = wait == null ? new IoPending(w) : wait.add(w);
            } else if (w.isFailed()) {
                throw new SqliteException(w.errorCode(), w.errorMessage());
            }
        }
        if (wait != null) {
            throw wait;
        }
        if (readers == null) {
            readers = new SortRunReader[nRuns];
            int buffer = (int) Math.max(MIN_RUN_BUFFER, Math.min(RUN_BUFFER, db.sortMemoryLimit / nRuns));
            for (int k = 0; k < nRuns; k++) {
                readers[k] = new SortRunReader(temp, runStart[k], runStart[k + 1], buffer);
            }
        }
        for (int k = 0; k < nRuns; k++) {
            if (!readers[k].started) {
                readers[k].advance();
            }
        }
        heap = new int[nRuns + 1];
        heapSize = 0;
        pos = 0;
        for (int k = 0; k <= nRuns; k++) {
            if (head(k) != null) {
                heap[heapSize] = k;
                siftUp(heapSize++);
            }
        }
        state = MERGING;
        current = heapSize > 0 ? head(heap[0]) : null;
        nullRow = current == null;
        return current != null;
    }

    /** The record at the head of source {@code k}, or null when it is exhausted. */
    private byte[] head(int k) {
        if (k < nRuns) {
            return readers[k].current;
        }
        return pos < mem.size ? mem.records[pos] : null;
    }

    private boolean less(int x, int y) throws SqliteException {
        int c = RecordCompare.compare(head(x), head(y), order.nKeyFields(), order, 0);
        return c < 0 || (c == 0 && x < y);
    }

    private void siftUp(int i) throws SqliteException {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (!less(heap[i], heap[parent])) {
                return;
            }
            int t = heap[i];
            heap[i] = heap[parent];
            heap[parent] = t;
            i = parent;
        }
    }

    private void siftDown(int i) throws SqliteException {
        while (true) {
            int l = 2 * i + 1;
            if (l >= heapSize) {
                return;
            }
            int m = l + 1 < heapSize && less(heap[l + 1], heap[l]) ? l + 1 : l;
            if (!less(heap[m], heap[i])) {
                return;
            }
            int t = heap[i];
            heap[i] = heap[m];
            heap[m] = t;
            i = m;
        }
    }

    /**
     * SorterCompare: the current record's first {@code n} fields against those of {@code other}; -1 when one
     * of those fields of {@code other} is NULL (NULLs are distinct).
     */
    int compareCurrent(byte[] other, int n) throws SqliteException {
        recordReader.reset(other, 0, other.length);
        for (int i = 0; i < n; i++) {
            if (recordReader.serialType(i) == 0) {
                return -1;
            }
        }
        return RecordCompare.compare(record(), other, n, order, 0);
    }

    @Override
    boolean first() {
        if (state == MERGING) {
            return current != null;
        }
        pos = 0;
        nullRow = mem.size == 0;
        return mem.size > 0;
    }

    @Override
    boolean last() throws SqliteException {
        if (state == MERGING) {
            throw unsupported("last on a sorter that spilled to disk");
        }
        pos = mem.size - 1;
        nullRow = mem.size == 0;
        return mem.size > 0;
    }

    @Override
    boolean next() throws IoPending, SqliteException {
        if (state == MERGING) {
            return nextMerged();
        }
        if (pos + 1 < mem.size) {
            pos++;
            return true;
        }
        pos = mem.size;
        nullRow = true;
        return false;
    }

    private boolean nextMerged() throws IoPending, SqliteException {
        if (heapSize == 0) {
            nullRow = true;
            return false;
        }
        int top = heap[0];
        if (top < nRuns) {
            readers[top].advance();
        } else {
            pos++;
        }
        if (head(top) == null) {
            heap[0] = heap[--heapSize];
        }
        if (heapSize > 0) {
            siftDown(0);
        }
        current = heapSize > 0 ? head(heap[0]) : null;
        nullRow = current == null;
        return current != null;
    }

    @Override
    boolean previous() throws SqliteException {
        if (state == MERGING) {
            throw unsupported("previous on a sorter that spilled to disk");
        }
        if (pos > 0) {
            pos--;
            return true;
        }
        nullRow = true;
        return false;
    }

    @Override
    byte[] record() {
        return state == MERGING ? current : mem.records[pos];
    }

    @Override
    long count() {
        return count;
    }

    /** Drops the records; closes and deletes the temporary file (the delete is not waited for). */
    @Override
    void close() {
        mem.clear();
        readers = null;
        heap = null;
        current = null;
        if (temp != null) {
            temp.close();
            db.pager.vfs().delete(tempPath);
            temp = null;
        }
    }
}
