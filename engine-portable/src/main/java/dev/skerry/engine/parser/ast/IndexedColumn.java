package dev.skerry.engine.parser.ast;

/**
 * A column of an index, of a PRIMARY KEY/UNIQUE table constraint or of an upsert target: an expression (a
 * plain column is an {@link Expr.ColumnRef}; a {@code COLLATE} is an {@link Expr.Collate} around it) and
 * its sort order.
 */
public record IndexedColumn(Expr expr, SortOrder order) {
}
