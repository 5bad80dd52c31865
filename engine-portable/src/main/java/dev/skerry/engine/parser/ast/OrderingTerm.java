package dev.skerry.engine.parser.ast;

/**
 * One term of an ORDER BY list (also the terms of a window's ORDER BY and of an aggregate's ORDER BY).
 * A {@code COLLATE} on the term is part of {@code expr} as an {@link Expr.Collate}.
 */
public record OrderingTerm(Expr expr, SortOrder order, NullsOrder nulls) {
}
