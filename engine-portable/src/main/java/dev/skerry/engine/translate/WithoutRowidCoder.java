package dev.skerry.engine.translate;

import dev.skerry.engine.schema.Index;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.vdbe.Opcode;

/**
 * Code for WITHOUT ROWID tables (SQLite's {@code WITHOUT ROWID} b-trees, see {@link dev.skerry.engine.vdbe.WithoutRowid}):
 * where a rowid table's program holds a rowid, a WITHOUT ROWID table's holds the record of the row's PRIMARY
 * KEY values, made here from the row's registers.
 */
final class WithoutRowidCoder {
    private WithoutRowidCoder() {
    }

    /** Sets {@code target} to the PRIMARY KEY record of the row in registers {@code newRegs} (column i at newRegs + i). */
    static void pkRecord(Parse p, Table table, int newRegs, int target) {
        Index pk = table.primaryKey();
        int n = pk.columnCount();
        int base = p.regs(n);
        for (int j = 0; j < n; j++) {
            p.v.addOp(Opcode.SCOPY, newRegs + pk.column(j), base + j);
        }
        p.v.addOp(Opcode.MAKE_RECORD, base, n, target);
    }

    /** The indexes the planner may use on {@code table}: its indexes, and a WITHOUT ROWID table's PRIMARY KEY. */
    static java.util.List<Index> plannable(Table table) {
        if (!table.withoutRowid()) {
            return table.indexes();
        }
        java.util.List<Index> all = new java.util.ArrayList<>(table.indexes());
        all.add(table.primaryKey());
        return all;
    }

    /** Adds index {@code ix} of the WITHOUT ROWID table {@code t} to an integrity check's plan. */
    static void checkIndex(dev.skerry.engine.vdbe.IntegrityCheck.TablePlan tp, Table t, Index ix, int[] columns,
            boolean[] notNull) {
        int[] pkSuffix = ix.pkSuffix();
        int[] suffix = new int[pkSuffix.length];
        for (int m = 0; m < suffix.length; m++) {
            suffix[m] = t.storageField(t.primaryKey().column(pkSuffix[m]));
        }
        dev.skerry.engine.vdbe.WithoutRowid shape = (dev.skerry.engine.vdbe.WithoutRowid) KeyInfos.cursor(ix);
        tp.index(ix.name(), ix.rootPage(), columns, suffix, shape.keyInfo(), ix.unique(), notNull);
    }

    /**
     * The indexes of {@code table} in SQLite's order ({@code Table.pIndex}), a WITHOUT ROWID table's PRIMARY
     * KEY at its place among them.
     */
    static java.util.List<Index> inIndexOrder(Table table) {
        if (!table.withoutRowid()) {
            return table.indexes();
        }
        java.util.List<Index> all = new java.util.ArrayList<>(table.indexes());
        all.add(all.size() - table.pkTrailing(), table.primaryKey());
        return all;
    }

    /** The PRIMARY KEY named {@code name} of a WITHOUT ROWID table of {@code schema} (it has no schema row), or null. */
    static Index findPrimaryKey(dev.skerry.engine.schema.Schema schema, String name) {
        for (Table t : schema.tables()) {
            if (t.withoutRowid() && dev.skerry.engine.schema.Names.equal(t.primaryKey().name(), name)) {
                return t.primaryKey();
            }
        }
        return null;
    }

    /**
     * The KeyInfo of the ephemeral index UPDATE and DELETE collect the rows to change in: the rowid alone,
     * or for a WITHOUT ROWID table its PRIMARY KEY values (ordered as the PRIMARY KEY, so rows are changed
     * in SQLite's order) then the PRIMARY KEY record.
     */
    static dev.skerry.engine.btree.KeyInfo rowidSetKey(Table table) {
        if (!table.withoutRowid()) {
            return dev.skerry.engine.btree.KeyInfo.binary(1);
        }
        Index pk = table.primaryKey();
        int n = pk.columnCount();
        dev.skerry.engine.value.Collation[] coll = new dev.skerry.engine.value.Collation[n + 1];
        boolean[] desc = new boolean[n + 1];
        for (int j = 0; j < n; j++) {
            coll[j] = pk.collation(j);
            desc[j] = pk.desc(j);
        }
        return new dev.skerry.engine.btree.KeyInfo(n + 1, coll, desc);
    }

    /** The field of {@link #rowidSetKey}'s entries holding the rowid (or PRIMARY KEY record). */
    static int rowidField(Table table) {
        return table.withoutRowid() ? table.primaryKey().columnCount() : 0;
    }

    /** Loads a WITHOUT ROWID row's PRIMARY KEY values from {@code src} into {@code target} onward (nothing for a rowid table). */
    static void loadKey(Parse p, Source src, int target) throws dev.skerry.engine.SqliteException {
        if (!src.table.withoutRowid()) {
            return;
        }
        Index pk = src.table.primaryKey();
        for (int j = 0; j < pk.columnCount(); j++) {
            src.load(p, pk.column(j), target + j);
        }
    }
}
