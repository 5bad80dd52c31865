package dev.skerry.engine.translate;

import dev.skerry.engine.ResultCode;
import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.Upsert;
import dev.skerry.engine.schema.CheckConstraint;
import dev.skerry.engine.schema.Column;
import dev.skerry.engine.schema.Conflict;
import dev.skerry.engine.schema.Index;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.vdbe.Opcode;
import java.util.List;

/**
 * Writes one row into a table and its indexes, with SQLite's constraint checks
 * ({@code sqlite3GenerateConstraintChecks} and {@code sqlite3CompleteInsertion}), for INSERT and UPDATE.
 *
 * <p>The new row is in registers: column i in {@code newRegs + i} (the rowid alias column's register is
 * ignored: it is stored as NULL and its value is the rowid) and the rowid in {@code rowidReg}. Order of
 * checks, as SQLite: NOT NULL column by column; then, after affinity, CHECK constraints; then the rowid
 * (PRIMARY KEY) when it is new or changed; then
 * each UNIQUE index in the table's index order. Each conflict resolves by the statement's OR clause, else the
 * constraint's ON CONFLICT, else ABORT: ABORT/FAIL/ROLLBACK halt with {@code NOT NULL constraint failed:
 * t.c} or {@code UNIQUE constraint failed: t.a, t.b}; IGNORE skips the row; REPLACE deletes the rows in the
 * way (or, for NOT NULL, uses the column's default). Then index entries and the row are written.
 */
final class RowWriter {
    private final Parse p;
    private final ExprCoder ex;
    final Table table;
    final int cursor;
    final int[] indexCursors;
    private final int onError;
    /** The RETURNING clause to feed with each written row, or null. */
    Returning returning;
    /**
     * For an UPDATE, the columns it changes ({@link SelfReference#updatedColumns}): CHECK constraints naming
     * none of them are not tested. Null for an INSERT.
     */
    boolean[] updated;
    /** The foreign key checks of the written rows, or null when none applies. */
    ForeignKeyCoder foreignKeys;
    /** The upsert clauses of an INSERT, in order (empty otherwise). */
    final List<UpsertClause> upserts = new java.util.ArrayList<>();
    /** The name DO UPDATE gives the existing row: the INSERT's alias ({@code INSERT INTO t AS c}), else null. */
    String upsertAlias;

    /** One {@code ON CONFLICT} clause with the constraint it targets resolved. */
    static final class UpsertClause {
        final Upsert ast;
        /** The targeted UNIQUE index, or null for the rowid or for any constraint. */
        final Index index;
        final boolean rowid;

        UpsertClause(Upsert ast, Index index, boolean rowid) {
            this.ast = ast;
            this.index = index;
            this.rowid = rowid;
        }

        boolean any() {
            return ast.target().isEmpty();
        }
    }

    RowWriter(Parse p, ExprCoder ex, Table table, int onError) {
        this.p = p;
        this.ex = ex;
        this.table = table;
        this.onError = onError;
        this.cursor = p.cursor();
        List<Index> indexes = table.indexes();
        indexCursors = new int[indexes.size()];
        for (int k = 0; k < indexCursors.length; k++) {
            indexCursors[k] = p.cursor();
        }
    }

    /** A writer on the same cursors as {@code shared}, with its own conflict action (an upsert's update). */
    private RowWriter(RowWriter shared, int onError) {
        this.p = shared.p;
        this.ex = shared.ex;
        this.table = shared.table;
        this.onError = onError;
        this.cursor = shared.cursor;
        this.indexCursors = shared.indexCursors;
        this.returning = shared.returning;
    }

    private UpsertClause upsertFor(Index index) {
        for (UpsertClause u : upserts) {
            if (u.any() || (index == null ? u.rowid : u.index == index)) {
                return u;
            }
        }
        return null;
    }

    /**
     * The DO NOTHING or DO UPDATE of {@code u} for a conflict with the row whose rowid is {@code existing};
     * the new row (registers {@code newRegs}, rowid {@code rowidReg}) is then not inserted: ends at {@code skip}.
     * DO UPDATE fires the table's UPDATE triggers as an UPDATE with conflict clause ABORT would (SQLite runs
     * it as one), and not the INSERT's AFTER triggers.
     */
    private void upsert(UpsertClause u, int existing, int newRegs, int rowidReg, int skip) throws SqliteException {
        if (u.ast.doNothing()) {
            p.v.addOp(Opcode.GOTO, 0, skip);
            return;
        }
        p.v.addOp(Opcode.NOT_EXISTS, cursor, skip, existing);
        Scope scope = p.rootScope();
        Source target = new Source(table, upsertAlias != null ? upsertAlias : table.name(), cursor);
        Source excluded = new Source(table, "excluded", -1);
        int[] regs = new int[table.columnCount()];
        for (int i = 0; i < regs.length; i++) {
            regs[i] = newRegs + i;
            scope.hiddenColumns.add(new int[] {1, i});
        }
        excluded.readFromRegisters(regs, rowidReg);
        // As SQLite, only "excluded.x" names the proposed row: an unqualified rowid is the target's.
        excluded.qualifiedOnly = true;
        scope.add(target);
        scope.add(excluded);
        if (u.ast.where() != null) {
            ex.jumpIfFalse(u.ast.where(), scope, skip, true);
        }
        int n = table.columnCount();
        Expr[] assigned = UpdateCoder.assignments(table, u.ast.sets());
        Expr rowidExpr = UpdateCoder.rowidAssignment(table, u.ast.sets());
        int upd = p.regs(n);
        int newRowid = p.reg();
        for (int i = 0; i < n; i++) {
            if (i == table.rowidAlias()) {
                continue;
            }
            if (assigned[i] != null) {
                ex.codeTo(assigned[i], scope, upd + i);
            } else {
                GeneratedColumns.column(p, table, cursor, i, upd + i);
            }
        }
        if (rowidExpr != null) {
            ex.codeTo(rowidExpr, scope, newRowid);
            p.v.addOp(Opcode.MUST_BE_INT, newRowid, 0);
        } else {
            p.v.addOp(Opcode.SCOPY, existing, newRowid);
        }
        if (table.rowidAlias() >= 0) {
            p.v.addOp(Opcode.SCOPY, newRowid, upd + table.rowidAlias());
        }
        int old = p.reg();
        p.v.addOp(Opcode.SCOPY, existing, old);
        List<String> changed = new java.util.ArrayList<>();
        for (dev.skerry.engine.parser.ast.SetClause set : u.ast.sets()) {
            for (dev.skerry.engine.parser.ast.Name c : set.columns()) {
                changed.add(c.text());
            }
        }
        List<dev.skerry.engine.schema.Trigger> before = TriggerCoder.find(p, table,
                dev.skerry.engine.parser.ast.Stmt.TriggerEvent.UPDATE, dev.skerry.engine.parser.ast.Stmt.TriggerTime.BEFORE, changed);
        List<dev.skerry.engine.schema.Trigger> after = TriggerCoder.find(p, table,
                dev.skerry.engine.parser.ast.Stmt.TriggerEvent.UPDATE, dev.skerry.engine.parser.ast.Stmt.TriggerTime.AFTER, changed);
        Source row = new Source(table, table.name(), cursor);
        int block = 0;
        if (!before.isEmpty() || !after.isEmpty()) {
            block = TriggerCoder.block(p, n);
            TriggerCoder.load(p, row, block, 0);
        }
        if (!before.isEmpty()) {
            TriggerCoder.beforeUpdate(p, table, before, row, block, upd, newRowid, old, assigned, Conflict.ABORT, skip);
        }
        RowWriter update = new RowWriter(this, Conflict.DEFAULT);
        update.updated = SelfReference.updatedColumns(table, assigned, rowidExpr != null);
        ForeignKeyCoder fk = ForeignKeyCoder.of(p, table);
        if (fk != null) {
            fk.loadOld(row);
            update.foreignKeys = fk.forUpdate(assigned, rowidExpr != null);
        }
        update.checkColumns(upd, newRowid, skip);
        update.checkUniqueAndWrite(upd, newRowid, old, rowidExpr != null, skip);
        if (fk != null) {
            fk.actions(true);
        }
        if (!after.isEmpty()) {
            TriggerCoder.store(p, block, n, 1, upd, newRowid);
            TriggerCoder.fire(p, after, row, block, Conflict.ABORT, skip, 0);
        }
        p.v.addOp(Opcode.GOTO, 0, skip);
    }

    /** Opens the table and every index for writing. */
    void open() {
        p.needWrite();
        p.v.addOp(Opcode.OPEN_WRITE, cursor, table.rootPage(), table.db(), KeyInfos.table(table));
        p.v.comment(table.name());
        List<Index> indexes = table.indexes();
        for (int k = 0; k < indexCursors.length; k++) {
            p.v.addOp(Opcode.OPEN_WRITE, indexCursors[k], indexes.get(k).rootPage(), table.db(), KeyInfos.cursor(indexes.get(k)));
            p.v.comment(indexes.get(k).name());
        }
    }

    private int resolve(int constraintConflict) {
        if (onError != Conflict.DEFAULT) {
            return onError;
        }
        return constraintConflict == Conflict.DEFAULT ? Conflict.ABORT : constraintConflict;
    }

    /**
     * NOT NULL checks, affinity, then CHECK constraints on the new row (the rowid in {@code rowidReg}).
     * {@code skip} is where an IGNORE conflict goes.
     */
    void checkColumns(int newRegs, int rowidReg, int skip) throws SqliteException {
        if (table.hasGenerated()) {
            GeneratedColumns.compute(p, ex, table, newRegs, rowidReg);
        }
        for (int i = 0; i < table.columnCount(); i++) {
            Column c = table.column(i);
            if (!c.notNull() || i == table.rowidAlias()) {
                continue;
            }
            int action = resolve(c.notNullConflict());
            if (action == Conflict.REPLACE && c.defaultValue() == null) {
                action = Conflict.ABORT;
            }
            int reg = newRegs + i;
            switch (action) {
                case Conflict.IGNORE:
                    p.v.addOp(Opcode.IS_NULL, reg, skip);
                    break;
                case Conflict.REPLACE: {
                    // As SQLite: the default replaces NULL; a default that is NULL too aborts.
                    int ok = p.v.addOp(Opcode.NOT_NULL, reg, 0);
                    ex.codeTo(c.defaultValue(), p.rootScope(), reg);
                    p.v.addOp(Opcode.HALT_IF_NULL, ResultCode.SQLITE_CONSTRAINT_NOTNULL, Conflict.ABORT, reg,
                            table.name() + "." + c.name(), Opcode.P5_CONSTRAINT_NOTNULL);
                    p.v.jumpHere(ok);
                    break;
                }
                default:
                    p.v.addOp(Opcode.HALT_IF_NULL, ResultCode.SQLITE_CONSTRAINT_NOTNULL, action, reg,
                            table.name() + "." + c.name(), Opcode.P5_CONSTRAINT_NOTNULL);
            }
        }
        StringBuilder aff = new StringBuilder();
        for (int i = 0; i < table.columnCount(); i++) {
            aff.append(table.column(i).affinity());
        }
        p.v.addOp(Opcode.AFFINITY, newRegs, table.columnCount(), 0, aff.toString());
        if (!table.hasGenerated()) {
            StrictCoder.typeCheck(p, table, newRegs);
        }
        if (table.checks().isEmpty() || p.ignoreChecks) {
            return;
        }
        Scope scope = p.rootScope();
        Source row = new Source(table, table.name(), -1);
        int[] regs = new int[table.columnCount()];
        for (int i = 0; i < regs.length; i++) {
            regs[i] = newRegs + i;
        }
        row.readFromRegisters(regs, rowidReg);
        scope.add(row);
        for (CheckConstraint check : table.checks()) {
            if (updated != null && !SelfReference.referencesUpdated(table, check.expr(), updated)) {
                continue;
            }
            int ok = p.label();
            int was = ex.pureSite(Opcode.PURE_CHECK);
            try {
                ex.jumpIfTrue(check.expr(), scope, ok, true);
            } finally {
                ex.pureSite(was);
            }
            int action = resolve(Conflict.DEFAULT);
            if (action == Conflict.IGNORE) {
                p.v.addOp(Opcode.GOTO, 0, skip);
            } else {
                p.v.addOp(Opcode.HALT, ResultCode.SQLITE_CONSTRAINT_CHECK,
                        action == Conflict.REPLACE ? Conflict.ABORT : action, 0, check.label(),
                        Opcode.P5_CONSTRAINT_CHECK);
            }
            p.resolve(ok);
        }
    }

    /** The rowid's uniqueness check (an INTEGER PRIMARY KEY or given rowid): upsert, REPLACE or the conflict error. */
    private void checkRowid(int newRegs, int rowidReg, int oldRowid, int skip) throws SqliteException {
        int ok = p.label();
        int existing = rowidReg;
        if (table.withoutRowid()) {
            // The row found may hold its key in another form (equal under the key's collations): it is the
            // row being updated when its own PRIMARY KEY record is the old one.
            p.v.addOp(Opcode.NOT_EXISTS, cursor, ok, rowidReg);
            existing = p.reg();
            p.v.addOp(Opcode.ROWID, cursor, existing);
            if (oldRowid != 0) {
                p.v.addOp(Opcode.EQ, oldRowid, ok, existing, null, 0);
            }
        } else {
            if (oldRowid != 0) {
                p.v.addOp(Opcode.EQ, oldRowid, ok, rowidReg, null, 0);
            }
            p.v.addOp(Opcode.NOT_EXISTS, cursor, ok, rowidReg);
        }
        UpsertClause u = upsertFor(null);
        if (u != null) {
            upsert(u, existing, newRegs, rowidReg, skip);
        } else {
            int action = resolve(table.rowidConflict());
            if (table.withoutRowid()) {
                conflict(resolve(table.primaryKey().conflict()), "PRIMARY KEY",
                        IndexKeys.uniqueLabel(table, table.primaryKey()), skip, ResultCode.SQLITE_CONSTRAINT_PRIMARYKEY,
                        existing);
            } else {
                conflict(action, "PRIMARY KEY", table.name() + "." + (table.rowidAlias() >= 0
                        ? table.column(table.rowidAlias()).name() : "rowid"), skip,
                        ResultCode.SQLITE_CONSTRAINT_PRIMARYKEY, rowidReg);
            }
        }
        p.resolve(ok);
    }

    /**
     * The order of the uniqueness checks, as SQLite makes it: the ON CONFLICT clauses' targets in clause order,
     * then the rowid (-1) if no clause named it, then the other indexes (positions in {@code indexes}) in order.
     * Without targeted clauses that is the rowid, then every index.
     */
    private int[] checkOrder(List<Index> indexes) {
        int[] order = new int[indexes.size() + 1];
        boolean[] placed = new boolean[indexes.size()];
        boolean rowidPlaced = false;
        int n = 0;
        for (UpsertClause u : upserts) {
            if (u.any()) {
                break;
            }
            int k = u.index == null ? -1 : indexes.indexOf(u.index);
            if (k < 0 ? !rowidPlaced : !placed[k]) {
                if (k < 0) {
                    rowidPlaced = true;
                } else {
                    placed[k] = true;
                }
                order[n++] = k;
            }
        }
        // A WITHOUT ROWID table's PRIMARY KEY is checked at its place in SQLite's index order.
        int rowidAt = table.withoutRowid() ? indexes.size() - table.pkTrailing() : 0;
        for (int k = 0; k <= indexes.size(); k++) {
            if (k == rowidAt && !rowidPlaced) {
                order[n++] = -1;
            }
            if (k < indexes.size() && !placed[k]) {
                order[n++] = k;
            }
        }
        return order;
    }

    /**
     * Rowid and UNIQUE checks, then the writes. {@code oldRowid} is 0 for INSERT, else the register holding
     * the updated row's rowid: its own index entries do not conflict, and they are replaced (with the row,
     * when the rowid changes) once every check has passed.
     */
    void checkUniqueAndWrite(int newRegs, int rowidReg, int oldRowid, boolean rowidChecked, int skip)
            throws SqliteException {
        List<Index> indexes = table.indexes();
        int[] keys = new int[indexes.size()];
        int[] inIndex = new int[indexes.size()];
        if (table.withoutRowid()) {
            WithoutRowidCoder.pkRecord(p, table, newRegs, rowidReg);
            rowidChecked = true;
        }
        IndexKeys rowKeys = IndexKeys.fromRegisters(p, ex, table, newRegs, rowidReg);
        for (int k : checkOrder(indexes)) {
            if (k < 0) {
                if (rowidChecked) {
                    checkRowid(newRegs, rowidReg, oldRowid, skip);
                }
                continue;
            }
            Index index = indexes.get(k);
            int n = index.columnCount();
            keys[k] = p.regs(n + 1);
            int ok = p.label();
            if (index.where() != null) {
                inIndex[k] = p.reg();
                p.v.addOp(Opcode.INTEGER, 0, inIndex[k]);
                rowKeys.testWhere(index, ok);
                p.v.addOp(Opcode.INTEGER, 1, inIndex[k]);
            }
            rowKeys.codeKey(index, keys[k]);
            if (!index.unique()) {
                p.resolve(ok);
                continue;
            }
            p.v.addOp(Opcode.NO_CONFLICT, indexCursors[k], ok, keys[k], Integer.valueOf(n));
            int other = p.reg();
            p.v.addOp(Opcode.IDX_ROWID, indexCursors[k], other);
            if (oldRowid != 0) {
                p.v.addOp(Opcode.EQ, other, ok, oldRowid, null, 0);
            }
            int action = resolve(index.conflict());
            UpsertClause u = upsertFor(index);
            if (u != null) {
                upsert(u, other, newRegs, rowidReg, skip);
            } else if (action == Conflict.REPLACE) {
                deleteRowAt(other);
            } else {
                conflict(action, "UNIQUE", IndexKeys.uniqueLabel(table, index), skip, index.origin() == Index.ORIGIN_PRIMARY_KEY
                        ? ResultCode.SQLITE_CONSTRAINT_PRIMARYKEY : ResultCode.SQLITE_CONSTRAINT_UNIQUE, other);
            }
            p.resolve(ok);
        }
        if (foreignKeys != null && oldRowid != 0) {
            foreignKeys.checkOld();
        }
        if (oldRowid != 0) {
            int gone = p.label();
            p.v.addOp(Opcode.NOT_EXISTS, cursor, gone, oldRowid);
            deleteIndexEntries();
            p.v.addOp(Opcode.EQ, oldRowid, gone, rowidReg, null, 0);
            p.v.addOp(Opcode.DELETE, cursor, 0);
            p.resolve(gone);
        }
        if (foreignKeys != null) {
            foreignKeys.checkNew(newRegs, rowidReg);
        }
        for (int k = 0; k < indexes.size(); k++) {
            int absent = p.label();
            if (inIndex[k] != 0) {
                p.v.addOp(Opcode.IF_NOT, inIndex[k], absent, 0);
            }
            int rec = p.reg();
            p.v.addOp(Opcode.MAKE_RECORD, keys[k], indexes.get(k).columnCount() + 1, rec);
            p.v.addOp(Opcode.IDX_INSERT, indexCursors[k], rec, keys[k], Integer.valueOf(indexes.get(k).columnCount() + 1));
            p.resolve(absent);
        }
        if (table.rowidAlias() >= 0) {
            p.v.addOp(Opcode.NULL, 0, newRegs + table.rowidAlias());
        }
        int rec = p.reg();
        p.v.addOp(Opcode.MAKE_RECORD, GeneratedColumns.recordRegisters(p, table, newRegs), table.storedColumnCount(),
                rec);
        p.v.addOp(Opcode.INSERT, cursor, rec, rowidReg, table.name(),
                Opcode.OPFLAG_NCHANGE | (oldRowid == 0 ? Opcode.OPFLAG_LASTROWID : 0));
        if (returning != null) {
            returning.fromRegisters(newRegs, rowidReg);
        }
    }

    /** Resolves a conflict with the row whose rowid is in {@code existing} (the table cursor is on it). */
    private void conflict(int action, String kind, String what, int skip, int code, int existing)
            throws SqliteException {
        switch (action) {
            case Conflict.IGNORE:
                p.v.addOp(Opcode.GOTO, 0, skip);
                return;
            case Conflict.REPLACE:
                deleteCurrentRow(existing);
                return;
            default:
                p.v.addOp(Opcode.HALT, code, action, 0, what, Opcode.P5_CONSTRAINT_UNIQUE);
                if (!kind.isEmpty()) {
                    p.v.comment(kind);
                }
        }
    }

    /** Deletes the row whose rowid is in {@code rowidReg}, with its index entries. */
    void deleteRowAt(int rowidReg) throws SqliteException {
        int gone = p.label();
        p.v.addOp(Opcode.NOT_EXISTS, cursor, gone, rowidReg);
        deleteCurrentRow(rowidReg);
        p.resolve(gone);
    }

    /**
     * Deletes the row the table cursor is on (rowid in {@code rowidReg}), with its index entries, not counted
     * in changes(): REPLACE's deletion. When the table has DELETE triggers, they fire around it only while
     * recursive triggers are on (SQLite's rule), with REPLACE as their conflict clause; a trigger that
     * deleted the row leaves nothing to delete.
     */
    void deleteCurrentRow(int rowidReg) throws SqliteException {
        List<dev.skerry.engine.schema.Trigger> before = TriggerCoder.find(p, table,
                dev.skerry.engine.parser.ast.Stmt.TriggerEvent.DELETE, dev.skerry.engine.parser.ast.Stmt.TriggerTime.BEFORE, null);
        List<dev.skerry.engine.schema.Trigger> after = TriggerCoder.find(p, table,
                dev.skerry.engine.parser.ast.Stmt.TriggerEvent.DELETE, dev.skerry.engine.parser.ast.Stmt.TriggerTime.AFTER, null);
        ForeignKeyCoder fk = ForeignKeyCoder.of(p, table);
        if (before.isEmpty() && after.isEmpty()) {
            ForeignKeyCoder.deleteRow(p, fk, new Source(table, table.name(), cursor), this);
            return;
        }
        Source row = new Source(table, table.name(), cursor);
        int block = TriggerCoder.block(p, table.columnCount());
        TriggerCoder.load(p, row, block, 0);
        int done = p.label();
        TriggerCoder.fire(p, before, row, block, Conflict.REPLACE, done, Opcode.PROGRAM_ONLY_RECURSIVE);
        if (!before.isEmpty()) {
            p.v.addOp(Opcode.NOT_EXISTS, cursor, done, rowidReg);
        }
        ForeignKeyCoder.deleteRow(p, fk, row, this);
        TriggerCoder.fire(p, after, row, block, Conflict.REPLACE, done, Opcode.PROGRAM_ONLY_RECURSIVE);
        p.resolve(done);
    }

    /** Removes the index entries of the row the table cursor is on. */
    void deleteIndexEntries() throws SqliteException {
        List<Index> indexes = table.indexes();
        if (indexes.isEmpty()) {
            return;
        }
        int rowid = p.reg();
        p.v.addOp(Opcode.ROWID, cursor, rowid);
        IndexKeys rowKeys = IndexKeys.fromCursor(p, ex, table, cursor, rowid);
        for (int k = 0; k < indexes.size(); k++) {
            Index index = indexes.get(k);
            int n = index.columnCount();
            int key = p.regs(n + 1);
            int absent = p.label();
            rowKeys.testWhere(index, absent);
            rowKeys.codeKey(index, key);
            p.v.addOp(Opcode.IDX_DELETE, indexCursors[k], key, n + 1);
            p.resolve(absent);
        }
    }
}
