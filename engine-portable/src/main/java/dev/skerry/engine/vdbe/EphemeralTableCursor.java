package dev.skerry.engine.vdbe;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.value.Mem;

/**
 * An in-memory table keyed by rowid (OpenEphemeral without KeyInfo): materialised subqueries and views.
 * Rows are kept in two parallel arrays sorted by rowid; appending in rowid order (what NewRowid gives) is
 * O(1), an insert elsewhere moves the tail. No boxing.
 *
 * <p>Invariant: {@code rowids[0..size)} strictly increasing; {@code pos} in {@code [0, size]} (size means
 * past the end). After {@link #delete()} the cursor stays at the index that now holds the following row and
 * {@code afterDelete} makes the next {@code next()} stay there.
 */
final class EphemeralTableCursor extends RecordArrayCursor {
    private long[] rowids = new long[16];
    private byte[][] rows = new byte[16][];
    private int size;
    private int pos;
    private boolean afterDelete;

    @Override
    boolean isTable() {
        return true;
    }

    private boolean position(int p) {
        afterDelete = false;
        pos = p;
        nullRow = p < 0 || p >= size;
        return !nullRow;
    }

    @Override
    boolean first() {
        return position(0);
    }

    @Override
    boolean last() {
        return position(size - 1);
    }

    @Override
    boolean next() {
        if (afterDelete) {
            return position(pos);
        }
        return position(Math.min(pos + 1, size));
    }

    @Override
    boolean previous() {
        return position(pos - 1);
    }

    /** Index of the first rowid >= {@code r}. */
    private int lowerBound(long r) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (rowids[mid] < r) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    boolean seekRowid(long rowid) {
        int p = lowerBound(rowid);
        boolean found = p < size && rowids[p] == rowid;
        position(p);
        return found;
    }

    @Override
    boolean seek(int opcode, Mem[] key, int base, int n) throws SqliteException {
        Mem k = key[base];
        long r = k.longValue();
        int p;
        switch (opcode) {
            case Opcode.SEEK_GE:
                p = lowerBound(r);
                break;
            case Opcode.SEEK_GT:
                p = lowerBound(r);
                if (p < size && rowids[p] == r) {
                    p++;
                }
                break;
            case Opcode.SEEK_LE:
                p = lowerBound(r);
                if (!(p < size && rowids[p] == r)) {
                    p--;
                }
                break;
            default:
                p = lowerBound(r) - 1;
                break;
        }
        return position(p);
    }

    @Override
    void insert(long rowid, byte[] record) {
        int p = lowerBound(rowid);
        if (p < size && rowids[p] == rowid) {
            rows[p] = record;
        } else {
            if (size == rowids.length) {
                long[] nr = new long[size * 2];
                System.arraycopy(rowids, 0, nr, 0, size);
                rowids = nr;
                byte[][] nd = new byte[size * 2][];
                System.arraycopy(rows, 0, nd, 0, size);
                rows = nd;
            }
            System.arraycopy(rowids, p, rowids, p + 1, size - p);
            System.arraycopy(rows, p, rows, p + 1, size - p);
            rowids[p] = rowid;
            rows[p] = record;
            size++;
        }
        position(p);
    }

    @Override
    void delete() {
        if (nullRow) {
            return;
        }
        System.arraycopy(rowids, pos + 1, rowids, pos, size - pos - 1);
        System.arraycopy(rows, pos + 1, rows, pos, size - pos - 1);
        size--;
        rows[size] = null;
        nullRow = true;
        afterDelete = true;
    }

    @Override
    long maxRowid() {
        return size == 0 ? 0 : rowids[size - 1];
    }

    @Override
    long count() {
        return size;
    }

    @Override
    long rowid() {
        return rowids[pos];
    }

    @Override
    byte[] record() {
        return rows[pos];
    }

    /** Empties the table (OpenEphemeral on an open cursor). */
    void clear() {
        size = 0;
        rows = new byte[16][];
        rowids = new long[16];
        position(0);
    }
}
