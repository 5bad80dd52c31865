package dev.skerry.engine.parser.ast;

/** A column constraint. {@code name()} is the {@code CONSTRAINT name} before it, or null. */
public interface ColumnConstraint {

    Name name();

    /** {@code PRIMARY KEY [ASC|DESC] [ON CONFLICT c] [AUTOINCREMENT]}; {@code onConflict} may be null. */
    record PrimaryKey(Name name, SortOrder order, ConflictAlgorithm onConflict, boolean autoincrement)
            implements ColumnConstraint {
    }

    /** {@code NOT NULL [ON CONFLICT c]}. */
    record NotNull(Name name, ConflictAlgorithm onConflict) implements ColumnConstraint {
    }

    /** {@code NULL [ON CONFLICT c]}: accepted and without effect, as in SQLite. */
    record Null(Name name, ConflictAlgorithm onConflict) implements ColumnConstraint {
    }

    /** {@code UNIQUE [ON CONFLICT c]}. */
    record Unique(Name name, ConflictAlgorithm onConflict) implements ColumnConstraint {
    }

    /** {@code CHECK (expr)}. */
    record Check(Name name, Expr expr) implements ColumnConstraint {
    }

    /**
     * {@code DEFAULT value}: a literal, a signed number ({@code -1} is a {@link Expr.Unary}, {@code +1} the
     * literal alone), an identifier (a STRING {@link Expr.Literal} of its text, as SQLite takes it, except
     * unquoted {@code true}/{@code false} which stay {@link Expr.ColumnRef}s for the resolver's boolean rule)
     * or a parenthesised expression. {@code text} is the source text SQLite
     * reports as {@code dflt_value} (for {@code DEFAULT (expr)} the text between the parentheses; for {@code DEFAULT -5} the sign too).
     */
    record Default(Name name, Expr value, String text) implements ColumnConstraint {
    }

    /** {@code COLLATE collation}. */
    record Collate(Name name, Name collation) implements ColumnConstraint {
    }

    /** {@code REFERENCES ...}. */
    record References(Name name, ForeignKeyClause foreignKey) implements ColumnConstraint {
    }

    /** {@code [GENERATED ALWAYS] AS (expr) [STORED|VIRTUAL]}; {@code stored} false means VIRTUAL (the default). */
    record Generated(Name name, Expr expr, boolean stored) implements ColumnConstraint {
    }

    /**
     * {@code [NOT] DEFERRABLE [INITIALLY ...]} written as a column constraint of its own (not directly after
     * REFERENCES, where it belongs to the {@link ForeignKeyClause}); SQLite applies it to the table's most
     * recently declared foreign key.
     */
    record Deferrable(Name name, boolean initiallyDeferred) implements ColumnConstraint {
    }
}
