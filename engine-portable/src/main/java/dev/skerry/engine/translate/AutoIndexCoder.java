package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.schema.Index;
import dev.skerry.engine.value.Collation;
import dev.skerry.engine.vdbe.Opcode;

/**
 * Emits the construction of an automatic index ({@link AutoIndexPlan}) at the head of its loop level, as
 * SQLite's {@code constructAutomaticIndex}: guarded by {@code Once} so that it runs once per statement,
 * it opens a transient index ({@code OpenEphemeral}, which is what SQLite's {@code OpenAutoindex} is),
 * scans the table, skips the rows failing the partial-index terms, and inserts one record per row:
 * the index's columns then the rowid. Afterwards the source reads its columns from the index
 * ({@link Source#readFromIndex}), which {@link WhereLoop} seeks like any index.
 */
final class AutoIndexCoder {
    private AutoIndexCoder() {
    }

    static void build(Parse p, ExprCoder ex, Scope scope, Source s, WherePlan plan, int cursor)
            throws SqliteException {
        Index index = plan.index;
        int n = index.columnCount();
        Collation[] colls = new Collation[n];
        for (int k = 0; k < n; k++) {
            colls[k] = index.collation(k);
        }
        int once = p.v.addOp(Opcode.ONCE, 0, 0);
        p.v.addOp(Opcode.OPEN_EPHEMERAL, cursor, n + 1, 0, KeyInfos.of(colls, new boolean[n]));
        p.v.comment("automatic index on " + s.name);
        int done = p.label();
        int next = p.label();
        p.v.addOp(Opcode.REWIND, s.cursor, done);
        int top = p.v.currentAddress();
        for (WhereTerm t : plan.partial) {
            ex.jumpIfFalse(t.expr, scope, next, true);
        }
        int regs = p.regs(n + 1);
        for (int k = 0; k < n; k++) {
            s.load(p, index.column(k), regs + k);
        }
        p.v.addOp(Opcode.ROWID, s.cursor, regs + n);
        int rec = p.reg();
        p.v.addOp(Opcode.MAKE_RECORD, regs, n + 1, rec);
        p.v.addOp(Opcode.IDX_INSERT, cursor, rec);
        p.resolve(next);
        p.v.addOp(Opcode.NEXT, s.cursor, top);
        p.resolve(done);
        p.v.jumpHere(once);
        s.readFromIndex(index, cursor);
    }
}
