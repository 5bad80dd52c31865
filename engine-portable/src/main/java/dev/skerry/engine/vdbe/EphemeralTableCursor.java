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
 * {@code afterDelete} makes the next {@code next()} stay there. The arrays live in a {@link Storage} that
 * {@link #dup()} (OpenDup) shares: cursors on one table see the same rows, each with its own position.
 */
final class EphemeralTableCursor extends RecordArrayCursor {
    /** The rows of one ephemeral table, shared by the cursors open on it. */
    private static final class Storage {
        long[] rowids = new long[16];
        byte[][] rows = new byte[16][];
        int size;
    }

    private final Storage t;
    private int pos;
    private boolean afterDelete;

    EphemeralTableCursor() {
        this(new Storage());
    }

    private EphemeralTableCursor(Storage t) {
        this.t = t;
    }

    /** A new cursor on this cursor's table (OpenDup), not positioned on a row. */
    EphemeralTableCursor dup() {
        EphemeralTableCursor c = new EphemeralTableCursor(t);
        c.nullRow = true;
        return c;
    }

    @Override
    boolean isTable() {
        return true;
    }

    private boolean position(int p) {
        afterDelete = false;
        pos = p;
        nullRow = p < 0 || p >= t.size;
        return !nullRow;
    }

    @Override
    boolean first() {
        return position(0);
    }

    @Override
    boolean last() {
        return position(t.size - 1);
    }

    @Override
    boolean next() {
        if (afterDelete) {
            return position(pos);
        }
        return position(Math.min(pos + 1, t.size));
    }

    @Override
    boolean previous() {
        return position(pos - 1);
    }

    /** Index of the first rowid >= {@code r}. */
    private int lowerBound(long r) {
        int lo = 0;
        int hi = t.size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (t.rowids[mid] < r) {
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
        boolean found = p < t.size && t.rowids[p] == rowid;
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
                if (p < t.size && t.rowids[p] == r) {
                    p++;
                }
                break;
            case Opcode.SEEK_LE:
                p = lowerBound(r);
                if (!(p < t.size && t.rowids[p] == r)) {
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
        if (p < t.size && t.rowids[p] == rowid) {
            t.rows[p] = record;
        } else {
            if (t.size == t.rowids.length) {
                long[] nr = new long[t.size * 2];
                System.arraycopy(t.rowids, 0, nr, 0, t.size);
                t.rowids = nr;
                byte[][] nd = new byte[t.size * 2][];
                System.arraycopy(t.rows, 0, nd, 0, t.size);
                t.rows = nd;
            }
            System.arraycopy(t.rowids, p, t.rowids, p + 1, t.size - p);
            System.arraycopy(t.rows, p, t.rows, p + 1, t.size - p);
            t.rowids[p] = rowid;
            t.rows[p] = record;
            t.size++;
        }
        position(p);
    }

    @Override
    void delete() {
        if (nullRow) {
            return;
        }
        System.arraycopy(t.rowids, pos + 1, t.rowids, pos, t.size - pos - 1);
        System.arraycopy(t.rows, pos + 1, t.rows, pos, t.size - pos - 1);
        t.size--;
        t.rows[t.size] = null;
        nullRow = true;
        afterDelete = true;
    }

    @Override
    long maxRowid() {
        return t.size == 0 ? 0 : t.rowids[t.size - 1];
    }

    @Override
    long count() {
        return t.size;
    }

    @Override
    long rowid() {
        return t.rowids[pos];
    }

    @Override
    byte[] record() {
        return t.rows[pos];
    }

    /** Empties the table (OpenEphemeral on an open cursor). */
    void clear() {
        t.size = 0;
        t.rows = new byte[16][];
        t.rowids = new long[16];
        position(0);
    }
}
