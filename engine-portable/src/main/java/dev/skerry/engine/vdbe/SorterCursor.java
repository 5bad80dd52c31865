package dev.skerry.engine.vdbe;

import dev.skerry.engine.btree.KeyInfo;
import dev.skerry.engine.btree.RecordCompare;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.record.RecordReader;

/**
 * The sorter of ORDER BY and GROUP BY (SorterOpen): records are collected in memory by SorterInsert, sorted
 * once by SorterSort with a stable merge sort on their first {@code KeyInfo.nKeyFields()} fields (collations
 * and DESC from the KeyInfo), then read in order.
 *
 * <p>States: COLLECTING (inserts allowed) → SORTED (after {@link #sort()}; reads and SorterNext). Another
 * insert after sorting goes back to COLLECTING (SQLite does not do that; Skerry's programs do not need it).
 * Memory: the records plus one temporary array of references during the sort; comparisons allocate nothing.
 */
final class SorterCursor extends RecordArrayCursor {
    private final KeyInfo order;
    private final RecordReader recordReader = new RecordReader();
    private byte[][] records = new byte[16][];
    private int size;
    private int pos;

    SorterCursor(KeyInfo order) {
        this.order = order;
    }

    void insert(byte[] record) {
        if (size == records.length) {
            byte[][] n = new byte[size * 2][];
            System.arraycopy(records, 0, n, 0, size);
            records = n;
        }
        records[size++] = record;
    }

    /** Sorts the records and positions on the first; false when there are none. */
    boolean sort() throws SqliteException {
        if (size > 1) {
            byte[][] tmp = new byte[size][];
            mergeSort(records, tmp, 0, size);
        }
        return first();
    }

    private void mergeSort(byte[][] a, byte[][] tmp, int lo, int hi) throws SqliteException {
        int n = hi - lo;
        if (n <= 8) {
            for (int i = lo + 1; i < hi; i++) {
                byte[] x = a[i];
                int j = i - 1;
                while (j >= lo && cmp(a[j], x) > 0) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, tmp, lo, mid);
        mergeSort(a, tmp, mid, hi);
        if (cmp(a[mid - 1], a[mid]) <= 0) {
            return;
        }
        System.arraycopy(a, lo, tmp, lo, n);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
            if (j >= hi || (i < mid && cmp(tmp[i], tmp[j]) <= 0)) {
                a[k] = tmp[i++];
            } else {
                a[k] = tmp[j++];
            }
        }
    }

    private int cmp(byte[] x, byte[] y) throws SqliteException {
        return RecordCompare.compare(x, y, order.nKeyFields(), order, 0);
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
        pos = 0;
        nullRow = size == 0;
        return size > 0;
    }

    @Override
    boolean last() {
        pos = size - 1;
        nullRow = size == 0;
        return size > 0;
    }

    @Override
    boolean next() {
        if (pos + 1 < size) {
            pos++;
            return true;
        }
        pos = size;
        nullRow = true;
        return false;
    }

    @Override
    boolean previous() {
        if (pos > 0) {
            pos--;
            return true;
        }
        nullRow = true;
        return false;
    }

    @Override
    byte[] record() {
        return records[pos];
    }

    @Override
    long count() {
        return size;
    }

    @Override
    void close() {
        records = null;
        size = 0;
    }
}
