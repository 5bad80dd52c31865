package dev.skerry.engine.vdbe;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.btree.KeyInfo;
import dev.skerry.engine.btree.RecordCompare;
import dev.skerry.engine.record.Varint;

/**
 * The records a sorter holds in memory, and their stable in-memory sort (SQLite's in-memory list of
 * {@code vdbesort.c}). Sorting works on an index permutation with the first key field pre-decoded when it
 * is an integer (or NULL), so most comparisons of integer-keyed records are one {@code long} comparison;
 * the rest compare the records' bytes with {@link RecordCompare}. Equal keys keep their insertion order.
 *
 * <p>State: {@code records[0 .. size)} in insertion order until {@link #sort()}, in key order after it;
 * {@code bytes} estimates the memory they take (their lengths plus a fixed overhead per record).
 */
final class SortBuffer {
    /** Bytes counted per record beyond its own length (array header and reference). */
    static final int OVERHEAD = 24;
    private static final byte KIND_NULL = 0;
    private static final byte KIND_INT = 1;
    private static final byte KIND_OTHER = 2;

    private final KeyInfo order;
    byte[][] records = new byte[16][];
    int size;
    long bytes;
    private long[] key;
    private byte[] kind;

    SortBuffer(KeyInfo order) {
        this.order = order;
    }

    void add(byte[] record) {
        if (size == records.length) {
            byte[][] n = new byte[size * 2][];
            System.arraycopy(records, 0, n, 0, size);
            records = n;
        }
        records[size++] = record;
        bytes += record.length + OVERHEAD;
    }

    void clear() {
        records = new byte[16][];
        size = 0;
        bytes = 0;
    }

    /** Sorts {@code records[0 .. size)} by the sorter's key, stably. */
    void sort() throws SqliteException {
        int n = size;
        if (n < 2) {
            return;
        }
        key = new long[n];
        kind = new byte[n];
        for (int i = 0; i < n; i++) {
            prefix(i, records[i]);
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        mergeSort(idx, new int[n], 0, n);
        byte[][] sorted = new byte[records.length][];
        for (int i = 0; i < n; i++) {
            sorted[i] = records[idx[i]];
        }
        records = sorted;
        key = null;
        kind = null;
    }

    /** Decodes the first field of record {@code i} into {@code key}/{@code kind} when it is an integer or NULL. */
    private void prefix(int i, byte[] r) {
        kind[i] = KIND_OTHER;
        if (r.length < 2 || r[0] < 0) {
            return;
        }
        int hs = r[0];
        if (hs < 2 || hs > r.length || r[1] < 0) {
            return;
        }
        int t = r[1];
        int p = hs;
        long v;
        switch (t) {
            case 0: kind[i] = KIND_NULL; return;
            case 8: v = 0; break;
            case 9: v = 1; break;
            case 1: case 2: case 3: case 4: case 5: case 6: {
                int len = t == 5 ? 6 : (t == 6 ? 8 : t);
                if (p + len > r.length) {
                    return;
                }
                v = r[p];
                for (int k = 1; k < len; k++) {
                    v = (v << 8) | (r[p + k] & 0xff);
                }
                break;
            }
            default: return;
        }
        kind[i] = KIND_INT;
        key[i] = v;
    }

    private int cmp(int i, int j) throws SqliteException {
        int nKey = order.nKeyFields();
        if (nKey == 0) {
            return 0; // no key fields (a window without PARTITION BY or ORDER BY): insertion order
        }
        byte ki = kind[i];
        if (ki != KIND_OTHER && ki == kind[j]) {
            int c = ki == KIND_INT ? Long.compare(key[i], key[j]) : 0;
            if (c != 0) {
                return order.descending(0) ? -c : c;
            }
            if (nKey == 1) {
                return 0;
            }
        }
        return RecordCompare.compare(records[i], records[j], nKey, order, 0);
    }

    private void mergeSort(int[] a, int[] tmp, int lo, int hi) throws SqliteException {
        int n = hi - lo;
        if (n <= 8) {
            for (int i = lo + 1; i < hi; i++) {
                int x = a[i];
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

    /** The sorted records as one run: each as its length (a varint) followed by its bytes. */
    byte[] serialize() {
        long total = 0;
        for (int i = 0; i < size; i++) {
            total += Varint.size(records[i].length) + records[i].length;
        }
        byte[] out = new byte[(int) total];
        int p = 0;
        for (int i = 0; i < size; i++) {
            byte[] r = records[i];
            p += Varint.write(out, p, r.length);
            System.arraycopy(r, 0, out, p, r.length);
            p += r.length;
        }
        return out;
    }
}
