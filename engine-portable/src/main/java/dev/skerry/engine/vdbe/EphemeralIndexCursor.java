package dev.skerry.engine.vdbe;

import dev.skerry.engine.btree.KeyInfo;
import dev.skerry.engine.btree.RecordCompare;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.record.RecordWriter;
import dev.skerry.engine.value.Mem;
import java.util.Comparator;
import java.util.TreeSet;

/**
 * An in-memory index (OpenEphemeral with a KeyInfo): DISTINCT, IN lists, UNION/EXCEPT/INTERSECT. Records
 * are kept in a balanced tree ordered by {@link RecordCompare} over all their fields (the KeyInfo's
 * collations and DESC flags for its fields, BINARY ascending beyond); equal records are kept once.
 *
 * <p>Seeks by an unpacked key encode it once as a record (the probe) and search with a comparator whose
 * prefix bias ({@code probeBias}, SQLite's {@code default_rc}) places the probe before or after the entries
 * it prefixes. Invariant: {@code probeBias} is 0 except during one tree search.
 */
final class EphemeralIndexCursor extends RecordArrayCursor {
    private final KeyInfo order;
    private int probeBias;
    private final TreeSet<byte[]> tree;
    private byte[] current;
    /** After delete: the entry that followed, which the next {@code next()} returns. */
    private byte[] following;
    private boolean afterDelete;
    private final Mem cell = new Mem();

    EphemeralIndexCursor(KeyInfo order) {
        this.order = order;
        Comparator<byte[]> cmp = (a, b) -> {
            try {
                return RecordCompare.compare(a, b, Integer.MAX_VALUE, order, probeBias == 0 ? -1 : probeBias);
            } catch (SqliteException e) {
                throw new IllegalStateException("ephemeral record corrupt", e);
            }
        };
        this.tree = new TreeSet<>(cmp);
    }

    private boolean position(byte[] r) {
        afterDelete = false;
        current = r;
        nullRow = r == null;
        return r != null;
    }

    @Override
    boolean first() {
        return position(tree.isEmpty() ? null : tree.first());
    }

    @Override
    boolean last() {
        return position(tree.isEmpty() ? null : tree.last());
    }

    @Override
    boolean next() {
        if (afterDelete) {
            return position(following);
        }
        return position(current == null ? null : tree.higher(current));
    }

    @Override
    boolean previous() {
        if (afterDelete) {
            return position(following == null ? (tree.isEmpty() ? null : tree.last()) : tree.lower(following));
        }
        return position(current == null ? null : tree.lower(current));
    }

    @Override
    boolean seek(int opcode, Mem[] key, int base, int n) {
        byte[] probe = RecordWriter.encode(key, base, n);
        byte[] r;
        switch (opcode) {
            case Opcode.SEEK_GE:
                probeBias = -1;
                r = tree.ceiling(probe);
                break;
            case Opcode.SEEK_GT:
                probeBias = 1;
                r = tree.higher(probe);
                break;
            case Opcode.SEEK_LE:
                probeBias = 1;
                r = tree.floor(probe);
                break;
            default:
                probeBias = -1;
                r = tree.lower(probe);
                break;
        }
        probeBias = 0;
        return position(r);
    }

    /** Found/NotFound/NoConflict: positions on the first entry whose prefix equals the key; true if one exists. */
    boolean seekPrefix(byte[] probe, int n) throws SqliteException {
        probeBias = -1;
        byte[] r = tree.ceiling(probe);
        probeBias = 0;
        if (r != null && RecordCompare.compare(r, probe, n, order, 0) == 0) {
            position(r);
            return true;
        }
        position(null);
        return false;
    }

    @Override
    int compareKey(Mem[] key, int base, int n) throws SqliteException {
        return RecordCompare.compareWithKey(current, key, base, n, order);
    }

    @Override
    void insertIndex(byte[] key) {
        tree.add(key);
        position(null);
    }

    @Override
    void delete() {
        if (current == null) {
            return;
        }
        following = tree.higher(current);
        tree.remove(current);
        current = null;
        nullRow = true;
        afterDelete = true;
    }

    @Override
    long count() {
        return tree.size();
    }

    @Override
    long rowid() throws SqliteException {
        reader().column(reader().columnCount() - 1, cell);
        return cell.longValue();
    }

    @Override
    byte[] record() {
        return current;
    }

    void clear() {
        tree.clear();
        position(null);
    }
}
