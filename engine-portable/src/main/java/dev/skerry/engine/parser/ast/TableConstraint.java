package dev.skerry.engine.parser.ast;

import java.util.List;

/** A table constraint of CREATE TABLE. {@code name()} is the {@code CONSTRAINT name} before it, or null. */
public interface TableConstraint {

    Name name();

    /** {@code PRIMARY KEY (columns [AUTOINCREMENT]) [ON CONFLICT c]}. */
    record PrimaryKey(Name name, List<IndexedColumn> columns, boolean autoincrement, ConflictAlgorithm onConflict)
            implements TableConstraint {
    }

    /** {@code UNIQUE (columns) [ON CONFLICT c]}. */
    record Unique(Name name, List<IndexedColumn> columns, ConflictAlgorithm onConflict) implements TableConstraint {
    }

    /** {@code CHECK (expr)}. */
    record Check(Name name, Expr expr) implements TableConstraint {
    }

    /** {@code FOREIGN KEY (columns) REFERENCES ...}. */
    record ForeignKey(Name name, List<Name> columns, ForeignKeyClause foreignKey) implements TableConstraint {
    }
}
