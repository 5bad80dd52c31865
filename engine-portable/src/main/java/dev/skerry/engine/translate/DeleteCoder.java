package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.schema.Conflict;
import dev.skerry.engine.schema.Index;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.schema.Trigger;
import dev.skerry.engine.vdbe.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * DELETE (SQLite's {@code delete.c}). Without WHERE the table and its indexes are emptied with
 * {@code Clear} (the rows counted in changes(), as SQLite's truncate optimization). With WHERE, a first
 * pass collects the rowids of matching rows into an ephemeral index ({@link WhereLoop}, read-only
 * cursors); a second pass seeks each rowid with the write cursor and deletes the row and its index
 * entries, so the scan never sees its own deletions.
 */
final class DeleteCoder {
    private final Parse p;
    private final SelectCoder sc;

    DeleteCoder(Parse p, SelectCoder sc) {
        this.p = p;
        this.sc = sc;
    }

    void compile(Stmt.Delete del) throws SqliteException {
        int frame = sc.pushWith(del.with(), w -> w.deleteBody(del));
        try {
            compileBody(del);
        } finally {
            sc.popWith(frame);
        }
    }

    /** The DELETE itself, its WITH clause's CTEs already visible. */
    private void compileBody(Stmt.Delete del) throws SqliteException {
        if (!del.orderBy().isEmpty() || del.limit() != null) {
            throw SqliteException.error("DELETE with ORDER BY or LIMIT is not supported");
        }
        dev.skerry.engine.schema.View view = InsteadOfCoder.target(p, del.table());
        if (view != null) {
            new InsteadOfCoder(p, sc).delete(del, view);
            return;
        }
        Table table = FromBuilder.lookupTable(p, del.table());
        if (table == p.schema.schemaTable()) {
            throw SqliteException.error("table sqlite_master may not be modified");
        }
        p.needWrite();
        List<Trigger> before = TriggerCoder.find(p, table, Stmt.TriggerEvent.DELETE, Stmt.TriggerTime.BEFORE,
                null);
        List<Trigger> after = TriggerCoder.find(p, table, Stmt.TriggerEvent.DELETE, Stmt.TriggerTime.AFTER,
                null);
        ForeignKeyCoder fk = ForeignKeyCoder.of(p, table);
        if (del.where() == null && del.returning().isEmpty() && before.isEmpty() && after.isEmpty() && fk == null) {
            p.v.addOp(Opcode.CLEAR, table.rootPage(), table.db(), 1,
                    table.withoutRowid() ? KeyInfos.of(table.primaryKey()) : null);
            for (Index index : table.indexes()) {
                p.v.addOp(Opcode.CLEAR, index.rootPage(), table.db(), 0);
            }
            return;
        }
        int rowids = collectRowids(p, sc, table, del.alias(), del.indexedBy(), del.notIndexed(), del.where());
        RowWriter writer = new RowWriter(p, sc.ex, table, 0);
        writer.open();
        Returning returning = del.returning().isEmpty() ? null
                : new Returning(p, sc, table, del.returning(),
                        writer.cursor);
        int done = p.label();
        int next = p.label();
        int rowid = p.reg();
        p.v.addOp(Opcode.REWIND, rowids, done);
        int top = p.v.currentAddress();
        p.v.addOp(Opcode.COLUMN, rowids, WithoutRowidCoder.rowidField(table), rowid);
        p.v.addOp(Opcode.NOT_EXISTS, writer.cursor, next, rowid);
        Source row = new Source(table, table.name(), writer.cursor);
        int block = 0;
        // DELETE hands no conflict clause to its triggers, even inside a trigger (SQLite passes OE_Default).
        int onError = Conflict.DEFAULT;
        if (!before.isEmpty() || !after.isEmpty()) {
            block = TriggerCoder.block(p, table.columnCount());
            TriggerCoder.load(p, row, block, 0);
        }
        if (!before.isEmpty()) {
            TriggerCoder.fire(p, before, row, block, onError, next, 0);
            p.v.addOp(Opcode.NOT_EXISTS, writer.cursor, next, rowid);
        }
        if (fk != null) {
            fk.loadOld(row);
            fk.checkOld();
        }
        if (returning != null) {
            returning.saveRow();
        }
        writer.deleteIndexEntries();
        p.v.addOp(Opcode.DELETE, writer.cursor, Opcode.OPFLAG_NCHANGE);
        if (returning != null) {
            returning.keepSaved();
        }
        if (fk != null) {
            fk.actions(false);
        }
        if (!after.isEmpty()) {
            TriggerCoder.fire(p, after, row, block, onError, next, 0);
        }
        p.resolve(next);
        p.v.addOp(Opcode.NEXT, rowids, top);
        p.resolve(done);
        if (returning != null) {
            returning.output();
        }
    }

    /**
     * Emits the first pass of UPDATE and DELETE: an ephemeral index cursor holding the rowids of the rows of
     * {@code table} for which {@code where} holds (all rows when null). Returns the cursor.
     */
    static int collectRowids(Parse p, SelectCoder sc, Table table, dev.skerry.engine.parser.ast.Name alias,
            dev.skerry.engine.parser.ast.Expr where) throws SqliteException {
        return collectRowids(p, sc, table, alias, null, false, where);
    }

    /** As above, with the statement's {@code INDEXED BY} index name (or null) and {@code NOT INDEXED}. */
    static int collectRowids(Parse p, SelectCoder sc, Table table, dev.skerry.engine.parser.ast.Name alias,
            dev.skerry.engine.parser.ast.Name indexedBy, boolean notIndexed,
            dev.skerry.engine.parser.ast.Expr where) throws SqliteException {
        int rowids = p.cursor();
        p.v.addOp(Opcode.OPEN_EPHEMERAL, rowids, 1, 0, WithoutRowidCoder.rowidSetKey(table));
        Scope scope = p.rootScope();
        Source src = new Source(table, alias != null ? alias.text() : table.name(), p.cursor());
        FromBuilder.applyIndexedBy(p, src, table, indexedBy, notIndexed);
        scope.add(src);
        List<Source> sources = scope.sources;
        List<WhereTerm> terms = new ArrayList<>();
        WhereTerm.split(where, scope, sources, -1, terms);
        for (WhereTerm t : terms) {
            if (AggregateInfo.containsAggregate(t.expr, p)) {
                throw SqliteException.error("misuse of aggregate function in WHERE clause");
            }
        }
        boolean[][] needed = Usage.empty(sources);
        for (WhereTerm t : terms) {
            Usage.mark(t.expr, scope, sources, needed);
        }
        needed[0][src.columnCount()] = true;
        if (table.withoutRowid()) {
            // SQLite reads a WITHOUT ROWID table's rows to change them: no index counts as covering here.
            java.util.Arrays.fill(needed[0], true);
        }
        WhereLoop w = WhereLoop.begin(p, sc.ex, scope, sources, new boolean[1], terms, null, needed);
        int field = WithoutRowidCoder.rowidField(table);
        int r = p.regs(field + 1);
        WithoutRowidCoder.loadKey(p, src, r);
        src.load(p, Source.ROWID, r + field);
        int rec = p.reg();
        p.v.addOp(Opcode.MAKE_RECORD, r, field + 1, rec);
        p.v.addOp(Opcode.IDX_INSERT, rowids, rec);
        w.end();
        return rowids;
    }
}
