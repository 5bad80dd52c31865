package dev.skerry.engine.schema;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.parser.ast.Expr;

/**
 * What the schema needs to know of the keys of an index on expressions: whether a key field is a plain column.
 * (An expression field's collating sequence is its outermost written COLLATE, else BINARY, as SQLite's
 * {@code sqlite3CreateIndex} sets it; the collations inside the expression do not count.)
 */
public final class IndexExprs {
    private IndexExprs() {
    }

    /**
     * The column number of {@code e} when it names a column of {@code table} (unqualified, or qualified with
     * the table's name) or is a string literal naming one (SQLite's {@code sqlite3StringToId}), else
     * {@link Index#EXPR}. A name that is no column of the table is SQLite's error.
     */
    static int columnOf(Expr e, Table table) throws SqliteException {
        if (e instanceof Expr.Literal && ((Expr.Literal) e).kind() == Expr.LiteralKind.STRING) {
            int c = table.findColumn(((Expr.Literal) e).value());
            if (c < 0) {
                throw SqliteException.error("no such column: " + ((Expr.Literal) e).value());
            }
            return c;
        }
        if (!(e instanceof Expr.ColumnRef)) {
            return Index.EXPR;
        }
        Expr.ColumnRef ref = (Expr.ColumnRef) e;
        String name = ref.column().text();
        if (ref.table() != null && !Names.equal(ref.table().text(), table.name())) {
            throw SqliteException.error("no such column: " + ref.table().text() + "." + name);
        }
        int c = table.findColumn(name);
        if (c < 0) {
            throw SqliteException.error("no such column: " + name);
        }
        return c;
    }
}
