package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.parser.ast.Name;
import dev.skerry.engine.parser.ast.Select;
import dev.skerry.engine.parser.ast.SelectCore;
import dev.skerry.engine.parser.ast.SetClause;
import dev.skerry.engine.parser.ast.Stmt;
import dev.skerry.engine.schema.SchemaBuilder;
import dev.skerry.engine.schema.Trigger;
import dev.skerry.engine.schema.View;
import dev.skerry.engine.vdbe.Opcode;
import java.util.ArrayList;
import java.util.List;

/**
 * INSERT, UPDATE and DELETE on a view, which its INSTEAD OF triggers make writable (SQLite's {@code isView}
 * paths of insert.c, update.c and delete.c): nothing is written by the statement itself; each row it would
 * change is handed to the triggers, whose OLD and NEW have the view's columns (no rowid).
 *
 * <p>INSERT evaluates each source row (VALUES in place, a SELECT through an ephemeral table) into NEW, with no
 * affinity applied and NULL for the columns not listed. UPDATE and DELETE first materialize the view's rows
 * for which WHERE holds into an ephemeral table; for each, OLD is the row and (UPDATE) NEW the row with the SET
 * values. Without an INSTEAD OF trigger for the event the statement fails as SQLite's does. RETURNING gives
 * NEW (OLD for DELETE) of each row no trigger skipped with RAISE(IGNORE).
 */
final class InsteadOfCoder {
    private final Parse p;
    private final SelectCoder sc;
    /** The RETURNING clause, or null. */
    private Returning returning;

    InsteadOfCoder(Parse p, SelectCoder sc) {
        this.p = p;
        this.sc = sc;
    }

    /** The view an INSERT, UPDATE or DELETE of {@code name} writes through, or null when it names a table (or nothing). */
    static View target(Parse p, dev.skerry.engine.parser.ast.QualifiedName name) {
        String n = name.name().text();
        return p.schema.findTable(n) == null ? p.schema.findView(n) : null;
    }

    private List<Trigger> triggers(View view, Stmt.TriggerEvent event, List<String> changed) throws SqliteException {
        List<Trigger> ts = TriggerCoder.find(p, view.name(), event, Stmt.TriggerTime.INSTEAD_OF, changed);
        if (ts.isEmpty()) {
            throw SqliteException.error("cannot modify " + view.name() + " because it is a view");
        }
        return ts;
    }

    void insert(Stmt.Insert ins, View view) throws SqliteException {
        List<Trigger> ts = triggers(view, Stmt.TriggerEvent.INSERT, null);
        int onError = p.conflict(SchemaBuilder.conflict(ins.orConflict()));
        Scope scope = p.rootScope();
        int over = p.label();
        p.v.addOp(Opcode.GOTO, 0, over);
        Source rows = FromBuilder.materializeView(p, sc, view, view.name(), scope);
        p.resolve(over);
        returning = ins.returning().isEmpty() ? null
                : new Returning(p, sc, rows, view.name(), ins.returning());
        int n = rows.columnCount();
        int[] map = new int[n];
        int nValues = n;
        if (ins.columns().isEmpty()) {
            for (int i = 0; i < n; i++) {
                map[i] = i;
            }
        } else {
            java.util.Arrays.fill(map, -1);
            nValues = ins.columns().size();
            for (int k = 0; k < nValues; k++) {
                String name = ins.columns().get(k).text();
                int c = rows.findColumn(name);
                if (c < 0) {
                    throw SqliteException.error("table " + view.name() + " has no column named " + name);
                }
                if (map[c] < 0) {
                    map[c] = k;
                }
            }
        }
        int block = TriggerCoder.block(p, n);
        int values = p.regs(Math.max(nValues, 1));
        Select select = ins.select();
        if (select == null) {
            fireInsert(ts, rows, block, map, -1, onError);
            output();
            return;
        }
        if (select.isSimple() && select.cores().get(0) instanceof SelectCore.Values && select.orderBy().isEmpty()
                && select.limit() == null) {
            for (List<Expr> row : ((SelectCore.Values) select.cores().get(0)).rows()) {
                checkCount(view, ins, row.size(), nValues);
                for (int k = 0; k < row.size(); k++) {
                    sc.ex.codeTo(row.get(k), p.rootScope(), values + k);
                }
                fireInsert(ts, rows, block, map, values, onError);
            }
            output();
            return;
        }
        int nv = nValues;
        SelectBuffer.forEachRow(p, sc, select, nValues, values, got -> checkCount(view, ins, got, nv),
                () -> fireInsert(ts, rows, block, map, values, onError));
        output();
    }

    /** Emits the RETURNING rows kept, if there is a RETURNING clause. */
    private void output() {
        if (returning != null) {
            returning.output();
        }
    }

    /** Keeps the RETURNING row of a row the triggers were not told to skip (NEW, or OLD for DELETE). */
    private void keep(int block, int n, int part) throws SqliteException {
        if (returning != null) {
            returning.fromRegisters(TriggerCoder.row(block, n, part) + 1, 0);
        }
    }

    private void checkCount(View view, Stmt.Insert ins, int got, int want) throws SqliteException {
        if (got != want) {
            throw SqliteException.error(ins.columns().isEmpty()
                    ? "table " + view.name() + " has " + want + " columns but " + got + " values were supplied"
                    : got + " values for " + want + " columns");
        }
    }

    /** NEW from the value registers ({@code values} -1: DEFAULT VALUES), then the triggers. */
    private void fireInsert(List<Trigger> ts, Source rows, int block, int[] map, int values, int onError)
            throws SqliteException {
        int n = rows.columnCount();
        int at = TriggerCoder.row(block, n, 1);
        for (int i = 0; i < n; i++) {
            if (values >= 0 && map[i] >= 0) {
                p.v.addOp(Opcode.SCOPY, values + map[i], at + 1 + i);
            } else {
                p.v.addOp(Opcode.NULL, 0, at + 1 + i);
            }
        }
        int next = p.label();
        TriggerCoder.fire(p, ts, rows, block, onError, next, 0);
        keep(block, n, 1);
        p.resolve(next);
    }

    void update(Stmt.Update upd, View view) throws SqliteException {
        List<String> changed = new ArrayList<>();
        for (SetClause set : upd.sets()) {
            for (Name c : set.columns()) {
                changed.add(c.text());
            }
        }
        List<Trigger> ts = triggers(view, Stmt.TriggerEvent.UPDATE, changed);
        int onError = p.conflict(SchemaBuilder.conflict(upd.orConflict()));
        Scope scope = p.rootScope();
        Source rows = FromBuilder.materializeView(p, sc, view,
                upd.alias() != null ? upd.alias().text() : view.name(), scope);
        returning = upd.returning().isEmpty() ? null
                : new Returning(p, sc, rows, view.name(), upd.returning());
        int n = rows.columnCount();
        Expr[] assigned = new Expr[n];
        for (SetClause set : RowValueSets.split(upd.sets())) {
            int c = rows.findColumn(set.columns().get(0).text());
            if (c < 0) {
                throw SqliteException.error("no such column: " + set.columns().get(0).text());
            }
            assigned[c] = set.value();
        }
        eachRow(rows, scope, upd.where(), (block, next) -> {
            int at = TriggerCoder.row(block, n, 1);
            for (int i = 0; i < n; i++) {
                if (assigned[i] != null) {
                    sc.ex.codeTo(assigned[i], scope, at + 1 + i);
                } else {
                    rows.load(p, i, at + 1 + i);
                }
            }
            TriggerCoder.fire(p, ts, rows, block, onError, next, 0);
            keep(block, n, 1);
        });
        output();
    }

    void delete(Stmt.Delete del, View view) throws SqliteException {
        List<Trigger> ts = triggers(view, Stmt.TriggerEvent.DELETE, null);
        int onError = dev.skerry.engine.schema.Conflict.DEFAULT;
        Scope scope = p.rootScope();
        Source rows = FromBuilder.materializeView(p, sc, view,
                del.alias() != null ? del.alias().text() : view.name(), scope);
        returning = del.returning().isEmpty() ? null
                : new Returning(p, sc, rows, view.name(), del.returning());
        eachRow(rows, scope, del.where(), (block, next) -> {
            TriggerCoder.fire(p, ts, rows, block, onError, next, 0);
            keep(block, rows.columnCount(), 0);
        });
        output();
    }

    /** What to do with one row of the view: {@code block} holds OLD, {@code next} is the end of the row. */
    private interface RowAction {
        void code(int block, int next) throws SqliteException;
    }

    /** Loops over the materialized rows for which {@code where} holds, with OLD loaded into a block. */
    private void eachRow(Source rows, Scope scope, Expr where, RowAction action) throws SqliteException {
        int n = rows.columnCount();
        int block = TriggerCoder.block(p, n);
        int done = p.label();
        p.v.addOp(Opcode.REWIND, rows.cursor, done);
        int top = p.v.currentAddress();
        int next = p.label();
        if (where != null) {
            sc.ex.jumpIfFalse(where, scope, next, true);
        }
        int at = TriggerCoder.row(block, n, 0);
        for (int i = 0; i < n; i++) {
            rows.load(p, i, at + 1 + i);
        }
        action.code(block, next);
        p.resolve(next);
        p.v.addOp(Opcode.NEXT, rows.cursor, top);
        p.resolve(done);
    }
}
