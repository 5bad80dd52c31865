package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.ResultColumn;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.vdbe.Opcode;
import java.util.List;

/**
 * The RETURNING clause of INSERT, UPDATE and DELETE (SQLite's {@code sqlite3CodeReturning}): for each row,
 * once it is written (its new values) or deleted (its old values, saved before), the clause's expressions
 * are evaluated (a subquery reading the changed table runs again for each row, seeing the table as changed
 * so far; others run once, at the first row), and the values are kept in an ephemeral table; once the
 * statement's changes are done, those rows are the statement's result rows, named as a SELECT's result
 * columns would be. Aggregates are a misuse, as in WHERE.
 */
final class Returning {
    private final Parse p;
    private final SelectCoder sc;
    private final Scope scope;
    private final Source row;
    private final List<SelectCoder.Item> items;
    private final int cursor;
    /** The table changed (null for a view): subqueries reading it run again for each row. */
    private final Table target;

    /**
     * Declares the result columns and opens the ephemeral table; {@code rowCursor} is the table's write cursor.
     * As in SQLite, RETURNING names the row by the table's name, never by the statement's alias
     * ({@code UPDATE t AS c … RETURNING c.x} is {@code no such column: c.x}).
     */
    Returning(Parse p, SelectCoder sc, Table table, List<ResultColumn> columns, int rowCursor) throws SqliteException {
        this(p, sc, new Source(table, table.name(), rowCursor), columns, table);
    }

    /**
     * RETURNING of a statement on a view (through its INSTEAD OF triggers): the rows are the view's, named
     * {@code alias} (the view's name, as SQLite: not the statement's alias), and always come from registers
     * ({@link #fromRegisters}).
     */
    Returning(Parse p, SelectCoder sc, Source view, String alias, List<ResultColumn> columns) throws SqliteException {
        this(p, sc, new Source(alias, view.columnNames, view.affinities, view.collations, view.declaredTypes, -1),
                columns, null);
    }

    private Returning(Parse p, SelectCoder sc, Source row, List<ResultColumn> columns, Table target)
            throws SqliteException {
        this.p = p;
        this.target = target;
        this.sc = sc;
        this.scope = p.rootScope();
        this.row = row;
        scope.add(row);
        this.items = sc.expand(columns, scope);
        for (SelectCoder.Item it : items) {
            sc.checkNoAggregate(it.expr);
        }
        SelectCoder.ResultInfo info = sc.describe(items, scope);
        p.v.setResultColumns(info.names, info.decltypes);
        cursor = p.cursor();
        p.v.addOp(Opcode.OPEN_EPHEMERAL, cursor, items.size());
    }

    /** Keeps one row computed from the registers of a written row (column i in {@code newRegs + i}). */
    void fromRegisters(int newRegs, int rowidReg) throws SqliteException {
        int[] regs = new int[row.columnCount()];
        for (int i = 0; i < regs.length; i++) {
            regs[i] = newRegs + i;
        }
        row.readFromRegisters(regs, rowidReg);
        keep();
    }

    /**
     * Copies the row the table cursor is on (a row about to be deleted) into registers, for {@link #keepSaved}
     * after the deletion.
     */
    void saveRow() throws SqliteException {
        int n = row.columnCount();
        int regs = p.regs(n);
        int rowidReg = p.reg();
        for (int i = 0; i < n; i++) {
            row.load(p, i, regs + i);
        }
        row.load(p, Source.ROWID, rowidReg);
        int[] map = new int[n];
        for (int i = 0; i < n; i++) {
            map[i] = regs + i;
        }
        row.readFromRegisters(map, rowidReg);
    }

    /** Keeps one row computed from the row {@link #saveRow} saved, once it is deleted (as SQLite's order). */
    void keepSaved() throws SqliteException {
        keep();
    }

    private void keep() throws SqliteException {
        int n = items.size();
        int regs = p.regs(n);
        dev.skerry.engine.schema.Table saved = sc.returningTarget;
        sc.returningTarget = target;
        try {
            for (int i = 0; i < n; i++) {
                sc.ex.codeTo(items.get(i).expr, scope, regs + i);
            }
        } finally {
            sc.returningTarget = saved;
        }
        int rec = p.reg();
        int rowid = p.reg();
        p.v.addOp(Opcode.MAKE_RECORD, regs, n, rec);
        p.v.addOp(Opcode.NEW_ROWID, cursor, rowid);
        p.v.addOp(Opcode.INSERT, cursor, rec, rowid);
    }

    /** Emits the result rows, after the statement's changes. */
    void output() {
        int n = items.size();
        int done = p.label();
        p.v.addOp(Opcode.REWIND, cursor, done);
        int top = p.v.currentAddress();
        int regs = p.regs(n);
        for (int i = 0; i < n; i++) {
            p.v.addOp(Opcode.COLUMN, cursor, i, regs + i);
        }
        p.v.addOp(Opcode.RESULT_ROW, regs, n);
        p.v.addOp(Opcode.NEXT, cursor, top);
        p.resolve(done);
    }
}
