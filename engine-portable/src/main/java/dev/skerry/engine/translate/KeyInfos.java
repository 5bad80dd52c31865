package dev.skerry.engine.translate;

import dev.skerry.engine.btree.KeyInfo;
import dev.skerry.engine.schema.Index;
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

    static KeyInfo of(Collation[] collations, boolean[] desc) {
        return new KeyInfo(collations.length, collations, desc);
    }
}
