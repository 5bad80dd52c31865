package dev.skerry.engine.parser.ast;

/**
 * A result column of a SELECT (or of RETURNING): {@code *}, {@code table.*} or {@code expr [[AS] alias]}.
 * The span covers the column as written without its alias; SQLite names an unaliased expression column by
 * that text.
 */
public interface ResultColumn extends Node {

    /** {@code *} */
    record Star(int start, int end) implements ResultColumn {
    }

    /** {@code table.*} */
    record TableStar(Name table, int start, int end) implements ResultColumn {
    }

    /** {@code expr [[AS] alias]}; {@code alias} is null when absent. */
    record Column(Expr expr, Name alias, int start, int end) implements ResultColumn {
    }
}
