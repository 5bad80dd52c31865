package dev.skerry.engine.schema;

import dev.skerry.engine.SqliteException;
import dev.skerry.engine.value.Affinity;

/**
 * The column types of a STRICT table (SQLite's {@code sqlite3StdType}): {@code INT}, {@code INTEGER},
 * {@code REAL}, {@code TEXT}, {@code BLOB} and {@code ANY}, written exactly so (any case, nothing else in the
 * type). A STRICT table refuses any other declared type when it is created; each value written into one of
 * its columns must then have the column's type once the column's affinity has been applied, except NULL and
 * in an {@code ANY} column ({@code OP_TypeCheck}).
 */
public final class StrictTypes {
    private StrictTypes() {
    }

    /** No value is accepted but NULL and the type's own (after affinity). */
    public static final int BLOB = 1;
    public static final int INTEGER = 2;
    public static final int REAL = 3;
    public static final int TEXT = 4;
    /** Any value. */
    public static final int ANY = 5;

    /**
     * The affinity of a STRICT table's column of declared type {@code type} (BLOB, i.e. none, for ANY), or
     * SQLite's error {@code missing datatype for t.c} / {@code unknown datatype for t.c: "x"}.
     */
    static char affinity(String table, String column, String type) throws SqliteException {
        int kind = kind(type);
        if (kind == 0) {
            throw SqliteException.error(type.isEmpty() ? "missing datatype for " + table + "." + column
                    : "unknown datatype for " + table + "." + column + ": \"" + type + "\"");
        }
        return kind == ANY ? Affinity.BLOB : Affinity.fromDeclaredType(type);
    }

    /** The STRICT kind of declared type {@code type}, or 0 when it is not one of the six names. */
    public static int kind(String type) {
        if (Names.equal(type, "INT") || Names.equal(type, "INTEGER")) {
            return INTEGER;
        }
        if (Names.equal(type, "REAL")) {
            return REAL;
        }
        if (Names.equal(type, "TEXT")) {
            return TEXT;
        }
        if (Names.equal(type, "BLOB")) {
            return BLOB;
        }
        return Names.equal(type, "ANY") ? ANY : 0;
    }
}
