package dev.skerry.engine.translate;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.schema.Index;
import dev.skerry.engine.schema.Table;
import dev.skerry.engine.vdbe.Opcode;

/**
 * Emits the code computing one row's index key (SQLite's {@code sqlite3GenerateIndexKey}): each key field is
 * a table column, or an expression of the row's columns (an index on expressions), followed by the rowid;
 * for a partial index, the test of its WHERE condition first (a row for which it is false or NULL has no entry).
 *
 * <p>The row is read either from a table cursor ({@link #fromCursor}) or from registers holding its columns
 * ({@link #fromRegisters}, the new row of an INSERT or UPDATE, after affinity). Expressions are compiled in a
 * scope holding only the table (no trigger OLD/NEW, no outer query), as SQLite resolves them against the table.
 */
final class IndexKeys {
    private final Parse p;
    private final ExprCoder ex;
    private final Table table;
    private final Scope scope;
    private final int cursor;
    private final int newRegs;
    private final int rowidReg;

    private IndexKeys(Parse p, ExprCoder ex, Table table, int cursor, int newRegs, int rowidReg) {
        this.p = p;
        this.ex = ex;
        this.table = table;
        this.cursor = cursor;
        this.newRegs = newRegs;
        this.rowidReg = rowidReg;
        this.scope = new Scope(null, p.schema);
        Source row = new Source(table, table.name(), cursor);
        if (cursor < 0) {
            int[] regs = new int[table.columnCount()];
            for (int i = 0; i < regs.length; i++) {
                regs[i] = newRegs + i;
            }
            row.readFromRegisters(regs, rowidReg);
        }
        scope.add(row);
    }

    /** Keys of the row the table cursor {@code cursor} is on; its rowid is already in {@code rowidReg}. */
    static IndexKeys fromCursor(Parse p, ExprCoder ex, Table table, int cursor, int rowidReg) {
        return new IndexKeys(p, ex, table, cursor, 0, rowidReg);
    }

    /** Keys of the row whose column i is in register {@code newRegs + i} and whose rowid is in {@code rowidReg}. */
    static IndexKeys fromRegisters(Parse p, ExprCoder ex, Table table, int newRegs, int rowidReg) {
        return new IndexKeys(p, ex, table, -1, newRegs, rowidReg);
    }

    /**
     * For a partial index, jumps to {@code notIndexed} unless its WHERE condition is true for the row;
     * nothing for another index.
     */
    void testWhere(Index index, int notIndexed) throws SqliteException {
        if (index.where() != null) {
            int was = ex.pureSite(Opcode.PURE_INDEX);
            try {
                ex.jumpIfFalse(index.where(), scope, notIndexed, true);
            } finally {
                ex.pureSite(was);
            }
        }
    }

    /** Computes the key fields and the rowid of {@code index} into {@code key .. key + columnCount()}. */
    void codeKey(Index index, int key) throws SqliteException {
        int n = index.columnCount();
        for (int f = 0; f < n; f++) {
            int c = index.column(f);
            Expr e = index.expr(f);
            if (e != null) {
                int was = ex.pureSite(Opcode.PURE_INDEX);
                try {
                    ex.codeTo(e, scope, key + f);
                } finally {
                    ex.pureSite(was);
                }
            } else if (c == table.rowidAlias()) {
                p.v.addOp(Opcode.SCOPY, rowidReg, key + f);
            } else if (cursor >= 0) {
                GeneratedColumns.column(p, table, cursor, c, key + f);
            } else {
                p.v.addOp(Opcode.SCOPY, newRegs + c, key + f);
            }
        }
        p.v.addOp(Opcode.SCOPY, rowidReg, key + n);
    }

    /**
     * What a UNIQUE violation of {@code index} names after {@code UNIQUE constraint failed: } (SQLite's
     * {@code sqlite3UniqueConstraint}): {@code t.a, t.b}, or {@code index 'i'} when a key field is an expression.
     */
    static String uniqueLabel(Table table, Index index) {
        if (index.hasExpressions()) {
            return "index '" + index.name() + "'";
        }
        StringBuilder cols = new StringBuilder();
        for (int f = 0; f < index.columnCount(); f++) {
            if (f > 0) {
                cols.append(", ");
            }
            cols.append(table.name()).append('.').append(table.column(index.column(f)).name());
        }
        return cols.toString();
    }
}
