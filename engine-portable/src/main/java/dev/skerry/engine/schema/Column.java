package dev.skerry.engine.schema;

import dev.skerry.engine.parser.ast.Expr;
import dev.skerry.engine.value.Collation;

/**
 * One column of a table as its CREATE TABLE statement declares it.
 *
 * <p>Immutable. {@code declaredType} is the type name exactly as written (SQLite keeps its source text:
 * {@code VARCHAR ( 10 )}), or the empty string when the column has none; {@code affinity} is derived from
 * it by SQLite's rules (one of the affinity letters 'A' BLOB, 'B' TEXT, 'C' NUMERIC, 'D' INTEGER,
 * 'E' REAL). {@code collation} is the column's COLLATE (BINARY when none). {@code defaultValue} is the
 * DEFAULT expression, or null. A generated column ({@code AS (expr)}) has its expression in {@code generated}
 * and its kind in {@code generatedKind}: {@link #VIRTUAL} (computed when read, not in the record) or
 * {@link #STORED} (computed when the row is written, stored in the record); the numbers are the
 * {@code hidden} values {@code PRAGMA table_xinfo} shows.
 */
public final class Column {
    private final String name;
    private final String declaredType;
    private final char affinity;
    private final boolean notNull;
    private final int notNullConflict;
    private final Expr defaultValue;
    private final Collation collation;
    private final boolean primaryKey;
    private final Expr generated;
    private final int generatedKind;

    /** Not a generated column. */
    public static final int NOT_GENERATED = 0;
    /** A VIRTUAL generated column. */
    public static final int VIRTUAL = 2;
    /** A STORED generated column. */
    public static final int STORED = 3;

    public Column(String name, String declaredType, char affinity, boolean notNull, int notNullConflict,
            Expr defaultValue, Collation collation, boolean primaryKey) {
        this(name, declaredType, affinity, notNull, notNullConflict, defaultValue, collation, primaryKey, null,
                NOT_GENERATED);
    }

    public Column(String name, String declaredType, char affinity, boolean notNull, int notNullConflict,
            Expr defaultValue, Collation collation, boolean primaryKey, Expr generated, int generatedKind) {
        this.generated = generated;
        this.generatedKind = generatedKind;
        this.name = name;
        this.declaredType = declaredType;
        this.affinity = affinity;
        this.notNull = notNull;
        this.notNullConflict = notNullConflict;
        this.defaultValue = defaultValue;
        this.collation = collation;
        this.primaryKey = primaryKey;
    }

    public String name() {
        return name;
    }

    /** The declared type as written, or "" when none. */
    public String declaredType() {
        return declaredType;
    }

    public char affinity() {
        return affinity;
    }

    public boolean notNull() {
        return notNull;
    }

    /** The NOT NULL constraint's ON CONFLICT action ({@link Conflict}), {@link Conflict#DEFAULT} when none. */
    public int notNullConflict() {
        return notNullConflict;
    }

    /** The DEFAULT expression, or null when the column has none (its default is then NULL). */
    public Expr defaultValue() {
        return defaultValue;
    }

    public Collation collation() {
        return collation;
    }

    /** True when the column is part of the table's PRIMARY KEY. */
    public boolean primaryKey() {
        return primaryKey;
    }

    /** The generated column's expression, or null when the column is not generated. */
    public Expr generated() {
        return generated;
    }

    /** {@link #NOT_GENERATED}, {@link #VIRTUAL} or {@link #STORED}. */
    public int generatedKind() {
        return generatedKind;
    }

    public boolean isGenerated() {
        return generatedKind != NOT_GENERATED;
    }

    /** True for a VIRTUAL generated column: it has no field in the record. */
    public boolean isVirtual() {
        return generatedKind == VIRTUAL;
    }
}
