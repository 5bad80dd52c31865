package dev.skerry.engine.vdbe;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.io.IoPending;
import dev.skerry.engine.value.Mem;

/**
 * One entry of the VM's cursor table: something that iterates over rows or keys and yields columns.
 * Subclasses: {@link BTreeVdbeCursor} (a table or index b-tree of the database), {@link PseudoCursor} (one
 * record in a register), and the {@link RecordArrayCursor}s over records held in memory: {@link SorterCursor}
 * (ORDER BY / GROUP BY), {@link EphemeralTableCursor} and {@link EphemeralIndexCursor} (temporary tables).
 *
 * <p>States: UNPOSITIONED (just opened, or after a move found no entry) — reads as the null row;
 * POSITIONED on an entry; NULL_ROW (after {@code NullRow}) — every column and the rowid read as NULL until
 * the next move. Moves return false when they leave the cursor unpositioned. Every move and read that can
 * need I/O follows the engine's rule: when it throws {@link IoPending} the cursor is as it was before.
 *
 * <p>An operation a kind of cursor does not support is a bug in the program, reported as SQLITE_INTERNAL.
 */
abstract class VdbeCursor {
    /** True when reads give NULL: after NullRow, or while unpositioned. */
    boolean nullRow = true;
    /** The counter of the Sequence opcode. */
    long sequence;

    /** True for a table keyed by rowid (seeks take a rowid), false for indexes, sorters and pseudo-cursors. */
    boolean isTable() {
        return false;
    }

    abstract boolean first() throws IoPending, SqliteException;

    abstract boolean last() throws IoPending, SqliteException;

    abstract boolean next() throws IoPending, SqliteException;

    abstract boolean previous() throws IoPending, SqliteException;

    /** Reads column {@code i} of the current entry (past the record's end: NULL; the caller applies defaults). */
    abstract void column(int i, Mem out) throws IoPending, SqliteException;

    /** The number of fields of the current entry's record. */
    abstract int fieldCount() throws IoPending, SqliteException;

    /** The rowid of the current row (for an index: the last field of the key). */
    long rowid() throws IoPending, SqliteException {
        throw unsupported("rowid");
    }

    /** The current entry's record (a table row's data or an index key), as a fresh or shared byte array. */
    byte[] record() throws IoPending, SqliteException {
        throw unsupported("record");
    }

    /** Table cursors: positions on {@code rowid}; true when found (else positioned near it, or unpositioned). */
    boolean seekRowid(long rowid) throws IoPending, SqliteException {
        throw unsupported("seekRowid");
    }

    /**
     * Positions on the first entry >= (SeekGE), > (SeekGT), or the last entry <= (SeekLE), < (SeekLT) the key
     * {@code key[base .. base+n)} compared as a prefix (for tables, the key is the rowid in {@code key[base]}).
     * Returns false when there is no such entry.
     */
    boolean seek(int opcode, Mem[] key, int base, int n) throws IoPending, SqliteException {
        throw unsupported("seek");
    }

    /** Index cursors: compares the current entry's first {@code n} fields with the key (entry minus key). */
    int compareKey(Mem[] key, int base, int n) throws IoPending, SqliteException {
        throw unsupported("compareKey");
    }

    void insert(long rowid, byte[] record) throws IoPending, SqliteException {
        throw unsupported("insert");
    }

    void insertIndex(byte[] key) throws IoPending, SqliteException {
        throw unsupported("insertIndex");
    }

    /** Deletes the current entry; a following {@code next()} gives the entry that followed it. */
    void delete() throws IoPending, SqliteException {
        throw unsupported("delete");
    }

    /** Table cursors: the largest rowid, or 0 when empty. */
    long maxRowid() throws IoPending, SqliteException {
        throw unsupported("maxRowid");
    }

    /** The number of entries. */
    long count() throws IoPending, SqliteException {
        throw unsupported("count");
    }

    /** Releases what the cursor holds. No I/O. */
    void close() {
    }

    final SqliteException unsupported(String what) {
        return new SqliteException(ResultCode.SQLITE_INTERNAL, what + " is not supported by this cursor");
    }
}
