package dev.skerry.engine.vdbe;

import dev.skerry.engine.btree.KeyInfo;

/**
 * The P4 operand of an OpenRead/OpenWrite on a b-tree of a WITHOUT ROWID table: the table's own b-tree (an
 * index b-tree whose entries are the rows, PRIMARY KEY columns first) or one of its indexes (entries: the key
 * fields, then the PRIMARY KEY columns the key does not already hold). Such a cursor is a
 * {@link WithoutRowidCursor}.
 *
 * <p>Programs treat a WITHOUT ROWID row as if it had a rowid: the "rowid" of a row is the record of its
 * PRIMARY KEY values in key order (a BLOB), which {@code Rowid}/{@code IdxRowid} give and
 * {@code NotExists}/{@code SeekRowid}/{@code DeferredSeek} seek. An index entry is given to
 * {@code IdxInsert}/{@code IdxDelete} as its key fields followed by that BLOB, and the cursor stores the
 * PRIMARY KEY values in its place. Immutable.
 */
public final class WithoutRowid {
    final KeyInfo keyInfo;
    /** The entry fields holding the PRIMARY KEY columns, in key order. */
    final int[] pkFields;
    /** For an index: the number of key fields before the PRIMARY KEY BLOB in the entries programs give; -1 for the table. */
    final int keyFields;
    /** For an index: the PRIMARY KEY values (their numbers in the key) stored after the key fields. */
    final int[] suffix;

    private WithoutRowid(KeyInfo keyInfo, int[] pkFields, int keyFields, int[] suffix) {
        this.keyInfo = keyInfo;
        this.pkFields = pkFields;
        this.keyFields = keyFields;
        this.suffix = suffix;
    }

    /** The table's b-tree: {@code keyInfo} orders the PRIMARY KEY, its first {@code keyInfo.nKeyFields()} fields. */
    public static WithoutRowid table(KeyInfo keyInfo) {
        int[] pk = new int[keyInfo.nKeyFields()];
        for (int j = 0; j < pk.length; j++) {
            pk[j] = j;
        }
        return new WithoutRowid(keyInfo, pk, -1, null);
    }

    /**
     * An index with {@code keyFields} key fields followed by the PRIMARY KEY values {@code suffix} (numbers in
     * the PRIMARY KEY); {@code pkFields[j]} is the entry field holding PRIMARY KEY value j.
     */
    public static WithoutRowid index(KeyInfo keyInfo, int keyFields, int[] pkFields, int[] suffix) {
        return new WithoutRowid(keyInfo, pkFields, keyFields, suffix);
    }

    /** The order of the b-tree's entries. */
    public KeyInfo keyInfo() {
        return keyInfo;
    }

    boolean isTable() {
        return keyFields < 0;
    }
}
