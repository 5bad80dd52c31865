package dev.skerry.engine.vdbe;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.btree.BTreeCursor;
import dev.skerry.engine.btree.KeyInfo;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.value.Mem;

/**
 * A cursor on a table or index b-tree of the database (OpenRead, OpenWrite), over the storage layer's
 * {@link BTreeCursor}. Seeks with SQLite's four directions are built from the b-tree's "first entry >=" and
 * "first entry >" seeks plus at most one step back; a seek that throws IoPending part-way is simply re-run
 * from the start by the re-executed instruction.
 *
 * <p>A closed cursor may be reopened on the same b-tree ({@link #reopen()}): a statement run again after
 * reset reuses its cursors instead of allocating new ones.
 *
 * <p>State beyond the b-tree cursor's: {@code nullRow} (see {@link VdbeCursor}) and the progress of a
 * Count that spans I/O ({@code counting}, {@code counted}: entries counted up to the b-tree cursor's
 * current entry).
 */
final class BTreeVdbeCursor extends VdbeCursor {
    private final BTreeCursor bt;
    private final KeyInfo keyInfo;
    /** The database (0 main, 1 temp) and the root page of the b-tree. */
    final int iDb;
    final int root;
    private boolean counting;
    private long counted;

    BTreeVdbeCursor(BTreeCursor bt, int iDb, int root, KeyInfo keyInfo) {
        this.bt = bt;
        this.iDb = iDb;
        this.root = root;
        this.keyInfo = keyInfo;
    }

    /** True when this (closed) cursor can serve a new OpenRead/OpenWrite of {@code root} of {@code iDb} with {@code keyInfo}. */
    boolean reusableFor(int iDb, int root, KeyInfo keyInfo) {
        return this.iDb == iDb && this.root == root && this.keyInfo == keyInfo;
    }

    /** Back to the state of a new cursor on the same b-tree (after {@link #close()}). */
    void reopen() {
        nullRow = true;
        sequence = 0;
        counting = false;
        counted = 0;
    }

    @Override
    boolean isTable() {
        return keyInfo == null;
    }

    private boolean landed(boolean ok) {
        nullRow = !ok;
        return ok;
    }

    @Override
    boolean first() throws IoPending, SqliteException {
        return landed(bt.first());
    }

    @Override
    boolean last() throws IoPending, SqliteException {
        return landed(bt.last());
    }

    @Override
    boolean next() throws IoPending, SqliteException {
        return landed(bt.next());
    }

    @Override
    boolean previous() throws IoPending, SqliteException {
        return landed(bt.previous());
    }

    @Override
    void column(int i, Mem out) throws IoPending, SqliteException {
        bt.column(i, out);
    }

    @Override
    int fieldCount() throws IoPending, SqliteException {
        return bt.columnCount();
    }

    @Override
    long rowid() throws IoPending, SqliteException {
        return bt.rowid();
    }

    @Override
    byte[] record() throws IoPending, SqliteException {
        return bt.payload();
    }

    @Override
    boolean seekRowid(long rowid) throws IoPending, SqliteException {
        int res = bt.seekRowid(rowid);
        boolean found = res == 0 && bt.isValid();
        nullRow = !bt.isValid();
        return found;
    }

    @Override
    boolean seek(int opcode, Mem[] key, int base, int n) throws IoPending, SqliteException {
        return landed(keyInfo == null ? seekTable(opcode, key[base].longValue()) : seekIndex(opcode, key, base, n));
    }

    private boolean seekTable(int opcode, long rowid) throws IoPending, SqliteException {
        int res = bt.seekRowid(rowid);
        if (!bt.isValid()) {
            return false;
        }
        switch (opcode) {
            case Opcode.SEEK_GE:
                return res >= 0 || bt.next();
            case Opcode.SEEK_GT:
                return res > 0 || bt.next();
            case Opcode.SEEK_LE:
                return res <= 0 || bt.previous();
            default:
                return res < 0 || bt.previous();
        }
    }

    /**
     * The b-tree's seeks land on the first entry >= the key ({@code seekIndex}: res 0 or +1) or > the key
     * ({@code seekIndexAfter}: res +1), or on the last entry when there is none (res -1).
     */
    private boolean seekIndex(int opcode, Mem[] key, int base, int n) throws IoPending, SqliteException {
        int res;
        switch (opcode) {
            case Opcode.SEEK_GE:
                res = bt.seekIndex(key, n, base);
                return bt.isValid() && res >= 0;
            case Opcode.SEEK_LT:
                res = bt.seekIndex(key, n, base);
                return bt.isValid() && (res < 0 || bt.previous());
            case Opcode.SEEK_GT:
                res = bt.seekIndexAfter(key, n, base);
                return bt.isValid() && res > 0;
            default:
                res = bt.seekIndexAfter(key, n, base);
                return bt.isValid() && (res < 0 || bt.previous());
        }
    }

    @Override
    int compareKey(Mem[] key, int base, int n) throws IoPending, SqliteException {
        return bt.compareCurrent(key, base, n);
    }

    @Override
    void insert(long rowid, byte[] record) throws IoPending, SqliteException {
        bt.insert(rowid, record);
        nullRow = false;
    }

    @Override
    void insertIndex(byte[] key) throws IoPending, SqliteException {
        bt.insertIndex(key);
    }

    @Override
    void delete() throws IoPending, SqliteException {
        bt.delete();
    }

    @Override
    long maxRowid() throws IoPending, SqliteException {
        return bt.last() ? bt.rowid() : 0;
    }

    @Override
    long count() throws IoPending, SqliteException {
        if (!counting) {
            if (!bt.first()) {
                return 0;
            }
            counting = true;
            counted = 1;
        }
        while (bt.next()) {
            counted++;
        }
        counting = false;
        nullRow = true;
        return counted;
    }

    @Override
    void close() {
        bt.close();
    }
}
