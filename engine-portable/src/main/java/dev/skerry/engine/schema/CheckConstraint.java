package dev.skerry.engine.schema;

import dev.skerry.engine.parser.ast.Expr;

/**
 * A CHECK constraint of a table: its expression over the table's columns and the text SQLite names it by in
 * {@code CHECK constraint failed: X} (the constraint's name when it has one, else the expression as written).
 * Immutable.
 */
public final class CheckConstraint {
    private final Expr expr;
    private final String label;

    public CheckConstraint(Expr expr, String label) {
        this.expr = expr;
        this.label = label;
    }

    public Expr expr() {
        return expr;
    }

    /** The name used in the error message. */
    public String label() {
        return label;
    }
}
