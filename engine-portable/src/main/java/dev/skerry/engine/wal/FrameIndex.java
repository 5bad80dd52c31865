package dev.skerry.engine.wal;

/**
 * Page number → newest frame holding it, for the committed part of the WAL: Skerry's replacement for the
 * hash tables of SQLite's wal-index ({@code -shm}), kept in memory only.
 *
 * <p>An open-addressing table of primitive ints with linear probing. Invariants: {@code keys[i] == 0} marks
 * an empty slot (page 0 does not exist); {@code size <= capacity / 2}; capacity is a power of two. Entries are
 * only added or overwritten (a WAL only grows until it is reset with {@link #clear}).
 */
final class FrameIndex {
    private int[] keys = new int[64];
    private int[] values = new int[64];
    private int size;

    /** The frame for {@code pgno}, or 0. */
    int get(int pgno) {
        int mask = keys.length - 1;
        for (int i = hash(pgno) & mask; ; i = (i + 1) & mask) {
            int k = keys[i];
            if (k == pgno) {
                return values[i];
            }
            if (k == 0) {
                return 0;
            }
        }
    }

    void put(int pgno, int frame) {
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int i = hash(pgno) & mask;
        while (keys[i] != 0 && keys[i] != pgno) {
            i = (i + 1) & mask;
        }
        if (keys[i] == 0) {
            keys[i] = pgno;
            size++;
        }
        values[i] = frame;
    }

    void clear() {
        java.util.Arrays.fill(keys, 0);
        size = 0;
    }

    int size() {
        return size;
    }

    /**
     * Writes every entry as {@code (long) pgno << 32 | frame} into {@code out} (at least {@link #size} long),
     * sorted by page number; returns the count.
     */
    int sortedEntries(long[] out) {
        int n = 0;
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                out[n++] = ((long) keys[i] << 32) | (values[i] & 0xffffffffL);
            }
        }
        java.util.Arrays.sort(out, 0, n);
        return n;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int hash(int pgno) {
        int h = pgno * 0x9E3779B1;
        return h ^ (h >>> 16);
    }
}
