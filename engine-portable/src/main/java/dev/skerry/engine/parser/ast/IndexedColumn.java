package dev.skerry.engine.parser.ast;

/**
 * A column of an index, of a PRIMARY KEY/UNIQUE table constraint or of an upsert target: an expression (a
 * plain column is an {@link Expr.ColumnRef}; a {@code COLLATE} is an {@link Expr.Collate} around it), its
 * sort order and the NULLS FIRST/LAST written after it (SQLite's grammar accepts it there; SQLite then
 * refuses it: {@code unsupported use of NULLS FIRST}).
 */
public record IndexedColumn(Expr expr, SortOrder order, NullsOrder nulls) {
    /** A column without NULLS FIRST/LAST. */
    public IndexedColumn(Expr expr, SortOrder order) {
        this(expr, order, NullsOrder.DEFAULT);
    }
}
