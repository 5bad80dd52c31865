package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.SetClause;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.schema.SchemaBuilder;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.schema.Trigger;
import dev.skerry.engine.vdbe.Opcode;
import java.util.List;

/**
 * UPDATE (SQLite's {@code update.c}): the rowids of the rows to change are collected first (as for
 * DELETE); then for each, the row is sought with the write cursor, the new values are computed from the
 * old row (unassigned columns keep their value; a changed INTEGER PRIMARY KEY or {@code rowid} must be an
 * integer), and {@link RowWriter} checks and rewrites the row and its index entries. With a FROM clause the
 * first pass is a join that also computes the new values ({@link UpdateFrom}).
 */
final class UpdateCoder {
    private final Parse p;
    private final SelectCoder sc;

    UpdateCoder(Parse p, SelectCoder sc) {
        this.p = p;
        this.sc = sc;
    }

    /** The SET expression of each column (null when not assigned); SQLite's errors for unknown columns. */
    static Expr[] assignments(Table table, List<SetClause> sets) throws SqliteException {
        return assignments(table, sets, false);
    }

    /** As {@link #assignments(Table, List)}; unknown columns are skipped when {@code deferUnknown}. */
    static Expr[] assignments(Table table, List<SetClause> sets, boolean deferUnknown) throws SqliteException {
        Expr[] assigned = new Expr[table.columnCount()];
        for (SetClause set : RowValueSets.split(sets)) {
            Name col = set.columns().get(0);
            int c = table.findColumn(col.text());
            if (c >= 0) {
                if (table.column(c).isGenerated()) {
                    throw SqliteException.error("cannot UPDATE generated column \"" + table.column(c).name() + "\"");
                }
                assigned[c] = set.value();
            } else if (!(Scope.isRowidName(col.text()) && !table.withoutRowid()) && !deferUnknown) {
                throw SqliteException.error("no such column: " + col.text());
            }
        }
        return assigned;
    }

    /** The expression assigned to the rowid (through its alias column or a rowid name), or null. */
    static Expr rowidAssignment(Table table, List<SetClause> sets) throws SqliteException {
        Expr rowid = null;
        for (SetClause set : RowValueSets.split(sets)) {
            String name = set.columns().get(0).text();
            int c = table.findColumn(name);
            if ((c >= 0 && c == table.rowidAlias()) || (c < 0 && Scope.isRowidName(name))) {
                rowid = set.value();
            }
        }
        return rowid;
    }

    void compile(Stmt.Update upd) throws SqliteException {
        int frame = sc.pushWith(upd.with(), w -> w.updateBody(upd));
        try {
            compileBody(upd);
        } finally {
            sc.popWith(frame);
        }
    }

    /** The UPDATE itself, its WITH clause's CTEs already visible. */
    private void compileBody(Stmt.Update upd) throws SqliteException {
        if (!upd.orderBy().isEmpty() || upd.limit() != null) {
            throw SqliteException.error("UPDATE with ORDER BY or LIMIT is not supported");
        }
        dev.skerry.engine.schema.View view = InsteadOfCoder.target(p, upd.table());
        if (view != null) {
            new InsteadOfCoder(p, sc).update(upd, view);
            return;
        }
        Table table = FromBuilder.lookupTable(p, upd.table());
        if (table == p.schema.schemaTable()) {
            throw SqliteException.error("table sqlite_master may not be modified");
        }
        int n = table.columnCount();
        List<SetClause> sets = upd.sets();
        Expr[] assigned = assignments(table, sets, p.deferTargetColumns);
        int rowids;
        Source fromValues = null;
        if (upd.from() != null) {
            List<SetClause> single = RowValueSets.split(sets);
            rowids = UpdateFrom.collect(p, sc, table, upd, single);
            fromValues = UpdateFrom.source(table, rowids, single.size());
            List<SetClause> stored = new java.util.ArrayList<>();
            for (int k = 0; k < single.size(); k++) {
                stored.add(new SetClause(single.get(k).columns(), UpdateFrom.value(k)));
            }
            sets = stored;
            assigned = assignments(table, sets, p.deferTargetColumns);
        } else {
            rowids = DeleteCoder.collectRowids(p, sc, table, upd.alias(), upd.indexedBy(), upd.notIndexed(),
                    upd.where());
        }
        Expr rowidExpr = rowidAssignment(table, sets);
        int onError = p.conflict(SchemaBuilder.conflict(upd.orConflict()));
        List<String> changed = new java.util.ArrayList<>();
        for (SetClause set : upd.sets()) {
            for (Name c : set.columns()) {
                changed.add(c.text());
            }
        }
        List<Trigger> before = TriggerCoder.find(p, table, Stmt.TriggerEvent.UPDATE, Stmt.TriggerTime.BEFORE,
                changed);
        List<Trigger> after = TriggerCoder.find(p, table, Stmt.TriggerEvent.UPDATE, Stmt.TriggerTime.AFTER,
                changed);
        RowWriter writer = new RowWriter(p, sc.ex, table, onError);
        writer.open();
        ForeignKeyCoder fk = ForeignKeyCoder.of(p, table);
        if (fk != null) {
            writer.foreignKeys = fk.forUpdate(assigned, rowidExpr != null);
        }
        if (!upd.returning().isEmpty()) {
            writer.returning = new Returning(p, sc, table, upd.returning(), writer.cursor);
        }
        Scope scope = p.rootScope();
        Source src = new Source(table, upd.alias() != null ? upd.alias().text() : table.name(), writer.cursor);
        scope.add(src);
        if (fromValues != null) {
            scope.add(fromValues);
        }
        int done = p.label();
        int next = p.label();
        int oldRowid = p.reg();
        int newRowid = p.reg();
        int newRegs = p.regs(n);
        p.v.addOp(Opcode.REWIND, rowids, done);
        int top = p.v.currentAddress();
        p.v.addOp(Opcode.COLUMN, rowids, WithoutRowidCoder.rowidField(table), oldRowid);
        p.v.addOp(Opcode.NOT_EXISTS, writer.cursor, next, oldRowid);
        if (fk != null) {
            fk.loadOld(src);
        }
        int block = 0;
        if (!before.isEmpty() || !after.isEmpty()) {
            block = TriggerCoder.block(p, n);
            TriggerCoder.load(p, src, block, 0);
        }
        for (int i = 0; i < n; i++) {
            if (i == table.rowidAlias()) {
                continue;
            }
            if (assigned[i] != null) {
                sc.ex.codeTo(assigned[i], scope, newRegs + i);
            } else {
                GeneratedColumns.column(p, table, writer.cursor, i, newRegs + i);
            }
        }
        if (rowidExpr != null) {
            sc.ex.codeTo(rowidExpr, scope, newRowid);
            p.v.addOp(Opcode.MUST_BE_INT, newRowid, 0);
        } else {
            p.v.addOp(Opcode.SCOPY, oldRowid, newRowid);
        }
        if (table.rowidAlias() >= 0) {
            p.v.addOp(Opcode.SCOPY, newRowid, newRegs + table.rowidAlias());
        }
        if (!before.isEmpty()) {
            TriggerCoder.beforeUpdate(p, table, before, src, block, newRegs, newRowid, oldRowid, assigned, onError, next);
        }
        writer.updated = SelfReference.updatedColumns(table, assigned, rowidExpr != null);
        writer.checkColumns(newRegs, newRowid, next);
        writer.checkUniqueAndWrite(newRegs, newRowid, oldRowid, rowidExpr != null, next);
        if (fk != null) {
            fk.actions(true);
        }
        if (!after.isEmpty()) {
            TriggerCoder.store(p, block, n, 1, newRegs, newRowid);
            TriggerCoder.fire(p, after, src, block, onError, next, 0);
        }
        p.resolve(next);
        p.v.addOp(Opcode.NEXT, rowids, top);
        p.resolve(done);
        if (writer.returning != null) {
            writer.returning.output();
        }
    }
}
