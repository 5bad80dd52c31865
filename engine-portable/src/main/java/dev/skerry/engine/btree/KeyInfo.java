package dev.skerry.engine.btree;

import dev.skerry.engine.value.Collation;

/**
 * How the entries of an index b-tree order: the number of key fields (the rowid that follows them in each
 * entry is not counted), and per key field a collation and whether it sorts descending. Fields beyond
 * {@code nKeyFields} (the rowid) compare with BINARY ascending. Immutable.
 */
public final class KeyInfo {
    private final int nKeyFields;
    private final Collation[] coll;
    private final boolean[] desc;

    public KeyInfo(int nKeyFields, Collation[] coll, boolean[] desc) {
        this.nKeyFields = nKeyFields;
        this.coll = coll;
        this.desc = desc;
    }

    /** All fields BINARY ascending. */
    public static KeyInfo binary(int nKeyFields) {
        return new KeyInfo(nKeyFields, null, null);
    }

    public int nKeyFields() {
        return nKeyFields;
    }

    public Collation collation(int i) {
        return coll == null || i >= coll.length || coll[i] == null ? Collation.BINARY : coll[i];
    }

    public boolean descending(int i) {
        return desc != null && i < desc.length && desc[i];
    }
}
