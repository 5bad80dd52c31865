package dev.skerry.engine.translate;

import dev.skerry.engine.btree.KeyInfo;
import dev.skerry.engine.schema.Index;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.vdbe.WithoutRowid;
import dev.skerry.engine.value.Collation;

/** The KeyInfo P4 operands of index cursors, sorters and Compare (SQLite's {@code sqlite3KeyInfoOfIndex}). */
final class KeyInfos {
    private KeyInfos() {
    }

    /** An index's key: its columns' collations and orders (the trailing rowid is compared as BINARY ASC). */
    static KeyInfo of(Index index) {
        int n = index.columnCount();
        Collation[] coll = new Collation[n];
        boolean[] desc = new boolean[n];
        for (int k = 0; k < n; k++) {
            coll[k] = index.collation(k);
            desc[k] = index.desc(k);
        }
        return new KeyInfo(n, coll, desc);
    }

    /**
     * The P4 of an OpenRead/OpenWrite on {@code index}: its KeyInfo, or for an index of a WITHOUT ROWID table
     * a {@link WithoutRowid} whose key also orders the PRIMARY KEY columns the entries carry (with the PRIMARY
     * KEY's collations, ascending, as SQLite's secondary indexes do).
     */
    static Object cursor(Index index) {
        Table t = index.table();
        if (t == null || !t.withoutRowid()) {
            return of(index);
        }
        if (t.primaryKey() == index) {
            return WithoutRowid.table(of(index));
        }
        Index pk = t.primaryKey();
        int n = index.columnCount();
        int[] suffix = index.pkSuffix();
        Collation[] coll = new Collation[n + suffix.length];
        boolean[] desc = new boolean[coll.length];
        for (int k = 0; k < n; k++) {
            coll[k] = index.collation(k);
            desc[k] = index.desc(k);
        }
        for (int m = 0; m < suffix.length; m++) {
            coll[n + m] = pk.collation(suffix[m]);
        }
        int[] pkFields = new int[pk.columnCount()];
        for (int j = 0; j < pkFields.length; j++) {
            pkFields[j] = index.storedFieldOf(pk.column(j));
            for (int k = 0; k < n; k++) {
                if (index.column(k) == pk.column(j) && index.collation(k) == pk.collation(j)) {
                    pkFields[j] = k;
                    break;
                }
            }
        }
        return WithoutRowid.index(new KeyInfo(coll.length, coll, desc), n, pkFields, suffix);
    }

    /** The P4 of an OpenRead/OpenWrite on {@code table}: its column count, or a WITHOUT ROWID table's shape. */
    static Object table(Table table) {
        return table.withoutRowid() ? cursor(table.primaryKey()) : (Object) Integer.valueOf(table.columnCount());
    }

    static KeyInfo of(Collation[] collations, boolean[] desc) {
        return new KeyInfo(collations.length, collations, desc);
    }
}
